import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { DEMO, DEMO_TOTP_SECRET, open, signInAs } from "./fixtures/app";

// Issue 18: "The compliance page for each preset lists findings a landlord's
// compliance officer would agree with". The findings are the domain's check
// (crates/domain/tests/compliance.rs holds each preset's list); this is what
// a member of staff reads and how they move between policies.
test.describe("the compliance page", () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "staff work at a desk");
  });

  test("staff read the policy in use, then Pivotal's breaches with its own words and what would comply", async ({ page }) => {
    await signInAs(page, DEMO.staff.email, DEMO.staff.password, DEMO_TOTP_SECRET);
    await open(page, "/staff");
    await page.getByRole("link", { name: "Policies and the Complaint Handling Code" }).click();
    await expect(page.locator("main h1")).toHaveText("Policies and the Complaint Handling Code");
    await expect(page).toHaveTitle("Policies and the Complaint Handling Code – Put It Right");

    // The policy in use is the Code itself: nothing to change.
    const choice = page.getByLabel("Policy");
    await expect(choice).toHaveValue("code-2024");
    await expect(page.getByTestId("summary")).toHaveText("The check found nothing in this policy that the Code asks to change.");
    await expect(page.getByTestId("breaches")).toHaveCount(0);
    await expectNoA11yViolations(page);

    await choice.selectOption("pivotal-2021");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/\/staff\/compliance\?policy=pivotal-2021$/);
    await expect(page.getByTestId("summary")).toHaveText(/^\d+ findings: 3 breaches where the policy says something the Code does not allow, and \d+ points of advice/);
    const breaches = page.getByTestId("breaches").getByRole("listitem");
    await expect(breaches).toHaveCount(3);
    // §6.1(g): complaints about staff go to their line manager, outside the
    // complaints process; the Code's definition of a complaint includes staff.
    const staffExclusion = breaches.filter({ has: page.getByRole("heading", { name: "Code 1.2" }) });
    await expect(staffExclusion.locator("blockquote")).toContainText("Pivotal employee");
    await expect(staffExclusion).toContainText("To comply:");
    await expect(breaches.filter({ has: page.getByRole("heading", { name: "Code 2.3" }) })).toHaveCount(1);
    // Advice comes after the breaches.
    const advice = page.getByTestId("advice").getByRole("listitem");
    await expect(advice.filter({ has: page.getByRole("heading", { name: "Code section 8" }) }).first()).toBeVisible();
    const order = await page.locator("main h3").allTextContents();
    expect(order).toEqual(["Where the policy says something the Code does not allow", "Where the policy is silent or unclear"]);
    await expectNoA11yViolations(page);

    // Pioneer's optional tenant-led panel is a third stage.
    await choice.selectOption("pioneer-2020");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page.getByTestId("policy-shown")).toContainText("Pioneer");
    await expect(page.getByTestId("breaches").getByRole("heading", { name: "Code 5.3" })).toBeVisible();

    // What the check cannot judge is there to read.
    await page.getByText("What the check cannot judge").click();
    await expect(page.getByTestId("not-judged").getByRole("row")).toHaveCount(27);
    await expect(page.getByTestId("not-judged")).toContainText("Code 1.3");
  });

  test("an address naming a policy the portal does not have says so and offers the list", async ({ page }) => {
    await signInAs(page, DEMO.staff.email, DEMO.staff.password, DEMO_TOTP_SECRET);
    await open(page, "/staff/compliance?policy=nope");
    await expect(page.getByRole("alert")).toHaveText("The portal has no policy with that name. Choose one from the list.");
    await expect(page.getByLabel("Policy").locator("option")).not.toHaveCount(0);
  });
});
