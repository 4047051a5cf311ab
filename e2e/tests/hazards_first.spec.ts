import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { DEMO, open, registerAs, signInAs } from "./fixtures/app";
import { RaiseComplaint } from "./fixtures/complaint";

// Awaab's Law (in force for social landlords from 27 October 2025): a
// complaint that describes damp and mould, or another hazard, tells the
// resident what to do now before any other question, is still raised, and is
// flagged to the caseworker with the law's dates apart from the complaint's.
test.describe("hazards first", () => {
  test("black mould in a child's bedroom: the emergency route first, the complaint still raised, the caseworker sees the flag and its dates", async ({ page, browser }) => {
    await registerAs(page);
    const journey = new RaiseComplaint(page);
    await journey.start();
    await journey.about();
    await journey.whatHappened("There is black mould all over the wall in my baby's bedroom and it keeps coming back.");

    // What to do now comes before the next question.
    await journey.expectHeading("Do this now");
    await expect(page.getByText("If anyone is in danger now, call 999.")).toBeVisible();
    await expect(page.getByText("Report it to your landlord as an emergency repair now.")).toBeVisible();
    await expect(page.getByText("Your complaint will still be sent.")).toBeVisible();
    await expectNoA11yViolations(page);
    await journey.continue("Continue with my complaint");

    await journey.started();
    await journey.putRight();
    await journey.contact();
    await journey.files();
    await journey.expectCheckAnswers();
    await journey.send();
    const reference = await journey.expectSent();

    const list = await (await page.request.get("/api/v1/cases")).json();
    const sent = (list as { id: string; reference: string }[]).find((c) => c.reference === reference);
    expect(sent, `${reference} in the resident's cases`).toBeTruthy();

    const staff = await browser.newPage();
    await signInAs(staff, DEMO.staff.email, DEMO.staff.password);
    // The queue flags it before anyone opens it, and keeps the possible
    // hazards alone so that they are dealt with first.
    await open(staff, "/staff");
    await staff.getByLabel("Only possible hazards").check();
    await staff.getByRole("button", { name: "Filter" }).click();
    await expect(staff).toHaveURL(/hazard=true/);
    const row = staff.getByTestId("queue").getByRole("row").filter({ hasText: reference });
    await expect(row.getByTestId("hazard")).toHaveText("Possible hazard");
    await open(staff, `/staff/cases/${sent!.id}`);
    const flag = staff.getByTestId("hazard-flag");
    await expect(flag).toContainText("Possible damp and mould hazard");
    await expect(flag).toContainText('"baby"');
    // Received Friday 18 December 2026: ten working days, skipping Christmas,
    // Boxing Day (28th) and New Year's Day, is Wednesday 6 January 2027.
    await expect(flag.locator(".app-summary-list__row", { hasText: "Investigate" })).toContainText("Wednesday 6 January 2027");
    await expect(flag).toContainText("Landlord and Tenant Act 1985");
    // The complaint's own date is still there, separately: acknowledge by 29 December.
    await expect(staff.getByTestId("due-dates")).toContainText("29 December 2026");
    await staff.close();
  });
});
