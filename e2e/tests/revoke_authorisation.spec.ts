import { expect, test, type Page } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { open, raiseComplaintByApi, registerAs, setServerClock, signInAs, START } from "./fixtures/app";

/** The resident (signed in on `resident`) invites the advocate through the API; the advocate accepts. */
async function authorise(resident: Page, advocate: Page, advocateEmail: string, expiresOn?: string): Promise<string> {
  const invited = await resident.request.post("/api/v1/authorisations", {
    data: {
      advocate_email: advocateEmail,
      relationship: "friend",
      scope: ["view_cases", "raise_complaints"],
      ...(expiresOn ? { expires_on: expiresOn } : {}),
    },
  });
  expect(invited.status(), await invited.text()).toBe(201);
  const id = (await invited.json()).id as string;
  const accepted = await advocate.request.post(`/api/v1/authorisations/${id}/acceptance`, { data: {} });
  expect(accepted.status(), await accepted.text()).toBe(200);
  return id;
}

test.describe("a resident stops an advocate acting for them", () => {
  test.afterEach(async ({ request }) => {
    await setServerClock(request, START);
  });

  test("revoking takes effect at once: the advocate's next request for the case is not found", async ({ page, browser }) => {
    await registerAs(page, "resident", "Rosa Resident");
    const complaint = await raiseComplaintByApi(page);
    const advocatePage = await (await browser.newContext()).newPage();
    const advocate = await registerAs(advocatePage, "advocate", "Adam Advocate");
    await authorise(page, advocatePage, advocate.email);

    await open(advocatePage, `/cases/${complaint.id}`);
    await expect(advocatePage.locator("h1")).toContainText("Complaint about");

    await open(page, "/authorisations");
    const card = page.getByTestId("authorisations").locator(":scope > li").filter({ hasText: "Adam Advocate" });
    await expect(card).toContainText("Active");
    await expect(card).toContainText("All complaints, including new ones");
    await expect(card).toContainText("Ends on 18 December 2027");

    // The confirmation step: focused, and Cancel changes nothing.
    await card.getByRole("button", { name: "Stop Adam Advocate acting for you" }).click();
    const confirm = card.getByRole("group", { name: "Are you sure you want to stop Adam Advocate acting for you?" });
    await expect(confirm).toBeFocused();
    await expectNoA11yViolations(page);
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(card).toContainText("Active");

    await card.getByRole("button", { name: "Stop Adam Advocate acting for you" }).click();
    await card.getByRole("button", { name: "Yes, stop them acting for me" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Adam Advocate can no longer act for you. This took effect straight away." }),
    ).toBeVisible();
    await expect(card).toContainText("Stopped");
    await expect(card.getByRole("button", { name: /Stop Adam Advocate/ })).toHaveCount(0);
    await expectNoA11yViolations(page);

    // At once: the advocate's next request answers as if the case did not exist.
    await advocatePage.reload();
    await expect(advocatePage.locator("h1")).toHaveText("Page not found");
    await expectNoA11yViolations(advocatePage);
    await open(advocatePage, "/advocate");
    await expect(advocatePage.getByText("You do not act for anyone yet.")).toBeVisible();
    await advocatePage.context().close();
  });

  test("an authorisation stops on its expiry date without anyone acting", async ({ page, browser }) => {
    const resident = await registerAs(page, "resident", "Rosa Resident");
    const complaint = await raiseComplaintByApi(page);
    const advocatePage = await (await browser.newContext()).newPage();
    const advocate = await registerAs(advocatePage, "advocate", "Adam Advocate");
    await authorise(page, advocatePage, advocate.email, "2027-01-10");

    await open(advocatePage, `/cases/${complaint.id}`);
    await expect(advocatePage.locator("h1")).toContainText("Complaint about");

    // Sessions end when the clock jumps three weeks: both sign in again.
    await setServerClock(page.request, "2027-01-10T09:00:00Z");
    await signInAs(advocatePage, advocate.email, advocate.password);
    await signInAs(page, resident.email, resident.password);
    await advocatePage.reload();
    await expect(advocatePage.locator("h1")).toHaveText("Page not found");

    await open(page, "/authorisations");
    const card = page.getByTestId("authorisations").locator(":scope > li").filter({ hasText: "Adam Advocate" });
    await expect(card).toContainText("Expired");
    await expect(card).toContainText("Ended on 10 January 2027");
    await expectNoA11yViolations(page);
    await advocatePage.context().close();
  });
});
