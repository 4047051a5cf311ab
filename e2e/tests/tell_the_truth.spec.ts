// What a resident is told must be true: a request page opened after its
// window closed says so at once, and the contact channel chosen on a
// complaint is the one staff see and use.
import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { acknowledgeThenRespond, DEMO, open, POLICY_URL, raiseComplaintByApi, registerAs, setServerClock, signInAs, START } from "./fixtures/app";
import { expectErrors } from "./fixtures/complaint";

test.describe("a request page opened after its window closed (Pivotal: 10 working days)", () => {
  test.use({ baseURL: POLICY_URL["pivotal-2021"] });

  test.afterEach(async ({ request }) => {
    await setServerClock(request, START);
  });

  test("says at once when the window closed and what the resident can do now, with no form to fill", async ({ page, playwright }) => {
    const resident = await registerAs(page);
    const complaint = await raiseComplaintByApi(page, "The lift has been out of order for a month.");
    const staff = await playwright.request.newContext({ baseURL: POLICY_URL["pivotal-2021"] });
    await acknowledgeThenRespond(staff, complaint.id, "not_upheld", "We found no fault.");
    await staff.dispose();
    // A word from the resident keeps the complaint open past its window
    // (with none, Pivotal closes it the next working day).
    const added = await page.request.post(`/api/v1/cases/${complaint.id}/information`, { data: { text: "The lift broke again today." } });
    expect(added.status(), await added.text()).toBe(200);

    // Responded Friday 18 December 2026: the last day is Wednesday 6 January 2027.
    await setServerClock(page.request, "2027-01-07T10:00:00Z");
    await signInAs(page, resident.email, resident.password);
    await open(page, `/cases/${complaint.id}/ask-for-review`);
    const notice = page.getByTestId("action-unavailable");
    await expect(notice).toContainText("You can no longer ask for a review. The last day to ask was Wednesday 6 January 2027.");
    await expect(notice).toContainText("You can still ask the Housing Ombudsman to look at your complaint.");
    await expect(page.getByRole("button", { name: "Ask for a review" })).toBeHidden();
    await expect(page.getByRole("link", { name: "How to contact the Housing Ombudsman" })).toBeVisible();
    await expectNoA11yViolations(page);
  });
});

