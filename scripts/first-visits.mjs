#!/usr/bin/env node
// Measures what a first visit to each of the app's main pages downloads, from
// the network records of a real browser (Debian's Chromium, launched as the
// e2e tests launch it), not from file sizes: the release server serves the
// built dist/ with the demo data, and each page is opened from an empty cache
// (a fresh browser context, phone size) as the person who would open it.
//
//   node scripts/first-visits.mjs [--budget KiB] [--max-cls N] [--port N] [dist]
//
// For each page it prints the brotli bytes of wasm and JavaScript the browser
// received (the server sends scripts/compress.mjs's pre-compressed copies, so
// these are the encoded body sizes of the responses; a response that came
// uncompressed is compressed here instead, and the table says so), how many
// files, in how many rounds the code was requested (a request that starts only
// after another code request has finished is a round later: a waterfall), and
// the page's cumulative layout shift. With `--budget` it fails when a page's
// wasm and JavaScript are over that many KiB, or its code took more than one
// round.
//
// scripts/test runs it straight after the build; scripts/size-report.mjs
// still reports the built files themselves.

import { spawn } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";
import { chromiumLaunchOptions } from "../e2e/chromium.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "e2e", "package.json"));
const { chromium } = (() => {
  try {
    return require("playwright-core");
  } catch {
    return require("playwright");
  }
})();

const args = process.argv.slice(2);
function option(name) {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
}
const budgetArg = option("--budget");
const budget = budgetArg === undefined ? undefined : Number(budgetArg);
const portArg = option("--port");
// `--max-cls N`: fail when a page's cumulative layout shift is over N (issue
// 20 asks for 0.02, and scripts/test asks it of every page measured).
const maxClsArg = option("--max-cls");
const maxCls = maxClsArg === undefined ? undefined : Number(maxClsArg);
const dist = resolve(args[0] ?? join(root, "dist"));

// The release server scripts/build made, where e2e/playwright.config.ts finds it.
const checkoutKey = createHash("sha256").update(root).digest("hex").slice(0, 12);
const targetDir = process.env.CARGO_TARGET_DIR ?? join(homedir(), ".cache", "put-it-right", `target-${checkoutKey}`);
const serverBin = process.env.SERVER_BIN ?? join(targetDir, "release", "server");
if (!existsSync(serverBin)) throw new Error(`no server at ${serverBin}: run scripts/build first`);
if (!existsSync(join(dist, "index.html"))) throw new Error(`no app in ${dist}: run scripts/build first`);

/** The demo's accounts (crates/server/src/demo.rs) and the staff's authenticator key. */
const RESIDENT = { email: "resident@example.com", password: "demo-password-1", role: "resident" };
const STAFF = { email: "caseworker@example.com", password: "demo-password-1", totpSecret: "PUTITRIGHTDEMOTOTPSECRETFORDEMOS", role: "staff" };

/**
 * The first visits measured: who opens the page, its address (a function of
 * the signed-in API when it names a case), and what shows it is ready besides
 * its heading.
 */
