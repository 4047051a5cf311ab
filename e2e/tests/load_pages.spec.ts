import { expect, test, type Page } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { open, registerAs } from "./fixtures/app";
import { RaiseComplaint } from "./fixtures/complaint";

// Every page but the start page fetches its own code (a wasm chunk) when it is
// first visited. These tests hold those fetches back, or cut the connection,
// and check the resident is told what is happening and loses nothing.

const CHUNKS = "**/*-split/*.wasm";

/** Requests for page code made so far. */
function countChunkRequests(page: Page): () => number {
  let count = 0;
  page.on("request", (request) => {
    if (/-split\/.*\.wasm$/.test(request.url())) count += 1;
  });
  return () => count;
}

test.describe("loading a page's code", () => {
  test("the start page needs no page code, and the next page fetches its own", async ({ page }) => {
    const chunks = countChunkRequests(page);
    await open(page, "/");
    await expect(page.getByTestId("landlord")).toContainText("Complaint Handling Code");
    expect(chunks()).toBe(0);
    await page.getByRole("link", { name: "Find other ways to complain and get help" }).click();
    await expect(page.locator("main h1")).toHaveText("Help and other ways to complain");
    expect(chunks()).toBeGreaterThan(0);
  });

  test("a page slow to load says so, then appears", async ({ page }) => {
    await open(page, "/");
    await page.route(CHUNKS, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.getByRole("link", { name: "Find out what the Housing Ombudsman does and how to contact it" }).click();
    const loading = page.getByRole("status").filter({ hasText: "Loading the page…" });
    await expect(loading).toBeVisible();
    // The focused link's underline is a box-shadow (GOV.UK's focus style),
    // which axe cannot see; scan the loading state without it.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expectNoA11yViolations(page);
    await expect(page.locator("main h1")).toHaveText("The Housing Ombudsman");
    await expect(loading).toHaveCount(0);
  });

  test("offline, a page not yet visited appears once the connection is back", async ({ page, context }) => {
    await open(page, "/");
    await context.setOffline(true);
    await page.getByRole("link", { name: "Find other ways to complain and get help" }).click();
    await expect(page.getByText("You are offline.")).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Loading the page…" })).toBeVisible();
    await expect(page.locator("main h1")).not.toHaveText("Help and other ways to complain");
    await context.setOffline(false);
    await expect(page.locator("main h1")).toHaveText("Help and other ways to complain");
    await expect(page.getByText("You are offline.")).toHaveCount(0);
    // The app kept working: the next page loads as usual.
    await page.getByRole("link", { name: "Put It Right" }).click();
    await expect(page.getByTestId("landlord")).toBeVisible();
  });

  test("once a complaint is started, its questions work without a connection", async ({ page, context }) => {
    await registerAs(page);
    const journey = new RaiseComplaint(page, false);
    await journey.start();
    // Every question's code is fetched when the journey starts.
    await page.waitForLoadState("networkidle");
    await context.setOffline(true);
    await journey.about();
    await journey.whatHappened();
    await journey.started();
    await journey.putRight();
    await journey.contact();
    await journey.files();
    await journey.expectCheckAnswers();
    await context.setOffline(false);
    await journey.send();
    await journey.expectSent();
  });
});
