// An account's own security (issue 13, finding 11): a forgotten password is
// reset by a link sent to the account's address, the password is changed with
// the current one, the devices signed in are listed and can be signed out,
// and a resident can delete their account.
import { expect, test, type APIRequestContext, type Page } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { open, registerAs, signInAs } from "./fixtures/app";
import { expectErrors } from "./fixtures/complaint";

const NEW_PASSWORD = "purple tractor harbour";
const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0";

function password(page: Page, label: string) {
  return page.getByLabel(label, { exact: true });
}

/** What the portal last wrote to `email` with this subject, from the test server's mailbox. */
async function lastMessage(request: APIRequestContext, email: string, subject: string): Promise<string> {
  const answer = await request.get(`/api/v1/test/messages?to=${encodeURIComponent(email)}`);
  expect(answer.status(), await answer.text()).toBe(200);
  const messages: { subject: string; body: string }[] = await answer.json();
  const found = messages.find((m) => m.subject === subject);
  expect(found, `"${subject}" sent to ${email}`).toBeDefined();
  return found!.body;
}

test.describe("a forgotten password", () => {
  test("is reset with the link sent to the address, once, and the new one signs in", async ({ page }) => {
    const account = await registerAs(page);
    await page.context().clearCookies();
    await open(page, "/sign-in");
    await page.getByRole("link", { name: "Forgotten your password?" }).click();
    await expect(page.locator("main h1")).toHaveText("Reset your password");
    await expectNoA11yViolations(page);

    await page.getByRole("button", { name: "Send the link" }).click();
    await expectErrors(page, ["Enter an email address"]);
    await page.getByLabel("Email address").fill(account.email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(page.locator("main h1")).toHaveText("Check your email");
    await expect(page.getByRole("main")).toContainText(
      `If an account uses ${account.email}, we have sent a link to it. The link works for 1 hour.`,
    );
    await expectNoA11yViolations(page);

    // An address no account uses gets the very same page.
    await page.getByRole("button", { name: "Ask for another link" }).click();
    await page.getByLabel("Email address").fill("nobody-uses-this@example.com");
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(page.locator("main h1")).toHaveText("Check your email");

    const body = await lastMessage(page.request, account.email, "Reset your password");
    const link = body.match(/\S*\/reset-password#\S+/)?.[0];
    expect(link, "the email holds the link").toBeDefined();
    await page.goto(link!);
    await expect(page.locator("main h1")).toHaveText("Choose a new password");
    // The token leaves the address bar at once.
    expect(new URL(page.url()).hash).toBe("");
    await expectNoA11yViolations(page);

    await password(page, "New password").fill("password1");
    await page.getByRole("button", { name: "Change password" }).click();
    await expectErrors(page, ["Choose a password that is harder to guess"]);
    await password(page, "New password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.locator("main h1")).toHaveText("Your password has been changed");
    await expect(page.getByRole("main")).toContainText("Sign in with your new password.");
    await expectNoA11yViolations(page);

    await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("Email address").fill(account.email);
    await password(page, "Password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/cases$/);
    await expect(page.locator("main h1")).toHaveText("Your complaints, compliments and comments");

    // The link works once.
    await page.goto(link!);
    await expect(page.locator("main h1")).toHaveText("This link does not work");
    await expect(page.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
  });
});

test.describe("your account", () => {
  test("changes the password, signs out another device, and deletes the account", async ({ page, browser }) => {
    const account = await registerAs(page);
    const laptop = await (await browser.newContext({ userAgent: FIREFOX_ON_WINDOWS })).newPage();
    await signInAs(laptop, account.email, account.password);

    await open(page, "/settings");
    await page.getByRole("link", { name: "Your account: change your password or see where you are signed in" }).click();
    await expect(page.locator("main h1")).toHaveText("Your account");
    await expect(page.getByRole("main")).toContainText(account.email);
    await expectNoA11yViolations(page);

    // Changing the password.
    await page.getByRole("link", { name: "Change your password" }).click();
    await expect(page.locator("main h1")).toHaveText("Change your password");
    await page.getByRole("button", { name: "Change password" }).click();
    await expectErrors(page, ["Enter your current password", "Enter a new password"]);
    await expectNoA11yViolations(page);
    await password(page, "Current password").fill("not my password");
    await password(page, "New password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expectErrors(page, ["Your current password is not right. Check it and enter it again"]);
    await password(page, "Current password").fill(account.password);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.locator("main h1")).toHaveText("Your password has been changed");
    await expect(page.getByRole("main")).toContainText("We have signed you out everywhere else.");
    await expectNoA11yViolations(page);
    expect((await laptop.request.get("/api/v1/session")).status(), "the other device is signed out").toBe(401);
    expect(await lastMessage(page.request, account.email, "Your password was changed")).toContain(
      "If it was not you, reset your password",
    );

    // Where you are signed in: the laptop signs in again, and is signed out from here.
    await signInAs(laptop, account.email, NEW_PASSWORD);
    await page.getByRole("link", { name: "Back to your account" }).click();
    await page.getByRole("link", { name: "Where you are signed in" }).click();
    await expect(page.locator("main h1")).toHaveText("Where you are signed in");
    const sessions = page.getByTestId("session");
    await expect(sessions).toHaveCount(2);
    await expect(sessions.first()).toContainText("This device");
    await expect(sessions.nth(1)).toContainText("Firefox on Windows");
    await expectNoA11yViolations(page);
    await page.getByRole("button", { name: /^Sign out of Firefox on Windows, last used / }).click();
    await expect(page.getByRole("status").filter({ hasText: "You have signed out of that device." })).toBeVisible();
    await expect(sessions).toHaveCount(1);
    expect((await laptop.request.get("/api/v1/session")).status()).toBe(401);

    // Deleting the account.
    await page.getByRole("link", { name: "Back to your account" }).click();
    await page.getByRole("link", { name: "Delete your account" }).click();
    await expect(page.locator("main h1")).toHaveText("Delete your account");
    await expect(page.getByRole("main")).toContainText(
      "we will keep our record of your complaints, as we must: each complaint is kept for 6 years after it ends",
    );
    await expect(page.getByRole("main")).toContainText("You cannot undo this.");
    await expectNoA11yViolations(page);
    await page.getByRole("button", { name: "Delete your account" }).click();
    await expectErrors(page, ["Enter your password to delete your account"]);
    await password(page, "Enter your password to confirm").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Delete your account" }).click();
    await expect(page).toHaveURL(/\/account\/deleted$/);
    await expect(page.locator("main h1")).toHaveText("Your account has been deleted");
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
    await expectNoA11yViolations(page);
    // The cookie went with the account: the server sees a browser with no session.
    const session = await page.request.get("/api/v1/session");
    expect(session.status()).toBe(200);
    expect((await session.json()).user).toBeNull();
    const signIn = await page.request.post("/api/v1/session", { data: { email: account.email, password: NEW_PASSWORD } });
    expect(signIn.status(), "the account can no longer sign in").toBe(401);
  });
});
