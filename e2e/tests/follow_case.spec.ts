import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { open, raiseComplaintByApi, registerAs, staffAction } from "./fixtures/app";

test.describe("following a complaint", () => {
  test("a new resident sees an empty list that says how to start", async ({ page }) => {
    await registerAs(page);
    await open(page, "/cases");
    await expect(page.getByRole("heading", { name: "You have not raised anything yet" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Make a complaint" })).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test("the list says how it is ordered, and is in that order: newest first", async ({ page }) => {
    await registerAs(page);
    const first = await raiseComplaintByApi(page, "The first complaint: the hall light has been broken for weeks.");
    const second = await raiseComplaintByApi(page, "The second complaint: the lift has stopped working again.");
    await open(page, "/cases");
    await expect(page.getByText("Newest first: the one you sent most recently is at the top.")).toBeVisible();
    const references = page.locator("main .app-card .app-reference");
    await expect(references).toHaveText([second.reference, first.reference]);
  });

  test("a complaint's list entry and page say when we will reply, counting the Christmas bank holidays", async ({ page }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    await open(page, "/cases");
    const card = page.getByRole("listitem").filter({ hasText: complaint.reference });
    // Received Friday 18 December 2026: 5 working days skip 25 and 28 December.
    await expect(card).toContainText("We will acknowledge your complaint by Tuesday 29 December 2026.");
    await expectNoA11yViolations(page);

    await card.getByRole("link").click();
    await expect(page.locator("h1")).toContainText("Complaint about");
    await expect(page.getByTestId("case-status")).toHaveText("Received");
    const dates = page.getByTestId("due-dates");
    await expect(dates).toContainText("Tuesday 29 December 2026");
    await expect(dates).toContainText("25, 28 December");
    await expect(page.getByRole("heading", { name: "What has happened" })).toBeVisible();
    await expect(page.getByText("Complaint received")).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test("another resident's case is not found", async ({ page, browser }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    const other = await browser.newPage();
    await registerAs(other, "resident", "Olu Other");
    await open(other, `/cases/${complaint.id}`);
    await expect(other.locator("h1")).toHaveText("Page not found");
    await other.close();
  });

  test("staff actions appear on the resident's timeline with the extension's reason and new date", async ({ page, playwright, baseURL }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    const staff = await playwright.request.newContext({ baseURL });
    await staffAction(staff, complaint.id, { type: "acknowledged" });
    await staffAction(staff, complaint.id, {
      type: "extended",
      reason: "We are waiting for the contractor's report",
      // Acknowledged 18 December: due 6 January; the Code allows 10 more working days.
      new_date: "2027-01-20",
    });
    await open(page, `/cases/${complaint.id}`);
    await expect(page.getByTestId("case-status")).toHaveText("Being looked into");
    await expect(page.getByText("More time needed: new date Wednesday 20 January 2027")).toBeVisible();
    await expect(page.getByText("We are waiting for the contractor's report").first()).toBeVisible();
    await expect(page.getByTestId("due-dates")).toContainText("Wednesday 20 January 2027");
    await staff.dispose();
  });

  test("a resident asks for a review after the response, and the page confirms it", async ({ page, playwright, baseURL }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    const staff = await playwright.request.newContext({ baseURL });
    await staffAction(staff, complaint.id, { type: "acknowledged" });
    await staffAction(staff, complaint.id, {
      type: "responded",
      outcome: "partly_upheld",
      reasons: "The first appointment was missed.",
      remedies: [{ kind: "apology", description: "We apologise for the missed appointment" }],
      outstanding_actions: [{ description: "replace the window", owner: "Repairs team", due: "2027-01-15" }],
    });
    await open(page, `/cases/${complaint.id}`);
    await expect(page.getByText("Response: complaint partly upheld")).toBeVisible();
    // The answer comes first, then what we promised, by when and who does it.
    const answer = page.getByTestId("latest-answer");
    await expect(answer).toContainText("We partly upheld your complaint.");
    const promises = page.getByTestId("promises");
    await expect(promises.getByRole("term").filter({ hasText: "replace the window" })).toBeVisible();
    await expect(promises).toContainText("To do By Friday 15 January 2027");
    await expect(promises).toContainText("Who is doing it: Repairs team");
    await expect(page.getByText("Still to do, by Friday 15 January 2027: replace the window")).toBeVisible();
    await page.getByRole("link", { name: "Ask for a review (stage 2)" }).click();
    await expect(page.locator("h1")).toHaveText("Ask for a review of your complaint");
    await expect(page.getByText("You do not have to give a reason")).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole("button", { name: "Ask for a review" }).click();
    await expect(page.getByRole("status").filter({ hasText: "You have asked for a review" })).toBeVisible();
    await expect(page.getByTestId("case-status")).toHaveText("Review asked for");
    await staff.dispose();
  });

  test("withdrawing asks for confirmation, shows an error when none is chosen, and a second withdrawal is not offered", async ({ page }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    await open(page, `/cases/${complaint.id}/withdraw`);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert")).toContainText("Select yes if you want to withdraw your complaint");
    await expect(page).toHaveTitle(/^Error: /);
    await expectNoA11yViolations(page);
    await page.getByLabel("Yes, withdraw it").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("status").filter({ hasText: "You have withdrawn your complaint." })).toBeVisible();
    await expect(page.getByTestId("case-status")).toHaveText("Withdrawn");
    await expect(page.getByRole("link", { name: "Withdraw your complaint" })).toHaveCount(0);
  });

  test("adding information keeps the draft through a reload and then sends it", async ({ page }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    await open(page, `/cases/${complaint.id}/add-information`);
    await page.getByLabel("Add information to your complaint").fill("The contractor came but had the wrong part.");
    await page.reload();
    await expect(page.getByLabel("Add information to your complaint")).toHaveValue("The contractor came but had the wrong part.");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("status").filter({ hasText: "We have added your information" })).toBeVisible();
    await expect(page.getByText("The contractor came but had the wrong part.")).toBeVisible();
  });
});
