// A long list comes a page at a time (issue 13): the resident's cases fifty to
// a page, newest first, with a link to the older ones and back.
import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { open, PASSWORD, raiseComplaintByApi, registerAs, setServerClock, signInAs, START } from "./fixtures/app";
import type { Page } from "@playwright/test";

test("a resident with 52 cases sees the newest 50, then the older ones, then the newest again", async ({ page }) => {
  test.setTimeout(120_000);
  await registerAs(page);
  const made: string[] = [];
  for (let i = 0; i < 52; i++) {
    made.push((await raiseComplaintByApi(page, `Problem number ${i} with the heating in the flat.`)).reference);
  }
  await open(page, "/cases");
  const cards = page.getByRole("main").locator(".app-card-list > li");
  await expect(cards).toHaveCount(50);
  await expect(cards.first()).toContainText(made[51]);
  await expect(page.getByRole("link", { name: "Back to the newest" })).toHaveCount(0);
  await expectNoA11yViolations(page);

  await page.getByRole("navigation", { name: "Pages of your list" }).getByRole("link", { name: "Show older ones" }).click();
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText(made[1]);
  await expect(cards.nth(1)).toContainText(made[0]);
  await expect(page.getByRole("link", { name: "Show older ones" })).toHaveCount(0);
  await expectNoA11yViolations(page);

  await page.getByRole("link", { name: "Back to the newest" }).click();
  await expect(cards).toHaveCount(50);
  await expect(page).toHaveURL(/\/cases$/);
});

/** The resident on `page` invites `email` through the API; `extra` changes the invitation. */
async function invite(page: Page, email: string, extra: Record<string, unknown> = {}): Promise<void> {
  const response = await page.request.post("/api/v1/authorisations", {
    data: { advocate_email: email, relationship: "friend", scope: ["view_cases"], ...extra },
  });
  expect(response.status(), await response.text()).toBe(201);
}

test.describe("long lists of authorisations", () => {
  test.afterEach(async ({ request }) => {
    await setServerClock(request, START);
  });

  test("a resident who invited 51 times sees the newest 50, then the oldest on the next page; the advocate sees every invitation", async ({ page, browser }) => {
    test.setTimeout(180_000);
    // A resident may send 10 invitations in 24 hours: six batches 25 hours
    // apart (the test clock runs on from where it is set), the last today.
    const day = (n: number) => new Date(Date.parse("2026-12-13T05:00:00Z") + n * 25 * 3_600_000).toISOString();
    await setServerClock(page.request, day(0));
    const advocatePage = await (await browser.newContext()).newPage();
    const advocate = await registerAs(advocatePage, "advocate", "Adam Advocate");
    const resident = await registerAs(page, "resident", "Rosa Resident");
    // The oldest is told apart by who the advocate is to the resident.
    await invite(page, advocate.email, { relationship: "other", relationship_other: "Neighbour from number 9" });
    for (let i = 1; i < 51; i++) {
      if (i % 10 === 0) {
        await setServerClock(page.request, day(i / 10));
        // The session has been idle for a day.
        await signInAs(page, resident.email, PASSWORD);
      }
      await invite(page, advocate.email);
    }

    await open(page, "/authorisations");
    const cards = page.getByTestId("authorisations").locator(":scope > li");
    await expect(cards).toHaveCount(50);
    await expect(page.getByTestId("authorisations")).not.toContainText("Neighbour from number 9");
    await expect(page.getByRole("link", { name: "Back to the newest" })).toHaveCount(0);
    await expectNoA11yViolations(page);

    await page.getByRole("navigation", { name: "Pages of your list" }).getByRole("link", { name: "Show older ones" }).click();
    await expect(cards).toHaveCount(1);
    await expect(cards.first()).toContainText("Neighbour from number 9");
    await expect(page.getByRole("link", { name: "Show older ones" })).toHaveCount(0);
    await expectNoA11yViolations(page);
    await page.getByRole("link", { name: "Back to the newest" }).click();
    await expect(cards).toHaveCount(50);
    await expect(page).toHaveURL(/\/authorisations$/);

    // The advocate's home lists every invitation waiting, however many pages they take.
    await signInAs(advocatePage, advocate.email, PASSWORD);
    await open(advocatePage, "/advocate");
    const invitations = advocatePage.getByTestId("invitations").locator(":scope > li");
    await expect(invitations).toHaveCount(51);
    await expect(invitations.last()).toContainText("Neighbour from number 9");
  });

  test("a resident with 51 complaints sees the reference of the oldest on an authorisation for it, and can choose it", async ({ page }) => {
    test.setTimeout(150_000);
    await registerAs(page);
    const made: { id: string; reference: string }[] = [];
    for (let i = 0; i < 51; i++) {
      made.push(await raiseComplaintByApi(page, `Problem number ${i} with the lift in the block.`));
    }
    const oldest = made[0];
    await invite(page, "olu.adviser@example.com", { case_ids: [oldest.id] });

    await open(page, "/authorisations");
    const card = page.getByTestId("authorisations").locator(":scope > li").first();
    await expect(card).toContainText(oldest.reference);
    await expect(card).not.toContainText("a complaint");

    // Inviting someone else, the oldest complaint can be chosen too.
    await open(page, "/authorisations/new");
    await page.getByLabel("Only the complaints I choose").check();
    await expect(page.getByLabel(new RegExp(oldest.reference))).toBeVisible();
    await expect(page.getByLabel(new RegExp(made[50].reference))).toBeVisible();
  });
});