test.describe("the contact channel chosen on a complaint (the Code)", () => {
  test.use({ baseURL: POLICY_URL["code-2024"] });

  test("is shown to staff first with the number, and its messages wait for staff to send by hand", async ({ page, browser }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page, "Nobody answers the repairs line.", { contact_channel: "text_message", contact_phone: "07700 900123" });

    const staff = await browser.newContext({ baseURL: POLICY_URL["code-2024"], viewport: { width: 360, height: 740 } });
    const staffPage = await staff.newPage();
    await signInAs(staffPage, DEMO.staff.email, DEMO.staff.password);
    // The outbox sender takes a message within a few seconds; staff then see
    // that no text message service sent it.
    await expect(async () => {
      await open(staffPage, `/staff/cases/${complaint.id}`);
      await expect(staffPage.getByTestId("case-contact")).toContainText("Contact about this case: Text message to 07700 900123");
      await expect(staffPage.getByTestId("case-messages")).toContainText("to send by hand", { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(staffPage.getByTestId("case-messages")).toContainText("Text message to 07700 900123");
    await expect(staffPage.getByTestId("case-messages")).toContainText("Not sent: no text message service. Text it by hand");
    await expectNoA11yViolations(staffPage);
    await staff.close();
  });
});

test.describe("someone acting for a resident (the Code)", () => {
  test.use({ baseURL: POLICY_URL["code-2024"] });

  test("reads of their complaint, sees the resident by name, and may not withdraw it without that permission", async ({ page, browser }) => {
    await registerAs(page, "resident", "Rosa Resident");
    const complaint = await raiseComplaintByApi(page, "The heating has failed three times.");

    const context = await browser.newContext({ baseURL: POLICY_URL["code-2024"], viewport: { width: 360, height: 740 } });
    const advocatePage = await context.newPage();
    const advocate = await registerAs(advocatePage, "advocate", "Adam Advocate");
    const invited = await page.request.post("/api/v1/authorisations", {
      data: { advocate_email: advocate.email, relationship: "relative", scope: ["view_cases", "raise_complaints"] },
    });
    expect(invited.status(), await invited.text()).toBe(201);
    const authorisation = await invited.json();
    const accepted = await advocatePage.request.post(`/api/v1/authorisations/${authorisation.id}/acceptance`, { data: {} });
    expect(accepted.status(), await accepted.text()).toBe(200);

    await open(advocatePage, `/cases/${complaint.id}`);
    await expect(advocatePage.getByTestId("next-step")).toContainText("We will acknowledge their complaint by Tuesday 29 December 2026.");
    await expect(advocatePage.getByRole("heading", { name: "What we were told" })).toBeVisible();
    await expect(advocatePage.getByRole("heading", { name: "What you told us" })).toHaveCount(0);
    await expect(advocatePage.locator(".app-timeline__date").first()).toContainText("Rosa Resident");
    await expect(advocatePage.getByRole("link", { name: /Withdraw/ })).toHaveCount(0);
    await expectNoA11yViolations(advocatePage);
    await advocatePage.getByRole("link", { name: "Add information" }).click();
    await expect(advocatePage.locator("main h1")).toHaveText("Add information to their complaint");

    // Beyond the headings, every action page speaks of them, not to them;
    // the text of a form hidden because the action is not open yet counts too.
    const main = advocatePage.locator("main");
    await expect(main).toContainText("or the answer to a question we asked them");
    await expect(main).not.toContainText("a question we asked you");

    await open(advocatePage, `/cases/${complaint.id}/ask-for-panel`);
    await expect(main.locator("h1")).toHaveText("Ask for a panel to hear their complaint");
    await expect(advocatePage.getByTestId("action-unavailable")).toContainText("The complaint's page says what happens next and what you can do.");
    await expect(advocatePage.getByRole("link", { name: "Go back to their complaint" })).toBeVisible();
    await expect(main).toContainText("A panel of residents and board members will hear their complaint. They can attend");
    await expect(main).toContainText("How do they want to take part?");
    await expect(main).toContainText("They will attend the panel");
    await expect(main).toContainText("Will someone come with them to represent them?");
    await expect(main).toContainText("A friend or relative can represent them.");
    for (const yours of ["How do you want to take part?", "I will attend the panel", "come with you", "represent you", "hear your complaint", "Go back to your complaint"]) {
      await expect(main).not.toContainText(yours);
    }

    await open(advocatePage, `/cases/${complaint.id}/ask-for-review`);
    await expect(main.locator("h1")).toHaveText("Ask for a review of their complaint");
    await expect(main).toContainText("what they would still like us to put right");
    await expect(main).not.toContainText("what you would still like us to put right");

    // Even when the page's code arrives before the answer to "who is signed
    // in?", the page speaks of them: it waits for the answer, never guesses.
    await advocatePage.route("**/api/v1/session", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await open(advocatePage, `/cases/${complaint.id}/satisfaction`);
    await expect(main.locator("h1")).toHaveText("Are they satisfied with our response?");
    await advocatePage.unroute("**/api/v1/session");
    await expect(advocatePage.getByLabel("Anything else you or they want to tell us (optional)")).toBeVisible();
    await expect(main).toContainText("If they are not satisfied, you can also ask for a review for them, or contact the Housing Ombudsman.");
    await expect(main).not.toContainText("If you are not satisfied");
    await advocatePage.getByRole("button", { name: "Send" }).click();
    await expectErrors(advocatePage, ["Select if they are satisfied with our response"]);
    await expect(main).not.toContainText("Select if you are satisfied");

    await open(advocatePage, `/cases/${complaint.id}/withdraw`);
    await expect(main.locator("h1")).toHaveText("Withdraw their complaint");
    await expect(advocatePage.getByLabel("Why do they want to withdraw it? (optional)")).toBeVisible();
    await expect(main).not.toContainText("Why are you withdrawing it?");
    await advocatePage.getByRole("button", { name: "Continue" }).click();
    await expectErrors(advocatePage, ["Select yes if you want to withdraw their complaint"]);
    await expect(main).not.toContainText("your complaint");
    await context.close();
  });
});
