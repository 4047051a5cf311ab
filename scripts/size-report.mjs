// Reports what a first visit to the start page downloads, raw and compressed
// with brotli and gzip: the HTML, the CSS, the JS glue and the wasm that
// index.html names, and the modules the JS imports in turn (the loader of the
// per-page wasm chunks, scripts/split-wasm.mjs). The start page is in the main
// wasm, so no chunk is fetched for it; other pages fetch theirs when visited.
import { readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = process.argv[2] ?? "dist";
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
const rows = files.map((name) => {
  const data = readFileSync(join(dir, name));
  const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const gz = gzipSync(data, { level: 9 }).length;
  total = { raw: total.raw + data.length, br: total.br + br, gz: total.gz + gz };
  return `| ${name.replace(/-[0-9a-f]{16}/, "-…")} | ${kib(data.length)} | ${kib(br)} | ${kib(gz)} |`;
});
console.log("| file | raw KiB | brotli KiB | gzip KiB |\n|---|---|---|---|");
console.log(rows.join("\n"));
console.log(`| **first visit** | ${kib(total.raw)} | **${kib(total.br)}** | ${kib(total.gz)} |`);
