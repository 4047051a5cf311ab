// An email address is proved before its account can be used (issue 13,
// findings 2 and 10): registering answers the same whether or not the
// address has an account, nobody is signed in until the link sent to the
// address is opened with the password chosen, and so whoever registers an
// invited advocate's address first cannot take up the invitation.
import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { open, PASSWORD, registerAs, uniqueEmail, verificationLink } from "./fixtures/app";
import { expectErrors } from "./fixtures/complaint";

test.describe("an advocate making an account", () => {
  test("is told to check their email, cannot sign in until they open the link with their password, then can act", async ({ page, browser }) => {
    await registerAs(page, "resident", "Rosa Resident");
    const email = uniqueEmail("advocate");
    const invited = await page.request.post("/api/v1/authorisations", {
      data: { advocate_email: email, relationship: "relative", scope: ["view_cases"] },
    });
    expect(invited.status(), await invited.text()).toBe(201);

    const advocate = await (await browser.newContext()).newPage();
    await open(advocate, "/create-account");
    await advocate.getByLabel("Full name").fill("Adam Advocate");
    await advocate.getByLabel("Email address").fill(email);
    await advocate.getByLabel("Create a password", { exact: true }).fill(PASSWORD);
    await advocate.getByLabel("I act for a resident").check();
    await advocate.getByRole("button", { name: "Create account" }).click();
    await expect(advocate.locator("main h1")).toHaveText("Check your email");
    await expect(advocate.getByRole("main")).toContainText(`We have sent an email to ${email}.`);
    await expect(advocate.getByRole("main")).toContainText("You will be asked for the password you chose.");
    await expectNoA11yViolations(advocate);

    // Signing in first gets the answer a wrong password gets, with a hint.
    await open(advocate, "/sign-in");
    await advocate.getByLabel("Email address").fill(email);
    await advocate.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await advocate.getByRole("button", { name: "Sign in" }).click();
    await expectErrors(advocate, ["Enter a correct email address and password"]);
    await expect(advocate.getByText("If you have just made an account, open the link we emailed you before you sign in.")).toBeVisible();

    // The owner of the address opens the link from their email.
    const link = await verificationLink(advocate.request, email);
    await advocate.goto(link);
    await expect(advocate.locator("main h1")).toHaveText("Confirm your email address");
    // The token leaves the address bar at once.
    expect(new URL(advocate.url()).hash).toBe("");
    await expectNoA11yViolations(advocate);
    await advocate.getByRole("button", { name: "Confirm and sign in" }).click();
    await expectErrors(advocate, ["Enter the password you chose when you made this account"]);
    await advocate.getByLabel("Password", { exact: true }).fill("not the password I chose");
    await advocate.getByRole("button", { name: "Confirm and sign in" }).click();
    await expectErrors(advocate, ["Enter the password you chose when you made this account"]);
    await expectNoA11yViolations(advocate);
    await advocate.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await advocate.getByRole("button", { name: "Confirm and sign in" }).click();
    await expect(advocate).toHaveURL(/\/advocate$/);
    await expect(advocate.getByRole("status").filter({ hasText: "Your account has been created" })).toBeVisible();

    const invitation = advocate.getByTestId("invitations").locator(":scope > li").filter({ hasText: "Rosa Resident" });
    await invitation.getByRole("button", { name: "Accept the invitation from Rosa Resident" }).click();
    await expect(advocate.getByRole("status").filter({ hasText: "You can now act for Rosa Resident." })).toBeVisible();

    // The link works once.
    await advocate.goto(link);
    await advocate.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await advocate.getByRole("button", { name: "Confirm and sign in" }).click();
    await expect(advocate.locator("main h1")).toHaveText("This link does not work");
    await expect(advocate.getByText("If you have not finished making your account, make it again to get a new link.")).toBeVisible();
    await expectNoA11yViolations(advocate);
  });

  test("with an address that already has an account is told the same, and the owner's account is unchanged", async ({ page }) => {
    const owner = await registerAs(page, "resident", "Rosa Resident");
    await page.context().clearCookies();
    await open(page, "/create-account");
    await page.getByLabel("Full name").fill("Someone Else");
    await page.getByLabel("Email address").fill(owner.email);
    await page.getByLabel("Create a password", { exact: true }).fill("someone else's password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("main h1")).toHaveText("Check your email");
    await expect(page.getByRole("main")).toContainText(`We have sent an email to ${owner.email}.`);

    const mailbox = await page.request.get(`/api/v1/test/messages?to=${encodeURIComponent(owner.email)}`);
    const messages: { subject: string; body: string }[] = await mailbox.json();
    expect(messages[0].subject).toBe("You already have an account");
    expect(messages[0].body).toContain("/sign-in");

    // "Make your account again" brings the form back.
    await page.getByRole("link", { name: "make your account again" }).click();
    await expect(page.locator("main h1")).toHaveText("Create an account");
  });
});
