// How to launch Debian's Chromium here: its path, and the flags that keep it
// off a closed network (no background connections, no updates, no QUIC).
// Shared by the Playwright config and scripts/screenshots.mjs.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
  ],
};
