import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { expectSentAgainWithTheSameKey, loseFirstAnswer, open, raiseComplaintByApi, registerAs } from "./fixtures/app";

test.describe("a resident lets an advocate act for them", () => {
  test("the resident invites an advocate by email; the advocate accepts and follows the chosen case only", async ({ page, browser }) => {
    await registerAs(page, "resident", "Rosa Resident");
    const chosen = await raiseComplaintByApi(page);
    const other = await raiseComplaintByApi(page, "Nobody answered my letters about the noise next door.");
    const advocatePage = await (await browser.newContext()).newPage();
    const advocate = await registerAs(advocatePage, "advocate", "Adam Advocate");

    // The resident finds the page from their cases.
    await open(page, "/cases");
    await page.getByRole("link", { name: "People who can act for you" }).click();
    await expect(page.locator("h1")).toHaveText("People who can act for you");
    await expect(page.getByText("Nobody can act for you at the moment.")).toBeVisible();
    await expectNoA11yViolations(page);

    await page.getByRole("button", { name: "Let someone act for you" }).click();
    await expect(page.locator("h1")).toHaveText("Let someone act for you");
    // The end date is filled in: 12 months from the server's today (18 December 2026).
    await expect(page.getByLabel("Day")).toHaveValue("18");
    await expect(page.getByLabel("Month")).toHaveValue("12");
    await expect(page.getByLabel("Year")).toHaveValue("2027");
    await expectNoA11yViolations(page);

    // Nothing answered: the error summary is focused and names every question.
    await page.getByRole("button", { name: "Send invitation" }).click();
    const summary = page.locator(".app-error-summary");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Enter the email address of the person you want to act for you");
    await expect(summary).toContainText("Select who the person acting for you is");
    await expect(summary).toContainText("Select what they may do for you");
    await expect(summary).toContainText("Select at least one complaint, or select all complaints");
    await expect(page).toHaveTitle(/^Error: Let someone act for you/);
    await expectNoA11yViolations(page);
    await summary.getByRole("link", { name: "Select what they may do for you" }).click();
    await expect(page.getByLabel("See your complaints and our replies")).toBeFocused();

    // Their own email is refused with the shared message.
    await page.getByLabel("Their email address").fill("not-an-email");
    await page.getByLabel("Relative").check();
    await page.getByLabel("See your complaints and our replies").check();
    await page.getByLabel("Make complaints for you, add information to them, and tell us if you are happy with our answer").check();
    await page.getByLabel("Only the complaints I choose").check();
    await page.getByLabel(new RegExp(chosen.reference)).check();
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(summary).toBeFocused();
    await expect(page.locator("#advocate-email-error")).toBeVisible();
    await expectNoA11yViolations(page);

    // The draft is kept on the device: a reload keeps the answers.
    await page.getByLabel("Their email address").fill(advocate.email);
    await page.reload();
    await expect(page.getByLabel("Their email address")).toHaveValue(advocate.email);
    await expect(page.getByLabel(new RegExp(chosen.reference))).toBeChecked();

    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText("Invitation sent. They can act for you once they accept it.")).toBeVisible();
    const card = page.getByTestId("authorisations").locator(":scope > li").filter({ hasText: advocate.email });
    await expect(card).toContainText("Waiting to be accepted");
    await expect(card).toContainText(chosen.reference);
    await expect(card).not.toContainText(other.reference);
    await expectNoA11yViolations(page);

    // The advocate sees the invitation on their home page and accepts it.
    await open(advocatePage, "/advocate");
    const invitation = advocatePage.getByTestId("invitations").locator(":scope > li").filter({ hasText: "Rosa Resident" });
    await expect(invitation).toContainText("See their complaints and the replies");
    await expectNoA11yViolations(advocatePage);
    await invitation.getByRole("button", { name: "Accept the invitation from Rosa Resident" }).click();
    await expect(advocatePage.getByRole("status").filter({ hasText: "You can now act for Rosa Resident." })).toBeVisible();
    await expect(advocatePage.getByTestId("invitations")).toHaveCount(0);

    // Only the case the resident chose is listed, and it opens.
    const resident = advocatePage.getByTestId("residents").locator(":scope > li").filter({ hasText: "Rosa Resident" });
    await expect(resident).toContainText("Active");
    await expect(resident.getByRole("link", { name: new RegExp(chosen.reference) })).toBeVisible();
    await expect(resident).not.toContainText(other.reference);
    await expect(resident.getByRole("link", { name: "Make a complaint for Rosa Resident" })).toBeVisible();
    await expectNoA11yViolations(advocatePage);
    await resident.getByRole("link", { name: new RegExp(chosen.reference) }).click();
    await expect(advocatePage.locator("h1")).toContainText("Complaint about");
    await expect(advocatePage.getByText(`Reference ${chosen.reference}`)).toBeVisible();
    await expectNoA11yViolations(advocatePage);

    // The other case answers as if it did not exist.
    await open(advocatePage, `/cases/${other.id}`);
    await expect(advocatePage.locator("h1")).toHaveText("Page not found");

    // The resident sees it active.
    await page.reload();
    await expect(card).toContainText("Active");
    await expect(card).toContainText("Adam Advocate");
    await advocatePage.context().close();
  });
});

