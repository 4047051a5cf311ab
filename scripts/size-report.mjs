// Reports what a first visit downloads (the HTML, the wasm, the JS glue and the
// CSS that index.html names), raw and compressed with brotli and gzip.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const html = readFileSync(join(dir, "index.html"), "utf8");
const assets = [...html.matchAll(/(?:href|src)=["']?\/?([^"' >]+\.(?:wasm|js|css))/g)].map((m) => m[1]);
const files = ["index.html", ...new Set(assets)];
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
