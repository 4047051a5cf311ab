import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { DEMO, open, raiseComplaintByApi, registerAs, signInAs } from "./fixtures/app";

test.describe("the caseworker's side", () => {
  test("a caseworker finds a new complaint in the queue, sees the resident's needs, and acknowledges it", async ({ page, browser }) => {
    const residentContext = await browser.newContext();
    const resident = await residentContext.newPage();
    await registerAs(resident, "resident", "Nadia Needs");
    const saved = await resident.request.put("/api/v1/preferences", {
      data: { letter_format: "large_print", contact_channel: "phone", phone: "07700 900123", reasonable_adjustments: "Please call after 10am" },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    const complaint = await raiseComplaintByApi(resident);

    await signInAs(page, DEMO.staff.email, DEMO.staff.password);
    await open(page, "/staff?status=awaiting_acknowledgement");
    const queue = page.getByTestId("queue");
    await expect(queue).toBeVisible();
    await expectNoA11yViolations(page);
    // The queue comes 50 to a page, soonest due first: the new complaint may
    // be on a later page, which keeps the filter.
    for (let pages = 0; (await queue.getByRole("link", { name: complaint.reference }).count()) === 0; pages++) {
      expect(pages, `${complaint.reference} is on no page of the queue`).toBeLessThan(20);
      const loaded = page.waitForResponse((r) => r.url().includes("/api/v1/staff/cases?") && r.url().includes("after="));
      await page.getByRole("navigation", { name: "Pages of the queue" }).getByRole("link", { name: "Next page" }).click();
      await loaded;
      await expect(page).toHaveURL(/status=awaiting_acknowledgement/);
      await expect(page.getByRole("link", { name: "First page" })).toBeVisible();
    }
    await expect(queue).toContainText(complaint.reference);

    await queue.getByRole("link", { name: complaint.reference }).click();
    const needs = page.getByTestId("resident-needs");
    await expect(needs).toContainText("Letters: large print");
    await expect(needs).toContainText("Please call after 10am");
    await expectNoA11yViolations(page);

    await page.getByLabel("Acknowledge").check();
    // The complaint definition (Code 5.6) is asked for with the acknowledgement.
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("alert")).toContainText("Enter what the complaint is about, as you understand it");
    await expect(page.getByRole("alert")).toContainText("Enter the outcome the resident wants, as you understand it");
    await expectNoA11yViolations(page);
    await page.getByLabel("What the complaint is about").fill("Nobody came to fix the boiler on Tuesday.");
    await page.getByLabel("The outcome the resident wants").fill("A new appointment this week.");
    await page.getByRole("button", { name: "Preview what the resident will be told" }).click();
    await expect(page.getByTestId("message-preview")).toContainText("This is what we understand your complaint to be about:");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("case-status")).toHaveText("Being looked into");
    // A success banner says what was recorded, politely.
    await expect(page.getByRole("status").filter({ hasText: "The complaint has been acknowledged" })).toBeVisible();
    await expectNoA11yViolations(page);

    await resident.goto(`/cases/${complaint.id}`);
    await expect(resident.getByTestId("case-status")).toHaveText("Being looked into");
    const understood = resident.getByTestId("definition");
    await expect(resident.getByRole("heading", { name: "What we understand your complaint to be" })).toBeVisible();
    await expect(understood).toContainText("Nobody came to fix the boiler on Tuesday.");
    await expect(understood).toContainText("A new appointment this week.");
    // The resident says it is not right; an empty answer keeps them on the page.
    await resident.getByRole("link", { name: "Tell us if we have not understood your complaint" }).click();
    await expect(resident.locator("main h1")).toHaveText("What have we not understood about your complaint?");
    await resident.getByRole("button", { name: "Send" }).click();
    await expect(resident.getByRole("alert")).toContainText("Enter what we have got wrong");
    await expectNoA11yViolations(resident);
    await resident.getByLabel("What have we not understood about your complaint?").fill("It was Wednesday, and the radiators are cold too.");
    await resident.getByRole("button", { name: "Send" }).click();
    await expect(resident.getByRole("status").filter({ hasText: "We will check what we understand the complaint to be" })).toBeVisible();
    await expect(resident.getByTestId("definition-queried")).toContainText("that this is not right");
    await expectNoA11yViolations(resident);

    // The caseworker sees what the resident said, beside the definition.
    await page.reload();
    await expect(page.getByTestId("staff-definition")).toContainText("Nobody came to fix the boiler on Tuesday.");
    await expect(page.getByTestId("definition-queried")).toContainText("It was Wednesday, and the radiators are cold too.");
    await residentContext.close();
  });

  test("an extension beyond the policy's limit is refused with the reason, and made with a good reason the resident reads", async ({ page, browser }) => {
    const resident = await browser.newPage();
    await registerAs(resident);
    const complaint = await raiseComplaintByApi(resident);
    await signInAs(page, DEMO.staff.email, DEMO.staff.password);
    await open(page, `/staff/cases/${complaint.id}`);
    // Standard letters read as such, not "Letters in standard".
    await expect(page.getByTestId("resident-needs")).toContainText("Letters: standard print");
    await expect(page.getByTestId("resident-needs")).not.toContainText("Letters in standard");
    await page.getByLabel("Acknowledge").check();
    await page.getByLabel("What the complaint is about").fill("The drains back up into the garden.");
    await page.getByLabel("The outcome the resident wants").fill("The drains cleared for good.");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("case-status")).toHaveText("Being looked into");
    await page.getByLabel("Extend the response date").check();
    // The policy's latest date is shown before a date is chosen.
    await expect(page.getByTestId("extension-allowance")).toContainText("The latest date the policy allows is");
    await page.getByLabel("Reason (the resident will read it)").fill("Waiting for a survey");
    await page.getByLabel("New response date").fill("2027-06-30");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    // A refused action is not said to be recorded.
    await expect(page.getByTestId("staff-action-recorded")).toHaveCount(0);
    await expect(page.getByRole("alert")).toContainText("unless you give a good reason for a later date");
    await expectNoA11yViolations(page);

    // The Code (6.4) allows a longer extension for a good reason, explained to the resident.
    const why = "The drains must be dug up, which needs a road closure";
    await page.getByLabel("Good reason for a date beyond the policy's limit (only if it is)").fill(why);
    // Staff see exactly what the resident will be told before saving.
    await page.getByRole("button", { name: "Preview what the resident will be told" }).click();
    await expect(page.getByTestId("message-preview")).toContainText(`We are taking longer because: ${why}`);
    await expect(page.getByTestId("message-preview")).toContainText("Housing Ombudsman");
    await expectNoA11yViolations(page);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("staff-action-recorded")).toContainText("The new response date has been recorded");
    await resident.goto(`/cases/${complaint.id}`);
    await expect(resident.getByText(`This is longer than our policy usually allows, because: ${why}`)).toBeVisible();
    await resident.close();
  });

  test("a resident cannot open the staff queue", async ({ page }) => {
    await registerAs(page);
    const response = await page.request.get("/api/v1/staff/cases");
    expect(response.status()).toBe(403);
  });
});
