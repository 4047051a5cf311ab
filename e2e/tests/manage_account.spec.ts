import { expect, test, type Page } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { open, PASSWORD, raiseComplaintByApi, registerAs, signInAs, uniqueEmail, verificationLink } from "./fixtures/app";
import { ANSWERS, expectErrors, RaiseComplaint } from "./fixtures/complaint";

function password(page: Page, label: string) {
  return page.getByLabel(label, { exact: true });
}

test.describe("creating an account, signing in and signing out", () => {
  test("a resident creates an account after correcting the form, and lands on their cases", async ({ page }) => {
    await open(page, "/");
    await page.getByRole("button", { name: "Create an account" }).click();
    await expect(page.locator("main h1")).toHaveText("Create an account");
    await expectNoA11yViolations(page);

    await page.getByRole("button", { name: "Create account" }).click();
    await expectErrors(page, ["Enter your full name", "Enter an email address", "Enter a password"]);
    await expectNoA11yViolations(page);
    // Each message is also at its field, and its link in the summary goes there.
    await page.getByRole("link", { name: "Enter an email address" }).click();
    await expect(page.getByLabel("Email address")).toBeFocused();

    await page.getByLabel("Full name").fill("Rosa Resident");
    await page.getByLabel("Email address").fill("rosa at example");
    await password(page, "Create a password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expectErrors(page, [
      "Enter an email address in the correct format, like name@example.com",
      "Password must be 8 characters or more",
    ]);

    const email = uniqueEmail();
    await page.getByLabel("Email address").fill(email);
    await password(page, "Create a password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    // The page says the same whether or not the address has an account: the
    // email says which, to the address's owner only.
    await expect(page.locator("main h1")).toHaveText("Check your email");
    await expect(page.locator("main h1")).toBeFocused();
    await expect(page.getByRole("main")).toContainText(`We have sent an email to ${email}.`);
    await expectNoA11yViolations(page);

    // The link opens a page that asks for the password chosen, then signs in.
    await page.goto(await verificationLink(page.request, email));
    await expect(page.locator("main h1")).toHaveText("Confirm your email address");
    await password(page, "Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Confirm and sign in" }).click();
    await expect(page).toHaveURL(/\/cases$/);
    await expect(page.locator("main h1")).toHaveText("Your complaints, compliments and comments");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    // A GOV.UK success banner says the account was made, politely, once.
    const created = page.getByRole("status").filter({ hasText: "Your account has been created" });
    await expect(created).toBeVisible();
    await expect(created).toContainText(`You are signed in as ${email}.`);
    await expectNoA11yViolations(page);
    await page.reload();
    await expect(page.locator("main h1")).toHaveText("Your complaints, compliments and comments");
    await expect(page.getByText("Your account has been created")).toHaveCount(0);
  });

  test("a wrong password says so, clears the password, and the right one signs in", async ({ page }) => {
    const account = await registerAs(page);
    await page.context().clearCookies();
    await open(page, "/sign-in");
    await expectNoA11yViolations(page);

    await page.getByRole("button", { name: "Sign in" }).click();
    await expectErrors(page, ["Enter an email address", "Enter a password"]);

    await page.getByLabel("Email address").fill(account.email);
    await password(page, "Password").fill("not my password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expectErrors(page, ["Enter a correct email address and password"]);
    await expect(page.getByText("You have been signed out")).toHaveCount(0);
    await expect(password(page, "Password")).toHaveValue("");
    await expectNoA11yViolations(page);

    await password(page, "Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/cases$/);
    await expect(page.locator("main h1")).toHaveText("Your complaints, compliments and comments");
  });

  test("signing in from a link to a case comes back to that case", async ({ page }) => {
    const account = await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    await page.context().clearCookies();
    await page.goto(`/cases/${complaint.id}`);
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(`/cases/${complaint.id}`)}$`));
    await expect(page.locator("main h1")).toHaveText("Sign in");
    await page.getByLabel("Email address").fill(account.email);
    await password(page, "Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${complaint.id}$`));
    await expect(page.getByRole("main")).toContainText(complaint.reference);
  });

  test("the password can be shown and hidden, and pasted in", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await open(page, "/sign-in");
    const field = password(page, "Password");
    await expect(field).toHaveAttribute("type", "password");

    // Pasting from a password manager is allowed.
    await page.evaluate(() => navigator.clipboard.writeText("pasted horse battery"));
    await field.focus();
    await page.keyboard.press("ControlOrMeta+V");
    await expect(field).toHaveValue("pasted horse battery");

    const show = page.getByRole("button", { name: "Show password" });
    await show.click();
    await expect(field).toHaveAttribute("type", "text");
    await expect(page.getByText("Your password is visible")).toBeAttached();
    await page.getByRole("button", { name: "Hide password" }).click();
    await expect(field).toHaveAttribute("type", "password");
    await expect(page.getByText("Your password is hidden")).toBeAttached();
    await expect(field).toHaveValue("pasted horse battery");
  });

  test("signing out ends the session and says what is kept", async ({ page }) => {
    await registerAs(page);
    await open(page, "/cases");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signed-out$/);
    await expect(page.locator("main h1")).toHaveText("You have signed out");
    await expect(page.getByRole("main")).toContainText("still saved on this device");
    await expectNoA11yViolations(page);
    // The session really has ended: the server no longer knows this browser.
    const session = await page.request.get("/api/v1/session");
    expect(session.status()).toBe(200);
    expect((await session.json()).user).toBeNull();
    await page.getByRole("link", { name: "Sign in again" }).click();
    await expect(page.locator("main h1")).toHaveText("Sign in");
  });

  test("on a shared device, what was typed can be deleted after signing out, and the look of the pages stays", async ({ page }) => {
    const account = await registerAs(page);
    const complaint = new RaiseComplaint(page, false);
    await complaint.start();
    await complaint.about();
    await complaint.expectHeading("What happened?");
    await complaint.whatHappenedBox().fill("Typed on the library computer.");
    await complaint.continueFrom("What happened?");
    await page.evaluate(() => localStorage.setItem("pir.preferences", JSON.stringify({ high_contrast: true })));
    const typedKeys = () =>
      page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("complaint_draft")));
    expect(await typedKeys()).not.toEqual([]);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.locator("main h1")).toHaveText("You have signed out");
    await page.getByRole("button", { name: "Delete what I typed from this device" }).click();
    const done = page.getByTestId("device-cleared");
    await expect(done).toContainText("Everything you had typed has been deleted from this device.");
    await expect(done).toBeFocused();
    await expectNoA11yViolations(page);
    expect(await typedKeys()).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem("pir.preferences"))).toContain("high_contrast");

    // Signing in again starts a new complaint from the first question.
    await signInAs(page, account.email, account.password);
    await complaint.start();
    await expect(page.getByRole("radio", { name: ANSWERS.category })).not.toBeChecked();
  });
});
