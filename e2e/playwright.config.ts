import { defineConfig, devices } from "@playwright/test";
import * as os from "node:os";
import * as path from "node:path";
import * as fs from "node:fs";
import * as crypto from "node:crypto";
import { chromiumLaunchOptions } from "./chromium.mjs";

// The real server, release build, on a throwaway SQLite file, serving the real
// Trunk build from ../dist. scripts/test builds both before running this.
const port = Number(process.env.E2E_PORT ?? 8181);
// scripts/env.sh's cache folder for this checkout, when run by hand.
const checkoutKey = crypto.createHash("sha256").update(path.resolve(__dirname, "..")).digest("hex").slice(0, 12);
const targetDir =
  process.env.CARGO_TARGET_DIR ?? path.join(os.homedir(), ".cache", "put-it-right", `target-${checkoutKey}`);
const serverBin = process.env.SERVER_BIN ?? path.join(targetDir, "release", "server");
// Made once, by the runner: workers load this file again and find it in the
// environment they inherit, so specs can run `server user …` on the same files.
const dataDir = (process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "put-it-right-e2e-")));
const baseURL = `http://127.0.0.1:${port}`;

const chromium = chromiumLaunchOptions;

// A local stand-in for GOV.UK Notify (crates/stand-ins): Pioneer's server
// sends its text messages through it, with the stand-in's test key and text
// message template (crates/stand-ins/src/notify.rs); nothing reaches the real
// service. Its other servers have no text message service, so staff send them.
const notifyPort = port + 3;
const notifyBin = path.join(path.dirname(serverBin), "notify-stand-in");
const notifyKeyFile = path.join(dataDir, "notify-api-key");
fs.writeFileSync(
  notifyKeyFile,
  "put_it_right_tests-4c0f5d7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f-9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d\n",
  { mode: 0o600 },
);
const notifyFor: Record<string, string> = {
  "pioneer-2020":
    ` --notify-api-key-file ${notifyKeyFile} --notify-base-url http://127.0.0.1:${notifyPort}` +
    " --notify-sms-template 6a2b9d10-3c4e-4f5a-8b6c-7d8e9f0a1b22",
};

function server(serverPort: number, policy: string) {
  return {
    command:
      `${serverBin} --port ${serverPort} --database-url sqlite://${dataDir}/${policy}.sqlite ` +
      `--dist-dir ../dist --policy ${policy} --now 2026-12-18T10:00:00Z --demo --allow-clock-changes` +
      (notifyFor[policy] ?? ""),
    url: `http://127.0.0.1:${serverPort}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
  };
}

export default defineConfig({
  testDir: "./tests",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    launchOptions: chromium,
    trace: "retain-on-failure",
    locale: "en-GB",
    timezoneId: "Europe/London",
  },
  projects: [
    { name: "phone", use: { ...devices["Desktop Chrome"], viewport: { width: 360, height: 740 }, isMobile: false, hasTouch: true } },
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } },
  ],
  // One server per policy the tests need: the default (the Code) serves the
  // app; Pivotal's has a stage 2 window to close; Pioneer's has a panel.
  webServer: [
    server(port, "code-2024"),
    server(port + 1, "pivotal-2021"),
    server(port + 2, "pioneer-2020"),
    {
      command: `${notifyBin} --port ${notifyPort}`,
      url: `http://127.0.0.1:${notifyPort}/stand-in/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore" as const,
      stderr: "pipe" as const,
    },
  ],
});