// `ceiling`: until a page is brought under the budget (issue 20 asks 150 KiB
// for every page), it may not grow past its ceiling, set on 2026-12-03 at its
// measured size plus room for the work then under way; the table marks every
// page still over the budget, and lowering a ceiling is how progress is kept.
const PAGES = [
  { name: "start page", path: "/", heading: "Make a complaint, a compliment or a comment about your home", ready: '[data-testid="landlord"]' },
  // 413 since 2026-12-06, night (412.04): the shared chunks of the figures'
  // remedies and causes and the annual report's pages, as for the case pages.
  // 412 again since 2026-12-06, evening: Pioneer's reopening at the same
  // stage and the equality questions' answers had added 2.1 KiB (415 that
  // morning); the staff form for recording a case moved out of the staff
  // group, and every page lost 2 to 4 KiB of shared chunks.
  // 412 since 2026-12-05, evening (410 before): the events, due dates and
  // message histories every page decodes grew by a few variants (the panel
  // put back or dispensed with, the councillor's reply, Notify's delivery).
  { name: "raise a complaint (first question)", ceiling: 413, as: RESIDENT, path: "/complaints/new", heading: "What is your complaint about?", ready: "main form" },
  // 452 since 2026-12-06, night (451.3): the figures' remedies and causes
  // and the annual report's pages share list and form code with the case
  // pages, so their shared chunks grew by 1.3 KiB; "Page not found" left the
  // main module to keep the start page under its budget.
  // 450 again since 2026-12-06, evening (453 that morning, for the case
  // page's invitation to the equality questions), as above.
  { name: "your cases", ceiling: 452, as: RESIDENT, path: "/cases", heading: "Your complaints, compliments and comments", ready: "main a[href^='/cases/']" },
  {
    name: "a case",
    ceiling: 452,
    as: RESIDENT,
    path: async (request) => {
      const cases = await (await request.get("/api/v1/cases")).json();
      const found = cases.find((c) => c.kind === "complaint") ?? cases[0];
      if (!found) throw new Error("the demo resident has no case");
      return `/cases/${found.id}`;
    },
    ready: '[data-testid="next-step"]',
  },
  { name: "settings", ceiling: 270, as: RESIDENT, path: "/settings", heading: "Settings", ready: "main form" },
  // 521 since 2026-12-06, evening (535 that morning, 529 before): the form
  // for recording a case that came another way, with a petition's
  // signatories (Plus Dane §20), loads with the figures and the compliance
  // page, not the queue: 23 KiB off this visit, after the caseworker's form
  // to reopen a complaint at its stage (Pioneer §6), the equality figures
  // and the petition's page section had added 13.7.
  // 529 since 2026-12-05, evening (525 that morning): Pioneer's panel put
  // back or dispensed with and Plus Dane's replies to councillors (issue 18,
  // item 5: staff forms, and events and due dates every page's case
  // decodes), Notify's delivery in each message's history and the queue's
  // hazard filter (issues 17 and 18), and the resident's postal address
  // added 3.6 KiB; one form component for the actions that are a single
  // text took 0.1 back.
  // 525 since 2026-12-05 (510 before; 490 before 2026-12-04): the
  // caseworker's forms for promised actions (issue 16, item 4) added 8.8 KiB
  // to the staff pages' one chunk, the causes and lessons of each response
  // (item 6) 6.4 more, and the messages waiting for staff with each
  // message's history and actions (issue 17, item 4) 14. A group of their
  // own for the messages page made this visit 9.5 KiB heavier, not lighter:
  // the shared chunks it splits off cost more than the page.
  // Giving the queue a group of its own takes 266 KiB off this visit, but the
  // extra, smaller shared chunks add 5 to 7 KiB to every resident page and
  // 0.6 to the start page, so it waits for a split that does not fragment
  // (issue 20). Staff work at a desk; residents' pages come first.
  { name: "staff queue", ceiling: 521, as: STAFF, path: "/staff", heading: "Case queue", ready: "main table" },
];

const freePort = () =>
  new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });

