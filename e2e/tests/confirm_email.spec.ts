// An email address is proved before its account can act for anyone
// (issue 13): whoever registers an invited advocate's address first cannot
// take up the invitation without the link sent to that address.
import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { open, registerAs, verificationLink } from "./fixtures/app";

test.describe("an advocate who has not yet confirmed their email address", () => {
  test("is told to confirm it, cannot accept an invitation until they open the link, then can", async ({ page, browser }) => {
    await registerAs(page, "resident", "Rosa Resident");
    const advocatePage = await (await browser.newContext()).newPage();
    const advocate = await registerAs(advocatePage, "advocate", "Adam Advocate", { confirmEmail: false });
    const invited = await page.request.post("/api/v1/authorisations", {
      data: { advocate_email: advocate.email, relationship: "relative", scope: ["view_cases"] },
    });
    expect(invited.status(), await invited.text()).toBe(201);

    await open(advocatePage, "/advocate");
    const banner = advocatePage.getByTestId("confirm-email");
    await expect(banner).toContainText("Confirm your email address");
    await expect(banner).toContainText(`We sent a link to ${advocate.email}.`);
    await expect(banner).toContainText("Until you do, we cannot send you emails, and you cannot act for anyone.");
    await expectNoA11yViolations(advocatePage);

    const invitation = advocatePage.getByTestId("invitations").locator(":scope > li").filter({ hasText: "Rosa Resident" });
    await invitation.getByRole("button", { name: "Accept the invitation from Rosa Resident" }).click();
    await expect(advocatePage.getByRole("alert")).toContainText("Confirm your email address first. Open the link we sent you, or ask for a new one");

    // A new link can be asked for.
    await banner.getByRole("button", { name: "Send a new link" }).click();
    await expect(banner.getByRole("status")).toHaveText("We have sent a new link. It works for 24 hours.");

    // The owner of the address opens the link from their email.
    const link = await verificationLink(advocatePage.request, advocate.email);
    await advocatePage.goto(link);
    await expect(advocatePage.locator("main h1")).toHaveText("Your email address is confirmed");
    // The token leaves the address bar at once.
    expect(new URL(advocatePage.url()).hash).toBe("");
    await expectNoA11yViolations(advocatePage);

    await open(advocatePage, "/advocate");
    await expect(advocatePage.getByTestId("confirm-email")).toHaveCount(0);
    await invitation.getByRole("button", { name: "Accept the invitation from Rosa Resident" }).click();
    await expect(advocatePage.getByRole("status").filter({ hasText: "You can now act for Rosa Resident." })).toBeVisible();

    // The link works once.
    await advocatePage.goto(link);
    await expect(advocatePage.locator("main h1")).toHaveText("This link does not work");
    await expect(advocatePage.getByText("Sign in, then ask for a new link.")).toBeVisible();
    await expectNoA11yViolations(advocatePage);
  });
});
