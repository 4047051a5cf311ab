// Trunk post_build hook (Trunk.toml): splits the app's wasm so a first visit
// downloads the shell and the start page, and every other page loads its own
// code when it is first visited (Leptos `#[lazy_route]`, see src/lazy_page.rs).
//
// Trunk 0.21 has no split step, so this does what cargo-leptos does with
// `--split`: take the wasm cargo linked (with --emit-relocs, .cargo/config.toml),
// cut it with wasm-split-cli, run wasm-bindgen on the main part, optimise every
// part with binaryen, and put the results in Trunk's staging directory under the
// names Trunk gave its own unsplit build, with index.html's integrity hashes
// brought up to date.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// binaryen (wasm-opt's library) comes with the build's own packages,
// tools/package.json (scripts/setup installs them).
import binaryen from "../tools/node_modules/binaryen/index.js";
// Trunk's own minifier cannot read wasm-bindgen's JavaScript, so terser does.
import { minify } from "../tools/node_modules/terser/main.js";

const staging = must("TRUNK_STAGING_DIR");
const release = must("TRUNK_PROFILE") === "release";
// The cargo profiles index.html selects (data-cargo-profile-release).
const profile = release ? "wasm-release" : "debug";
const crate = "put-it-right";

function must(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through Trunk (Trunk.toml hooks)`);
  return value;
}

function run(command, args) {
  execFileSync(command, args, { stdio: ["ignore", "inherit", "inherit"] });
}

function targetDir() {
  if (process.env.CARGO_TARGET_DIR) return process.env.CARGO_TARGET_DIR;
  const meta = execFileSync("cargo", ["metadata", "--no-deps", "--format-version", "1"], { encoding: "utf8" });
  return JSON.parse(meta).target_directory;
}

// The wasm target's default features in Rust 1.95 (what rustc emitted); the
// optimiser may use no others, or browsers could refuse the result.
const features =
  binaryen.Features.MutableGlobals |
  binaryen.Features.NontrappingFPToInt |
  binaryen.Features.BulkMemory |
  binaryen.Features.BulkMemoryOpt |
  binaryen.Features.SignExt |
  binaryen.Features.ReferenceTypes |
  binaryen.Features.Multivalue |
  binaryen.Features.CallIndirectOverlong;

/** wasm-opt -Oz, in this process: one binaryen start-up for every part. */
function optimise(path) {
  const module = binaryen.readBinary(readFileSync(path), features);
  try {
    binaryen.setOptimizeLevel(2);
    binaryen.setShrinkLevel(2);
    binaryen.setDebugInfo(false);
    module.optimize();
    if (!module.validate()) throw new Error(`${path} does not validate after optimising`);
    writeFileSync(path, module.emitBinary());
  } finally {
    module.dispose();
  }
}

// A chunk that cannot be fetched (offline, or a passing server fault) would
// reach Rust as a failed load, which Leptos's lazy routes treat as fatal: the
// app would stop. So the loader keeps trying instead, at once when the browser
// is back online, and the page asked for appears then; the offline banner says
// why nothing has happened yet. If the chunk still fails while online, the app
// was probably updated under the resident's feet: reload once for the new one
// (drafts are on the device, so nothing typed is lost).
const retry = `
async function loadUntilLoaded(callee) {
    for (let attempt = 1, wait = 1000; ; attempt++, wait = Math.min(wait * 2, 30000)) {
        try {
            return await callee();
        } catch (e) {
            console.warn("Could not load this page's code; trying again", e);
            if (attempt >= 3 && navigator.onLine && !sessionStorage.getItem("pir.reloaded-for-update")) {
                sessionStorage.setItem("pir.reloaded-for-update", "1");
                location.reload();
            }
            await new Promise((resolve) => {
                const timer = setTimeout(resolve, wait);
                addEventListener("online", () => { clearTimeout(timer); resolve(); }, { once: true });
            });
        }
    }
}
`;

function patchLoader(loader) {
  const call = "await callee();";
  if (loader.split(call).length !== 2) throw new Error("wasm-split's loader has changed: review patchLoader");
  // Its comments (which routes share each chunk) would double the download.
  return loader
    .replace(/^\/\*[^]*?\*\/\n/gm, "")
    .replace(call, "await loadUntilLoaded(callee);").replace("function wrapAsyncCb(", `${retry}function wrapAsyncCb(`);
}

/** The JavaScript, minified in a release build: a third the size compressed. */
async function small(js) {
  if (!release) return js;
  const { code } = await minify(js, { module: true, compress: true, mangle: true });
  return code;
}

/**
 * What the first page of each group fetches: its own part and the chunks it
 * shares with other groups, read from wasm-split's loader before it is
 * minified. scripts/size-report.mjs reports it.
 */
function groupFiles(loader) {
  const chunks = new Map(
    [...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const groups = {};
  const load = /export const __wasm_split_load_([a-z]+)_\d+ = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[^]*?, \[([^\]]*)\]\)\);/g;
  for (const [, group, own, deps] of loader.matchAll(load)) {
    groups[group] = [own, ...deps.split(",").map((d) => d.trim()).filter(Boolean).map((d) => chunks.get(d))];
  }
  if (Object.keys(groups).length === 0 || Object.values(groups).flat().some((f) => !f)) {
    throw new Error("cannot read the groups from wasm-split's loader: review groupFiles");
  }
  return groups;
}

/**
 * The group of pages each address opens in (src/app.rs's `lazy_page!` lines,
 * for the addresses of src/routes.rs), so that index.html can fetch the first
 * page's code together with the main module instead of after it has run. An
 * address matched by none (the start page, a page not found) fetches none.
 * A wrong group costs a wasted download and the old wait, not a broken page:
 * scripts/first-visits.mjs fails when a measured page waits.
 */
const ENTRY_GROUPS = [
  [/^\/(help|accessibility|service-status|ombudsman)$/, "info"],
  [/^\/sign-in\/(authenticator-code|set-up-authenticator-app)$/, "staff"],
  [/^\/(sign-in|signed-out|create-account|settings|verify-email)$/, "account"],
  [/^\/(account(\/(password|sessions|delete|deleted))?|forgot-password|reset-password)$/, "security"],
  [/^\/(feedback\/(new|sent)|cases\/[^/]+\/equality)$/, "feedback"],
  [/^\/cases(\/[^/]+(\/(add-information|not-understood|ask-for-review|ask-for-panel|withdraw|satisfaction))?)?$/, "cases"],
  [/^\/complaints\/new(\/|$)/, "complaint"],
  [/^\/(staff\/(figures(\/cases)?|compliance|new-case|annual-reports(\/[^/]+)?)|annual-reports\/[^/]+)$/, "figures"],
  [/^\/staff(\/(cases\/[^/]+|authorisations|messages))?$/, "staff"],
  [/^\/(authorisations(\/new)?|advocate(\/(residents|complaints)\/new)?)$/, "advocates"],
];

/**
 * An inline script for index.html's head: preload links for the chunks of the
 * group the address opens in, written while the page is parsed, so they are
 * fetched alongside the main module (as the loader fetches them: `fetch`,
 * same origin). The server allows it by its hash (crates/server/src/web.rs).
 */
function entryPreloads(groups) {
  const named = new Set(ENTRY_GROUPS.map(([, group]) => group));
  const missing = Object.keys(groups).filter((group) => !named.has(group));
  const unknown = [...named].filter((group) => !groups[group]);
  if (missing.length > 0 || unknown.length > 0) {
    throw new Error(`ENTRY_GROUPS and the app's groups differ: add ${missing.join(", ") || "none"}, drop ${unknown.join(", ") || "none"}`);
  }
  // Each group as its own part and the chunks it shares, as a bit mask in hex
  // (bit n of the mask for chunk_n.wasm): a tenth the size of a list.
  const table = ENTRY_GROUPS.map(([pattern, group]) => {
    const [own, ...shared] = groups[group];
    const bits = [];
    for (const file of shared) {
      const n = Number(file.match(/^chunk_(\d+)\.wasm$/)?.[1] ?? NaN);
      if (Number.isNaN(n)) throw new Error(`unexpected chunk name ${file} in group ${group}: review entryPreloads`);
      bits[n >> 2] = (bits[n >> 2] ?? 0) | (1 << (n & 3));
    }
    return [pattern.source, own, Array.from(bits, (b) => (b ?? 0).toString(16)).join("")];
  });
  return `(function(){var p=location.pathname.replace(/\\/+/g,"/").replace(/(.)\\/$/,"$1"),t=${JSON.stringify(table)};` +
    `function l(f){var e=document.createElement("link");e.rel="preload";e.as="fetch";e.crossOrigin="anonymous";e.href="/${splitDir}/"+f;document.head.appendChild(e)}` +
    `for(var i=0;i<t.length;i++)if(new RegExp(t[i][0]).test(p)){l(t[i][1]);for(var j=0;j<t[i][2].length*4;j++)if(parseInt(t[i][2][j>>2],16)>>(j&3)&1)l("chunk_"+j+".wasm");break}})()`;
}

