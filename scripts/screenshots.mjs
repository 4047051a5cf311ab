#!/usr/bin/env node
// Takes the README's screenshots of the resident's case page, phone size
// (360x740, full page), from a demo that is already running: it starts
// nothing itself.
//
//   ./scripts/run                      # in another terminal: the demo on :8080
//   node scripts/screenshots.mjs [http://127.0.0.1:8080]
//
// Signs in as the demo resident (crates/server/src/demo.rs) and saves, into
// docs/screenshots/, one case in each of three states: a new complaint, a
// responded one the resident can still ask to review, and a closed one.
// Uses the Playwright of e2e/node_modules (scripts/setup installs it) with
// Debian's Chromium, launched as e2e/playwright.config.ts launches it.

import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumLaunchOptions } from "../e2e/chromium.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "e2e", "package.json"));
const { chromium } = (() => {
  try {
    return require("playwright-core");
  } catch {
    return require("playwright");
  }
})();

const base = (process.argv[2] ?? process.env.BASE_URL ?? "http://127.0.0.1:8080").replace(/\/$/, "");
const out = join(root, "docs", "screenshots");
const resident = { email: "resident@example.com", password: "demo-password-1" };

/** The demo's cases to show: a file name, and how to find the case in the resident's list. */
const shots = [
  {
    file: "case-new.png",
    what: "a new complaint",
    pick: (c) => c.kind === "complaint" && c.status === "awaiting_acknowledgement",
  },
  {
    file: "case-responded.png",
    what: "a responded complaint with the review window open",
    pick: (c) => c.kind === "complaint" && c.status === "responded" && c.open_window !== null,
  },
  {
    file: "case-closed.png",
    what: "a closed complaint",
    pick: (c) => c.kind === "complaint" && (c.status === "closed" || c.status === "withdrawn"),
  },
];

const browser = await chromium.launch(chromiumLaunchOptions);
let failed = false;
try {
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 1,
    hasTouch: true,
    locale: "en-GB",
    timezoneId: "Europe/London",
  });
  const signIn = await context.request.post("/api/v1/session", { data: resident });
  if (signIn.status() !== 200) {
    throw new Error(`signing in as ${resident.email} at ${base} failed (${signIn.status()}): is the demo running with --demo?`);
  }
  const list = await context.request.get("/api/v1/cases");
  if (list.status() !== 200) throw new Error(`listing the cases failed (${list.status()})`);
  const cases = await list.json();
  mkdirSync(out, { recursive: true });
  const page = await context.newPage();
  for (const shot of shots) {
    // Closed rather than withdrawn, when the demo has both.
    const matching = cases.filter(shot.pick);
    const found = matching.find((c) => c.status === "closed") ?? matching[0];
    if (!found) {
      console.error(`No case for ${shot.what} in the demo's data.`);
      failed = true;
      continue;
    }
    await page.goto(`/cases/${found.id}`);
    await page.getByTestId("next-step").waitFor();
    await page.getByRole("heading", { name: "What has happened" }).waitFor();
    // The stage tracker and the ways to reopen load the policy after the case.
    await page.waitForLoadState("networkidle");
    const path = join(out, shot.file);
    await page.screenshot({ path, fullPage: true });
    console.log(`${shot.what}: ${found.reference} -> ${path}`);
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
