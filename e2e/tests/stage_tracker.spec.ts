import { expect, test, type Page } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { acknowledgeThenRespond, open, raiseComplaintByApi, registerAs, staffAction } from "./fixtures/app";

// The Code's Housing Ombudsman guidance (crates/domain/presets/code-2024.toml),
// each shown only where it fits where the complaint stands.
const ALWAYS = "You can ask the Housing Ombudsman Service for free, independent advice at any time";
const DURING = "If your landlord does not respond within its timescales, tell the Housing Ombudsman Service.";
const AFTER_FINAL = "Once you have your landlord's final response, you can ask the Housing Ombudsman Service to investigate.";
const AFTER_REFUSAL = "If your landlord will not accept your complaint, or will not take it to the next stage";

/** The stage tracker's items, as a screen reader hears them. */
const stages = (page: Page) => page.getByRole("heading", { name: "Stages" }).locator("xpath=following-sibling::ol[1]").getByRole("listitem");
const currentStage = (page: Page) => page.locator('[aria-current="step"]');

async function expectGuidance(page: Page, shown: string[], hidden: string[]): Promise<void> {
  const guidance = page.getByRole("heading", { name: "The Housing Ombudsman" }).locator("xpath=following-sibling::p");
  for (const text of shown) await expect(guidance.filter({ hasText: text })).toHaveCount(1);
  for (const text of hidden) await expect(page.getByText(text)).toHaveCount(0);
}

async function askForReview(page: Page, id: string): Promise<void> {
  const response = await page.request.post(`/api/v1/cases/${id}/escalation`, { data: {} });
  expect(response.status(), await response.text()).toBe(200);
}

test.describe("where a complaint is in the process, and what the Housing Ombudsman can do", () => {
  test("the tracker marks the current stage, and the guidance moves on with a review and the final response", async ({ page, playwright, baseURL }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    const staff = await playwright.request.newContext({ baseURL });
    await staffAction(staff, complaint.id, { type: "acknowledged" });

    // Stage 1, being looked into.
    await open(page, `/cases/${complaint.id}`);
    await expect(stages(page)).toHaveText(["Stage 1 (current stage)", "Stage 2 (not started)"]);
    await expect(currentStage(page)).toHaveCount(1);
    await expect(currentStage(page)).toHaveText("Stage 1 (current stage)");
    await expectGuidance(page, [ALWAYS, DURING], [AFTER_FINAL, AFTER_REFUSAL]);
    await expectNoA11yViolations(page);

    // The stage 1 response: still stage 1 until a review is asked for.
    await staffAction(staff, complaint.id, { type: "responded", outcome: "not_upheld", reasons: "Stage 1 decision." });
    await open(page, `/cases/${complaint.id}`);
    await expect(page.getByTestId("case-status")).toHaveText("Responded");
    await expect(currentStage(page)).toHaveText("Stage 1 (current stage)");
    await expectGuidance(page, [ALWAYS, DURING], [AFTER_FINAL, AFTER_REFUSAL]);

    // A review asked for: stage 2 is current, stage 1 done; still during the process.
    await askForReview(page, complaint.id);
    await open(page, `/cases/${complaint.id}`);
    await expect(page.getByTestId("case-status")).toHaveText("Review asked for");
    await expect(stages(page)).toHaveText(["Stage 1 (done)", "Stage 2 (current stage)"]);
    await expect(currentStage(page)).toHaveCount(1);
    await expect(currentStage(page)).toHaveText("Stage 2 (current stage)");
    await expectGuidance(page, [ALWAYS, DURING], [AFTER_FINAL, AFTER_REFUSAL]);
    await expectNoA11yViolations(page);

    // The stage 2 response is the final one: the Ombudsman can now investigate.
    await acknowledgeThenRespond(staff, complaint.id, "not_upheld", "Stage 2 decision.");
    await open(page, `/cases/${complaint.id}`);
    await expect(page.getByTestId("case-status")).toHaveText("Responded");
    await expect(currentStage(page)).toHaveText("Stage 2 (current stage)");
    await expectGuidance(page, [ALWAYS, AFTER_FINAL], [DURING, AFTER_REFUSAL]);
    await expect(page.getByRole("link", { name: "Ask for a review (stage 2)" })).toHaveCount(0);
    await expectNoA11yViolations(page);
    await staff.dispose();
  });

  test("a refused review puts the complaint back at stage 1 and says the Ombudsman can look at the refusal", async ({ page, playwright, baseURL }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    const staff = await playwright.request.newContext({ baseURL });
    await acknowledgeThenRespond(staff, complaint.id, "not_upheld", "Stage 1 decision.");
    await askForReview(page, complaint.id);
    await staffAction(staff, complaint.id, { type: "escalation_refused", reasons: "This was settled at stage 1 by agreement." });
    await staff.dispose();

    await open(page, `/cases/${complaint.id}`);
    await expect(page.getByTestId("case-status")).toHaveText("Review refused");
    await expect(stages(page)).toHaveText(["Stage 1 (current stage)", "Stage 2 (not started)"]);
    await expect(currentStage(page)).toHaveText("Stage 1 (current stage)");
    await expectGuidance(page, [ALWAYS, DURING, AFTER_REFUSAL], [AFTER_FINAL]);
    await expectNoA11yViolations(page);
  });
});
