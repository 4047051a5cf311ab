// Reports what a first visit to the start page downloads, raw and compressed
// with brotli and gzip: the HTML, the CSS, the JS glue and the wasm that
// index.html names, and the modules the JS imports in turn (the loader of the
// per-page wasm chunks, scripts/split-wasm.mjs). The start page is in the main
// wasm, so no chunk is fetched for it; other pages fetch theirs when visited.
import { readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

// `--budget N`: fail when the first page's wasm and JavaScript are over N KiB
// with brotli (issue #5 asks for at most 150).
const args = process.argv.slice(2);
const budgetAt = args.indexOf("--budget");
const budget = budgetAt >= 0 ? Number(args.splice(budgetAt, 2)[1]) : undefined;
const dir = args[0] ?? "dist";
const html = readFileSync(join(dir, "index.html"), "utf8");
const named = [...html.matchAll(/(?:href|src)=["']?\/?([^"' >]+\.(?:wasm|js|css))/g)].map((m) => m[1]);
const files = ["index.html"];
const visit = (name) => {
  if (files.includes(name)) return;
  files.push(name);
  if (!name.endsWith(".js")) return;
  const js = readFileSync(join(dir, name), "utf8");
  for (const [, path] of js.matchAll(/\bfrom\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    visit(normalize(join(dirname(name), path)));
  }
};
named.forEach(visit);

const kib = (n) => (n / 1024).toFixed(1);
let total = { raw: 0, br: 0, gz: 0 };
let code = 0;
const rows = files.map((name) => {
  const data = readFileSync(join(dir, name));
  const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const gz = gzipSync(data, { level: 9 }).length;
  total = { raw: total.raw + data.length, br: total.br + br, gz: total.gz + gz };
  if (/\.(wasm|js)$/.test(name)) code += br;
  return `| ${name.replace(/-[0-9a-f]{16}/, "-…")} | ${kib(data.length)} | ${kib(br)} | ${kib(gz)} |`;
});
console.log("| file | raw KiB | brotli KiB | gzip KiB |\n|---|---|---|---|");
console.log(rows.join("\n"));
console.log(`| **first visit** | ${kib(total.raw)} | **${kib(total.br)}** | ${kib(total.gz)} |`);
console.log(`| wasm + JavaScript | | **${kib(code)}** | |`);

// What the first visit to a page of each group fetches besides (the build's
// groups.json, written by scripts/split-wasm.mjs).
const splitDir = files.map((name) => name.match(/^(.*-split)\/__wasm_split\.js$/)?.[1]).find(Boolean);
if (splitDir) {
  const groups = JSON.parse(readFileSync(join(dir, splitDir, "groups.json"), "utf8"));
  console.log("\n| first page of a group (besides the above) | wasm files | raw KiB | brotli KiB |\n|---|---|---|---|");
  for (const [group, wasm] of Object.entries(groups).sort()) {
    let raw = 0;
    let br = 0;
    for (const file of wasm) {
      const data = readFileSync(join(dir, splitDir, file));
      raw += data.length;
      br += brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    }
    console.log(`| ${group} | ${wasm.length} | ${kib(raw)} | ${kib(br)} |`);
  }
}
if (budget !== undefined && code > budget * 1024) {
  console.error(`The first page's wasm and JavaScript are ${kib(code)} KiB with brotli, over the budget of ${budget} KiB.`);
  process.exit(1);
}
