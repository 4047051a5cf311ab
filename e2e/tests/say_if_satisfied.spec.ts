import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { acknowledgeThenRespond, open, raiseComplaintByApi, registerAs } from "./fixtures/app";
import { expectErrors } from "./fixtures/complaint";

test.describe("saying whether the response put things right", () => {
  test("after the response a resident says they are not satisfied, with a comment, and finds it on the timeline", async ({ page, playwright, baseURL }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    const staff = await playwright.request.newContext({ baseURL });
    await acknowledgeThenRespond(staff, complaint.id, "not_upheld", "The contractor's records show two visits.");
    await staff.dispose();

    await open(page, `/cases/${complaint.id}`);
    await expect(page.getByTestId("case-status")).toHaveText("Responded");
    await page.getByRole("link", { name: "Tell us if you are satisfied" }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${complaint.id}/satisfaction$`));
    // The question is the page's heading, and the title says so too.
    await expect(page.locator("main h1")).toHaveText("Are you satisfied with our response?");
    await expect(page).toHaveTitle(/^Are you satisfied with our response\?/);
    await expect(page.getByText("If you are not satisfied, you can also ask for a review, or contact the Housing Ombudsman.")).toBeVisible();

    // Nothing chosen: the error summary says what is missing and links to the question.
    await page.getByRole("button", { name: "Send" }).click();
    await expectErrors(page, ["Select if you are satisfied with our response"]);
    await expectNoA11yViolations(page);
    await page.getByRole("link", { name: "Select if you are satisfied with our response" }).click();
    await expect(page.getByRole("radio", { name: "Yes", exact: true })).toBeFocused();

    await page.getByRole("radio", { name: "No", exact: true }).check();
    await page.getByLabel("Anything else you want to tell us (optional)").fill("The window still lets the rain in.");
    await page.getByRole("button", { name: "Send" }).click();

    // Back on the case, with a confirmation and the answer on the timeline.
    await expect(page).toHaveURL(new RegExp(`/cases/${complaint.id}\\?done=satisfaction$`));
    await expect(page.getByRole("status").filter({ hasText: "Thank you for telling us." })).toBeVisible();
    await expect(page.getByTestId("case-status")).toHaveText("Responded");
    const entry = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "You said you are not satisfied" }) });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText("The window still lets the rain in.");
    await expect(entry).toContainText("Friday 18 December 2026 · You");
    await expect(page.getByRole("heading", { name: "You said you are satisfied" })).toHaveCount(0);
    // Not satisfied: the review is still offered.
    await expect(page.getByRole("link", { name: "Ask for a review (stage 2)" })).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test("before the response there is nothing to be satisfied with, so the question is not offered", async ({ page }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    await open(page, `/cases/${complaint.id}`);
    await expect(page.getByRole("link", { name: "Add information" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Tell us if you are satisfied" })).toHaveCount(0);
  });
});