test.describe("an invitation sent again", () => {
  test("when the answer is lost, sending again makes one invitation, with the same key", async ({ page }) => {
    await registerAs(page, "resident", "Rita Retry");
    const advocateEmail = `advocate-retry-${Date.now()}@example.com`;
    await open(page, "/authorisations/new");
    await page.getByLabel("Their email address").fill(advocateEmail);
    await page.getByLabel("Relative").check();
    await page.getByLabel("See your complaints and our replies").check();
    await page.getByLabel("All my complaints, including new ones").check();

    // The server makes the invitation, but the answer never arrives.
    const sent = await loseFirstAnswer(page, "**/api/v1/authorisations");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.locator(".app-error-summary")).toBeFocused();
    await expect(page.locator(".app-error-summary")).toContainText("offline");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText("Invitation sent. They can act for you once they accept it.")).toBeVisible();
    expectSentAgainWithTheSameKey(sent);
    expect(sent.statuses).toEqual([201, 201]);

    const given = await (await page.request.get("/api/v1/authorisations")).json();
    expect(given.filter((a: { invite_email?: string }) => JSON.stringify(a).includes(advocateEmail))).toHaveLength(1);
  });
});

test.describe("an advocate invited by mistake", () => {
  test("declines the invitation, which ends it for both of them", async ({ page, browser }) => {
    await registerAs(page, "resident", "Dina Declined");
    const advocatePage = await (await browser.newContext()).newPage();
    const advocate = await registerAs(advocatePage, "advocate", "Nora Notme");
    const response = await page.request.post("/api/v1/authorisations", {
      data: { advocate_email: advocate.email, relationship: "friend", scope: ["view_cases"] },
    });
    expect(response.status(), await response.text()).toBe(201);
    const { id } = await response.json();

    await open(advocatePage, "/advocate");
    const invitation = advocatePage.getByTestId("invitations").locator(":scope > li").filter({ hasText: "Dina Declined" });
    await expectNoA11yViolations(advocatePage);
    await invitation.getByRole("button", { name: "Decline the invitation from Dina Declined" }).click();
    await expect(
      advocatePage.getByRole("status").filter({ hasText: "You have declined the invitation from Dina Declined." }),
    ).toBeVisible();
    await expect(advocatePage.getByTestId("invitations")).toHaveCount(0);
    await expectNoA11yViolations(advocatePage);

    const view = await (await page.request.get(`/api/v1/authorisations/${id}`)).json();
    expect(view.status).toBe("revoked");
  });
});
