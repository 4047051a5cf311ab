import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { DEMO, DEMO_TOTP_SECRET, open, POLICY_URL, raiseComplaintByApi, registerAs, signInAs } from "./fixtures/app";

// Issue 18, item 5: Pioneer §11, "All feedback received will be monitored in
// terms of gender, age, ethnicity, disability or other protected
// characteristic (where known)". The questions are optional and the
// resident's alone; caseworkers never see the answers; the figures count them.
test.describe("equality monitoring under Pioneer's policy", () => {
  test.use({ baseURL: POLICY_URL["pioneer-2020"] });

  test("a resident answers some of the optional equality questions, can change them, and caseworkers never see them; the figures count them", async ({ page, browser }, testInfo) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    await open(page, `/cases/${complaint.id}`);
    await page.getByRole("link", { name: "Answer the equality questions" }).click();
    await expect(page.locator("main h1")).toHaveText("Equality questions (optional)");
    await expect(page.getByText(/All feedback received will be monitored/)).toBeVisible();
    await expectNoA11yViolations(page);

    const gender = page.getByRole("group", { name: "What is your gender?" });
    const disability = page.getByRole("group", { name: "Do you consider yourself to be disabled?" });
    await gender.getByLabel("In another way").check();
    await disability.getByLabel("Prefer not to say").check();
    await page.getByRole("button", { name: "Save your answers" }).click();
    await expect(page.locator(".app-notification-banner")).toContainText("Your answers to the equality questions are saved");

    await page.getByRole("link", { name: "Change or remove your answers to the equality questions" }).click();
    await expect(gender.getByLabel("In another way")).toBeChecked();
    await expect(disability.getByLabel("Prefer not to say")).toBeChecked();
    await expect(page.getByRole("group", { name: "How old are you?" }).getByLabel("Prefer not to say")).not.toBeChecked();
    if (testInfo.project.name !== "desktop") return;

    // The caseworker's page of the same case says nothing of them.
    const staffContext = await browser.newContext({ baseURL: POLICY_URL["pioneer-2020"] });
    const staff = await staffContext.newPage();
    await signInAs(staff, DEMO.staff.email, DEMO.staff.password, DEMO_TOTP_SECRET);
    await open(staff, `/staff/cases/${complaint.id}`);
    await expect(staff.getByTestId("case-status")).toBeVisible();
    await expect(staff.locator("main")).not.toContainText("Equality questions");
    await expect(staff.locator("main")).not.toContainText("In another way");
    const answers = await staff.request.get(`/api/v1/cases/${complaint.id}/equality`);
    expect(answers.status()).toBe(404);
    await staffContext.close();

    // The manager's figures count them, for the day it was raised.
    const today: string = (await (await page.request.get(`/api/v1/cases/${complaint.id}`)).json()).view.today;
    const adminContext = await browser.newContext({ baseURL: POLICY_URL["pioneer-2020"] });
    const admin = await adminContext.newPage();
    await signInAs(admin, DEMO.admin.email, DEMO.admin.password, DEMO.admin.totpSecret);
    await open(admin, `/staff/figures?period=${today}..${today}`);
    const table = admin.getByTestId("equality-gender");
    await expect(table.locator("caption")).toHaveText("Gender");
    const row = table.getByRole("row", { name: /In another way/ });
    expect(Number(await row.locator("td").first().textContent())).toBeGreaterThanOrEqual(1);
    await expectNoA11yViolations(admin);
    await adminContext.close();

    // Removed, they are gone.
    await page.getByRole("button", { name: "Remove your answers" }).click();
    await expect(page.locator(".app-notification-banner")).toContainText("Your answers to the equality questions have been removed");
    await expect(page.getByRole("link", { name: "Answer the equality questions" })).toBeVisible();
  });
});