const sha384 = (path) => `sha384-${createHash("sha384").update(readFileSync(path)).digest("base64")}`;

// The names Trunk gave its build: put-it-right-<hash>.js and _bg.wasm.
const name = readdirSync(staging)
  .map((file) => file.match(new RegExp(`^(${crate}(?:-[0-9a-f]+)?)\\.js$`)))
  .find(Boolean)?.[1];
if (!name) throw new Error(`no ${crate} JavaScript in ${staging}`);
const splitDir = `${name}-split`;

const work = mkdtempSync(join(tmpdir(), "put-it-right-split-"));
try {
  const linked = join(targetDir(), "wasm32-unknown-unknown", profile, `${crate}.wasm`);
  const parts = join(work, "parts");
  run("wasm-split-cli", [linked, parts, "--out-name", name]);
  const bindgen = join(work, "bindgen");
  run("wasm-bindgen", [
    "--target", "web", "--no-typescript", "--keep-lld-exports", "--no-demangle",
    "--out-name", name, "--out-dir", bindgen, join(parts, `${name}.wasm`),
  ]);
  rmSync(join(parts, `${name}.wasm`));

  const chunks = readdirSync(parts).filter((file) => file.endsWith(".wasm"));
  if (release) {
    optimise(join(bindgen, `${name}_bg.wasm`));
    for (const chunk of chunks) optimise(join(parts, chunk));
  }

  // The main module imports the loader beside it; the loader imports the main
  // module back, and fetches the chunks relative to itself.
  const js = readFileSync(join(bindgen, `${name}.js`), "utf8");
  // Only the import statements move; the wasm's import table keeps the name.
  const loaderImport = /(\bfrom\s*)(["'])\.\/__wasm_split\.js\2/g;
  if (!loaderImport.test(js)) throw new Error("the app does not import the split loader: are there no lazy routes?");
  writeFileSync(join(staging, `${name}.js`), await small(js.replace(loaderImport, `$1"./${splitDir}/__wasm_split.js"`)));
  renameSync(join(bindgen, `${name}_bg.wasm`), join(staging, `${name}_bg.wasm`));
  const loader = patchLoader(readFileSync(join(parts, "__wasm_split.js"), "utf8"));
  const groups = groupFiles(loader);
  rmSync(join(staging, splitDir), { recursive: true, force: true });
  mkdirSync(join(staging, splitDir));
  writeFileSync(join(staging, splitDir, "__wasm_split.js"), await small(loader.replaceAll(`"./${name}.js"`, `"../${name}.js"`)));
  for (const chunk of chunks) renameSync(join(parts, chunk), join(staging, splitDir, chunk));
  writeFileSync(join(staging, splitDir, "groups.json"), `${JSON.stringify(groups, null, 1)}\n`);

  // Subresource integrity for the two files replaced.
  const htmlPath = join(staging, "index.html");
  let html = readFileSync(htmlPath, "utf8");
  for (const file of [`${name}.js`, `${name}_bg.wasm`]) {
    const hash = sha384(join(staging, file));
    html = html.replace(/<link\b[^>]*>/g, (tag) =>
      tag.includes(`/${file}`) ? tag.replace(/sha384-[A-Za-z0-9+/=]+/, hash) : tag,
    );
  }
  // The first page's chunks (entryPreloads), asked for by a script before
  // the stylesheet, which would hold it back until loaded; and the loader,
  // which the JavaScript glue imports, fetched with it rather than after it.
  if (!/<link\b/.test(html) || !html.includes("</head>")) throw new Error("index.html has no <link> or </head>: review the preloads");
  html = html.replace(/<link\b/, `<script>${entryPreloads(groups)}</script>$&`);
  html = html.replace(
    "</head>",
    `<link crossorigin href=/${splitDir}/__wasm_split.js integrity=${sha384(join(staging, splitDir, "__wasm_split.js"))} rel=modulepreload></head>`,
  );
  writeFileSync(htmlPath, html);
  console.log(`split ${crate} into ${chunks.length} chunks in ${splitDir}/`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
