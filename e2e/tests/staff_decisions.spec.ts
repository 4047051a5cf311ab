import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { DEMO, open, raiseComplaintByApi, registerAs, signInAs } from "./fixtures/app";

// Issue 16: who handles a case, and taking a complaint on or not. Staff work at
// a desk: the desktop run is enough.

test.describe("the caseworker's decisions", () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "staff work at a desk");
  });

  test("an out-of-time complaint waits for a decision, is declined, and the resident sees the reasons and the Ombudsman route", async ({ page, browser }) => {
    const resident = await browser.newPage();
    await registerAs(resident, "resident", "Olu Oldissue");
    const complaint = await raiseComplaintByApi(resident, "Nobody answered my letters about the fence.", {
      started_on: "2024-06-01",
      insist: true,
    });
    await resident.goto(`/cases/${complaint.id}`);
    await expect(resident.getByTestId("case-status")).toHaveText("Deciding if we can take it on");
    await expect(resident.getByTestId("next-step")).toContainText("We are deciding whether we can take your complaint on.");

    await signInAs(page, DEMO.staff.email, DEMO.staff.password);
    await open(page, `/staff/cases/${complaint.id}`);
    await expect(page.getByTestId("decision-needed")).toContainText("Decide whether to take this complaint on");
    await expect(page.getByTestId("decision-needed")).toContainText("The acknowledgement date still runs.");
    await expectNoA11yViolations(page);
    // Responding is not offered until the decision is made.
    await expect(page.getByLabel("Record the response")).toHaveCount(0);

    await page.getByLabel("Decline to take the complaint on").check();
    await page.getByRole("button", { name: "Save" }).click();
    // Nothing typed: the form says what is missing, and nothing is recorded.
    await expect(page.getByRole("alert")).toContainText("Enter the reasons, which the resident will read");
    await page
      .getByLabel(/Why the complaint is not taken on/)
      .fill("The fence was mended in July 2024, and nothing stopped you telling us then.");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The decision not to take the complaint on has been recorded" })).toBeVisible();
    await expect(page.getByTestId("case-status")).toHaveText("Not taken on");
    await expectNoA11yViolations(page);

    await resident.reload();
    await expect(resident.getByTestId("case-status")).toHaveText("Not taken on");
    await expect(resident.getByTestId("next-step")).toContainText("we decided not to take your complaint on");
    const reasons = resident.getByTestId("not-taken-on");
    await expect(reasons).toContainText("The fence was mended in July 2024, and nothing stopped you telling us then.");
    await expect(reasons).toContainText("You can ask the Housing Ombudsman to look at our decision not to take your complaint on.");
    await expect(resident.getByTestId("ombudsman-by")).toBeVisible();
    await resident.close();
  });

  test("a caseworker takes a case, finds it under their own cases, and the queue says who has each case", async ({ page, browser }) => {
    const resident = await browser.newPage();
    await registerAs(resident);
    const complaint = await raiseComplaintByApi(resident, "Nobody called back about my rent statement.");
    await resident.close();

    await signInAs(page, DEMO.staff.email, DEMO.staff.password);
    await open(page, `/staff/cases/${complaint.id}`);
    await page.getByLabel("Assign a caseworker").check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("alert")).toContainText("Select the caseworker");
    await page.getByLabel("Caseworker", { exact: true }).selectOption({ label: "Sam Caseworker" });
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The caseworker has been assigned" })).toBeVisible();
    await expect(page.locator("main")).toContainText("Caseworker: Sam Caseworker");
    await expectNoA11yViolations(page);

    await open(page, "/staff");
    await expectNoA11yViolations(page);
    await page.getByLabel("Caseworker").selectOption("mine");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/caseworker=mine/);
    const queue = page.getByTestId("queue");
    await expect(queue).toContainText(complaint.reference);
    const row = queue.getByRole("row").filter({ hasText: complaint.reference });
    await expect(row).toContainText("Sam Caseworker");

    await page.getByLabel("Caseworker").selectOption("none");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/caseworker=none/);
    await expect(page.getByTestId("queue").or(page.getByText("No cases match."))).toBeVisible();
    await expect(page.locator("main")).not.toContainText(complaint.reference);
  });
});