/** The release server on a throwaway SQLite file with the demo data, as the e2e tests start it. */
async function startServer(port) {
  const data = mkdtempSync(join(tmpdir(), "put-it-right-first-visits-"));
  const child = spawn(
    serverBin,
    [
      "--port", String(port),
      "--database-url", `sqlite://${data}/demo.sqlite`,
      "--dist-dir", dist,
      "--policy", "code-2024",
      "--now", "2026-12-18T10:00:00Z",
      "--demo",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const stop = () => {
    child.kill();
    rmSync(data, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries += 1) {
    if (child.exitCode !== null) {
      stop();
      throw new Error(`the server stopped (${child.exitCode}): ${stderr}`);
    }
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) break;
    } catch {}
    if (tries > 300) {
      stop();
      throw new Error(`the server did not answer at ${base} within a minute: ${stderr}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return { base, stop };
}

/** The RFC 6238 code (HMAC-SHA1, 6 digits) of a base32 key for a 30-second step. */
function totp(secret, step) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secret) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hash = createHmac("sha1", key).update(counter).digest();
  const offset = hash[hash.length - 1] & 0x0f;
  return String((hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

/** Signs a context's cookie jar in through the API: the password, then (staff) a code. */
async function signIn(request, account) {
  const answer = await request.post("/api/v1/session", { data: { email: account.email, password: account.password } });
  if (answer.status() === 200) return;
  if (answer.status() !== 202 || !account.totpSecret) {
    throw new Error(`signing in as ${account.email} failed (${answer.status()}): ${await answer.text()}`);
  }
  // The server takes each step's code once: the next step's, if this one was taken.
  const step = Math.floor(Date.now() / 30_000);
  for (const s of [step, step + 1, step - 1]) {
    const code = await request.post("/api/v1/session/second-factor", { data: { code: totp(account.totpSecret, s) } });
    if (code.status() === 200) return;
  }
  throw new Error(`the authenticator codes for ${account.email} were refused`);
}

// Collected in the page from the first paint: every layout shift not caused
// by input, with the elements that moved.
const observeShifts = () => {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      const moved = (entry.sources ?? []).map((source) => {
        const node = source.node;
        const what = !node
          ? "(removed)"
          : node.nodeType === 1
            ? `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ""}${node.className && typeof node.className === "string" ? `.${node.className.trim().split(/\s+/).join(".")}` : ""}`
            : `text "${(node.textContent ?? "").trim().slice(0, 30)}"`;
        return `${what} ${Math.round(source.previousRect.y)}→${Math.round(source.currentRect.y)}px`;
      });
      window.__shifts.push({ value: entry.value, at: Math.round(entry.startTime), moved });
    }
  }).observe({ type: "layout-shift", buffered: true });
};

const isCode = (url) => /\.(wasm|js)$/.test(new URL(url).pathname);
const brotli = (data) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Opens one page from an empty cache and reads its network records. */
async function visit(browser, base, spec) {
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    locale: "en-GB",
    timezoneId: "Europe/London",
  });
  try {
    if (spec.as) await signIn(context.request, spec.as);
    const path = typeof spec.path === "function" ? await spec.path(context.request) : spec.path;
    const page = await context.newPage();
    await page.addInitScript(observeShifts);
    // Someone signed in has signed in on this device before, through the
    // app, which keeps the kind of account (src/device_data.rs, LAST_ROLE) so
    // the header draws its links at once. Signing in through the API above
    // does not, so it is kept here; the caches stay empty.
    if (spec.as) await page.addInitScript((role) => localStorage.setItem("pir.last_role", role), spec.as.role);
    // Who asked for each file: the page's HTML (its parser or its own inline
    // scripts), or code that had to be downloaded and run first.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const initiators = new Map();
    cdp.on("Network.requestWillBeSent", ({ request, initiator }) => {
      const frames = [];
      for (let stack = initiator.stack; stack; stack = stack.parent) frames.push(...stack.callFrames);
      const by = frames.map((frame) => frame.url).find(Boolean) ?? initiator.url ?? "";
      if (!initiators.has(request.url)) initiators.set(request.url, by);
    });
    const finished = [];
    page.on("requestfinished", (request) => finished.push(request));
    const failed = [];
    page.on("requestfailed", (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));
    await page.goto(path);
    const heading = page.locator("main h1");
    await heading.waitFor();
    if (spec.heading) {
      await heading
        .filter({ hasText: new RegExp(`^\\s*${spec.heading.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`) })
        .waitFor({ timeout: 15_000 })
        .catch(async () => {
          throw new Error(`${path} shows "${(await heading.textContent())?.trim()}", not "${spec.heading}"`);
        });
    }
    await page.locator(spec.ready).first().waitFor();
    await page.waitForLoadState("networkidle");
    if (failed.length > 0) throw new Error(`${path}: requests failed:\n${failed.join("\n")}`);

    const code = [];
    for (const request of finished.filter((r) => isCode(r.url()))) {
      const response = await request.response();
      const encoding = (await response.headerValue("content-encoding")) ?? "identity";
      const { responseBodySize } = await request.sizes();
      const timing = request.timing();
      code.push({
        url: new URL(request.url()).pathname,
        by: initiators.get(request.url()) ?? "",
        encoding,
        // Received compressed with brotli: what came over the wire. Anything
        // else: what brotli would have made of it.
        br: encoding === "br" ? responseBodySize : brotli(await response.body()),
        start: timing.startTime,
        end: timing.startTime + timing.responseEnd,
      });
    }
    // A file's round: 1 when the HTML asked for it, else one more than the
    // round of the code file that asked for it (a waterfall).
    const byUrl = new Map(code.map((file) => [new URL(file.url, base).href, file]));
    const round = (file, depth = 0) => {
      const parent = byUrl.get(file.by);
      return parent && parent !== file && depth < 50 ? 1 + round(parent, depth + 1) : 1;
    };
    code.sort((a, b) => a.start - b.start);
    for (const file of code) file.round = round(file);
    const shifts = await page.evaluate(() => window.__shifts);
    return {
      name: spec.name,
      ceiling: spec.ceiling,
      path,
      code,
      br: code.reduce((sum, file) => sum + file.br, 0),
      rounds: Math.max(0, ...code.map((file) => file.round)),
      cls: shifts.reduce((sum, shift) => sum + shift.value, 0),
      shifts,
    };
  } finally {
    await context.close();
  }
}

const kib = (n) => (n / 1024).toFixed(1);

const server = await startServer(portArg ? Number(portArg) : await freePort());
const browser = await chromium.launch(chromiumLaunchOptions);
const results = [];
try {
  for (const spec of PAGES) results.push(await visit(browser, server.base, spec));
} finally {
  await browser.close();
  server.stop();
}

const limitOf = (r) => r.ceiling ?? budget;
console.log("| first visit (empty cache, phone size) | wasm + JS brotli KiB | may not exceed | files | rounds of code requests | CLS |");
console.log("|---|---|---|---|---|---|");
for (const r of results) {
  const over = budget !== undefined && r.br > budget * 1024 ? ` (over ${budget})` : "";
  console.log(`| ${r.name} | ${kib(r.br)}${over} | ${limitOf(r) ?? "–"} | ${r.code.length} | ${r.rounds} | ${r.cls.toFixed(3)} |`);
}
const uncompressed = results.flatMap((r) => r.code).filter((file) => file.encoding !== "br");
if (uncompressed.length > 0) {
  console.log(`\nSent without brotli, so counted as brotli would make them: ${[...new Set(uncompressed.map((f) => `${f.url} (${f.encoding})`))].join(", ")}`);
}
if (process.env.FIRST_VISITS_DETAIL) {
  for (const r of results) {
    console.log(`\n${r.name} (${r.path}):`);
    const t0 = Math.min(...r.code.map((f) => f.start));
    for (const f of r.code) {
      const by = f.round > 1 ? `  (asked for by ${new URL(f.by).pathname})` : "";
      console.log(`  round ${f.round}  ${(f.start - t0).toFixed(0).padStart(5)}–${(f.end - t0).toFixed(0).padStart(5)} ms  ${kib(f.br).padStart(6)} KiB  ${f.url}${by}`);
    }
  }
}
for (const r of results.filter((r) => r.cls > 0)) {
  console.log(`\nLayout shifts on ${r.name}:`);
  for (const shift of r.shifts) console.log(`  ${shift.value.toFixed(3)} at ${shift.at} ms: ${shift.moved.join("; ")}`);
}

const problems = [];
for (const r of results) {
  if (maxCls !== undefined && r.cls > maxCls) problems.push(`${r.name}: its layout shifted by ${r.cls.toFixed(3)}, over ${maxCls}`);
}
if (budget !== undefined) {
  for (const r of results) {
    if (r.br > limitOf(r) * 1024) {
      const which = r.ceiling ? `its ceiling of ${r.ceiling} KiB (the budget, ${budget} KiB, is still to be reached)` : `the budget of ${budget} KiB`;
      problems.push(`${r.name}: ${kib(r.br)} KiB of wasm and JavaScript with brotli, over ${which}`);
    }
    if (r.rounds > 1) {
      const late = r.code.filter((f) => f.round > 1);
      const asked = [...new Set(late.map((f) => new URL(f.by).pathname))].join(", ");
      problems.push(
        `${r.name}: ${late.length} of its ${r.code.length} code files were asked for only once other code had arrived and run (by ${asked}), ` +
          `not by the page's HTML: ${r.rounds} rounds where 1 would do (FIRST_VISITS_DETAIL=1 lists them)`,
      );
    }
  }
}
if (problems.length > 0) {
  console.error(`\n${problems.join("\n")}`);
  process.exit(1);
}
