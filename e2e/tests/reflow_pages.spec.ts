import { expect, test, type Page } from "@playwright/test";
import { raiseComplaintByApi, registerAs } from "./fixtures/app";

/** True when the page scrolls sideways (content wider than the viewport). */
async function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

// WCAG 1.4.10 Reflow: usable at 320 CSS pixels wide, which is also what a
// 1280-pixel screen shows at 400% zoom; 640 pixels is 200% zoom.
for (const width of [320, 640]) {
  test(`every main page reflows without sideways scrolling at ${width} px`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "phone", "one viewport run is enough");
    await page.setViewportSize({ width, height: 800 });
    const paths = ["/", "/help", "/accessibility", "/sign-in", "/create-account", "/ombudsman", "/settings"];
    for (const path of paths) {
      await page.goto(path);
      await expect(page.locator("main h1")).toBeVisible();
      expect(await overflowsSideways(page), `${path} at ${width}px`).toBe(false);
    }
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    for (const path of [
      "/cases",
      `/cases/${complaint.id}`,
      `/cases/${complaint.id}/add-information`,
      `/cases/${complaint.id}/withdraw`,
      "/complaints/new",
      "/feedback/new",
      "/settings",
    ]) {
      await page.goto(path);
      await expect(page.locator("main h1")).toBeVisible();
      expect(await overflowsSideways(page), `${path} at ${width}px`).toBe(false);
    }
  });
}
