import { expect, test, type Locator, type Page } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { acknowledgeThenRespond, open, POLICY_URL, raiseComplaintByApi, registerAs, setServerClock, signInAs, staffAction, START } from "./fixtures/app";

/** The card in the list of cases for the case with `reference`. */
function card(page: Page, reference: string): Locator {
  return page.getByRole("listitem").filter({ hasText: reference });
}

const borderLeft = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).borderLeftColor);

test.describe("a complaint we are late with (the Code: 5 working days to acknowledge)", () => {
  test.afterEach(async ({ request }) => {
    await setServerClock(request, START);
  });

  test("the list marks it Overdue and says so in words; the case page says we are late and tags the date", async ({ page, playwright, baseURL }) => {
    const resident = await registerAs(page);
    // Received Friday 18 December 2026: to be acknowledged by Tuesday 29 December.
    const late = await raiseComplaintByApi(page);
    // One acknowledged at once is not late (a reply is due 6 January), for comparison.
    // (Raised on the same day: a case received after the day the clock goes
    // back to would be dated in the future for the tests that follow.)
    const fresh = await raiseComplaintByApi(page, "Nobody answered my three letters about the rent statement.");
    const staff = await playwright.request.newContext({ baseURL });
    await staffAction(staff, fresh.id, { type: "acknowledged" });
    await staff.dispose();

    await setServerClock(page.request, "2026-12-30T10:00:00Z");
    // Twelve days on, the session has expired: sign in again.
    await signInAs(page, resident.email, resident.password);

    await open(page, "/cases");
    const lateCard = card(page, late.reference);
    await expect(lateCard.getByText("Overdue", { exact: true })).toBeVisible();
    await expect(lateCard).toContainText("We are late. We should have acknowledged your complaint by Tuesday 29 December 2026. We are sorry.");
    await expect(lateCard.getByText("Received", { exact: true })).toBeVisible();
    const freshCard = card(page, fresh.reference);
    await expect(freshCard.getByText("Overdue", { exact: true })).toHaveCount(0);
    // Acknowledged on Friday 18 December: the stage 1 response is due 10 working days on.
    await expect(freshCard).toContainText("We will send our stage 1 response by Wednesday 6 January 2027.");
    // The late card's edge is in the error colour, unlike the other.
    expect(await borderLeft(lateCard)).not.toBe(await borderLeft(freshCard));
    // The red tag's contrast, among the rest.
    await expectNoA11yViolations(page);

    await lateCard.getByRole("link").click();
    await expect(page.locator("main h1")).toContainText("Complaint about");
    await expect(page.getByTestId("case-status")).toHaveText("Received");
    await expect(page.getByTestId("next-step")).toHaveText(
      "We are late. We should have acknowledged your complaint by Tuesday 29 December 2026. We are sorry.",
    );
    // Said as a warning, and no promise of a date still to come.
    await expect(page.getByTestId("next-step").locator(".app-warning-text")).toHaveCount(1);
    await expect(page.getByText(/^We will (acknowledge|send) .* by \w+day \d/)).toHaveCount(0);
    const acknowledge = page.getByTestId("due-dates").locator(".app-summary-list__row", {
      has: page.getByRole("term").filter({ hasText: "We will acknowledge your complaint by" }),
    });
    await expect(acknowledge).toContainText("Tuesday 29 December 2026");
    await expect(acknowledge.getByText("Overdue", { exact: true })).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test("with no time limit for a review, a responded complaint says it can be asked for at any time", async ({ page, playwright, baseURL }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    const staff = await playwright.request.newContext({ baseURL });
    await acknowledgeThenRespond(staff, complaint.id, "upheld", "We should have come.");
    await staff.dispose();
    const sentence = "There is no time limit to ask for a review while your complaint is open.";
    await open(page, "/cases");
    await expect(card(page, complaint.reference)).toContainText(sentence);
    await open(page, `/cases/${complaint.id}`);
    await expect(page.getByTestId("open-window")).toHaveText(sentence);
    // "While your complaint is open" says until when: the Code sets no day, so we say who closes it.
    await expect(page.getByTestId("closes")).toHaveText("We will tell you when we close this complaint.");
    // Responded: nothing more is due from us at this stage; the page says when we responded.
    await expect(page.getByTestId("next-step")).toHaveText("We sent our stage 1 response on Friday 18 December 2026.");
    await expect(page.getByText(/^We will (acknowledge|send) .* by \w+day \d/)).toHaveCount(0);
  });
});

test.describe("the time left to ask for a review (Pivotal: 10 working days)", () => {
  test.use({ baseURL: POLICY_URL["pivotal-2021"] });

  test.afterEach(async ({ request }) => {
    await setServerClock(request, START);
  });

  test("the list, the case page and the review page say until when, with the working days left, down to the last day", async ({ page, playwright }) => {
    const resident = await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    const waiting = await raiseComplaintByApi(page, "Nobody answered my three letters about the rent statement.");
    const staff = await playwright.request.newContext({ baseURL: POLICY_URL["pivotal-2021"] });
    await acknowledgeThenRespond(staff, complaint.id, "not_upheld", "We found no fault.");
    await staff.dispose();

    // Responded Friday 18 December 2026; the last day is 10 working days on,
    // skipping 25 and 28 December and 1 January. Today counts: 11 left.
    const sentence = "You can ask for a review until Wednesday 6 January 2027. That is 11 working days, counting today.";
    await open(page, "/cases");
    const responded = card(page, complaint.reference);
    await expect(responded).toContainText(sentence);
    await expect(responded.getByText("Responded", { exact: true })).toBeVisible();
    await expect(responded.getByText("Overdue", { exact: true })).toHaveCount(0);
    // The card the resident can act on is marked apart from one that is only waiting.
    expect(await borderLeft(responded)).not.toBe(await borderLeft(card(page, waiting.reference)));
    await expect(card(page, waiting.reference)).not.toContainText("You can ask for a review");
    await expectNoA11yViolations(page);

    await responded.getByRole("link").click();
    await expect(page.getByTestId("open-window")).toHaveText(sentence);
    await page.getByRole("link", { name: "Ask for a review (stage 2)" }).click();
    await expect(page.locator("main h1")).toHaveText("Ask for a review of your complaint");
    await expect(page.getByText(sentence)).toBeVisible();
    await expectNoA11yViolations(page);

    // On the last day, one working day is left.
    await setServerClock(page.request, "2027-01-06T10:00:00Z");
    await signInAs(page, resident.email, resident.password);
    const lastDay = "You can ask for a review until Wednesday 6 January 2027. That is 1 working day, counting today.";
    await open(page, "/cases");
    await expect(card(page, complaint.reference)).toContainText(lastDay);
    await open(page, `/cases/${complaint.id}`);
    await expect(page.getByTestId("open-window")).toHaveText(lastDay);
    await open(page, `/cases/${complaint.id}/ask-for-review`);
    await expect(page.getByText(lastDay)).toBeVisible();
  });
});
