import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { open } from "./fixtures/app";

test.describe("the page shell", () => {
  test("the start page shows the shell and the landlord from the API", async ({ page }) => {
    await open(page, "/");
    await expect(page).toHaveTitle(/Make a complaint about your home – Put It Right/);
    await expect(page.getByRole("banner")).toContainText("Put It Right");
    await expect(page.getByRole("main")).toHaveAttribute("id", "main-content");
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.getByTestId("landlord")).toContainText("Complaint Handling Code");
    await expect(page.getByRole("contentinfo").getByRole("link", { name: "Accessibility statement" })).toBeVisible();
    await expect(page.getByRole("contentinfo").getByRole("link", { name: /Help/ })).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test("the skip link is the first thing the keyboard reaches and moves focus to the content", async ({ page }) => {
    await open(page, "/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("#main-content")).toBeFocused();
  });

  test("links, Back and Forward move between pages without reloading the app", async ({ page }) => {
    await open(page, "/");
    // Anything the app holds in memory survives only if the page never reloads.
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    const footer = page.getByRole("contentinfo");
    const heading = page.locator("main h1");

    await footer.getByRole("link", { name: "Help and other ways to complain" }).click();
    await expect(page).toHaveURL(/\/help$/);
    await expect(heading).toHaveText("Help and other ways to complain");
    await expect(page).toHaveTitle(/Help/);
    // As after a page load, a screen reader starts at the new page's content,
    // and Tab goes on from there rather than from the link in the footer.
    await expect(page.locator("#main-content")).toBeFocused();
    // This page has nothing to focus in its text, so Tab goes from its start to
    // the footer's first link, not on from the link that was clicked.
    await page.keyboard.press("Tab");
    await expect(footer.getByRole("link", { name: "Help and other ways to complain" })).toBeFocused();
    // The link to the page shown is marked as the current page, and only it.
    await expect(footer.getByRole("link", { name: "Help and other ways to complain" })).toHaveAttribute("aria-current", "page");
    await expect(footer.getByRole("link", { name: "Accessibility statement" })).not.toHaveAttribute("aria-current", /.*/);

    await footer.getByRole("link", { name: "Accessibility statement" }).click();
    await expect(heading).toHaveText("Accessibility statement for Put It Right");
    await page.goBack();
    await expect(page).toHaveURL(/\/help$/);
    await expect(heading).toHaveText("Help and other ways to complain");
    await expect(page.locator("#main-content")).toBeFocused();
    await page.goForward();
    await expect(heading).toHaveText("Accessibility statement for Put It Right");
    await page.goBack();
    await page.goBack();
    await expect(heading).toHaveText("Make a complaint, a compliment or a comment about your home");
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  });

  test("a link opened in a new tab opens the page there, and this tab stays", async ({ page, context }) => {
    await open(page, "/");
    const opened = context.waitForEvent("page");
    await page.getByRole("contentinfo").getByRole("link", { name: "Accessibility statement" }).click({ modifiers: ["ControlOrMeta"] });
    const tab = await opened;
    await expect(tab.locator("main h1")).toHaveText("Accessibility statement for Put It Right");
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator("main h1")).toHaveText("Make a complaint, a compliment or a comment about your home");
    await tab.close();
  });

  test("the service status page shows live data from the API", async ({ page }) => {
    await open(page, "/service-status");
    await expect(page.getByTestId("service-status")).toHaveText("Working normally");
    await expect(page.getByRole("main")).toContainText("Friday 18 December 2026");
    await expectNoA11yViolations(page);
  });

  test("a client route loads the app, and an unknown one says page not found", async ({ page }) => {
    const response = await page.goto("/cases/123");
    expect(response?.status()).toBe(200);
    await expect(page.locator("main h1")).toBeVisible();
    await open(page, "/no-such-page");
    await expect(page.locator("h1")).toHaveText("Page not found");
    await expect(page).toHaveTitle(/Page not found/);
    await expectNoA11yViolations(page);
  });

  test("the accessibility statement and help pages pass an accessibility scan", async ({ page }) => {
    for (const path of ["/accessibility", "/help"]) {
      await open(page, path);
      await expectNoA11yViolations(page);
    }
  });

  test("an unknown API path answers a JSON 404, not the app", async ({ request }) => {
    const response = await request.get("/api/v1/no-such-thing");
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"]).toContain("application/json");
    const body = await response.json();
    expect(body.errors[0].message).toBe("Page not found");
  });

  test("the app is served compressed with a content security policy", async ({ request }) => {
    const page = await request.get("/", { headers: { "accept-encoding": "br" } });
    expect(page.headers()["content-security-policy"]).toContain("'wasm-unsafe-eval'");
    expect(page.headers()["content-security-policy"]).not.toContain("'unsafe-inline'");
    const html = await page.text();
    const wasm = html.match(/href=["']?([^"' >]+\.wasm)/);
    expect(wasm).not.toBeNull();
    const asset = await request.get(wasm![1], { headers: { "accept-encoding": "br" } });
    expect(asset.status()).toBe(200);
    expect(asset.headers()["content-encoding"]).toBe("br");
  });
});
