// Security issue #13, finding 16: on a shared or public device (a library's
// computer, a friend's phone), signing out deletes what the person typed; on
// their own device it stays, and the signed-out page offers to delete it.
import { expect, test, type Page } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { open, registerAs, signInAs, type Account } from "./fixtures/app";
import { ANSWERS, RaiseComplaint } from "./fixtures/complaint";

const SHARED = "This is a shared or public device";
const TYPED = "Typed on the library computer.";

/** The device keys that hold what someone typed (src/device_data.rs). */
const typedKeys = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage).filter((k) =>
      [
        "complaint_draft.",
        "complaint_draft_files.",
        "complaint_sent.",
        "feedback_draft.",
        "feedback_sent.",
        "pir.draft.information.",
        "invite_draft.",
        "signed_form_draft.",
        "signed_form_file.",
        "on_behalf_draft.",
      ].some((prefix) => k.startsWith(prefix)),
    ),
  );

const sharedMark = (page: Page) => page.evaluate(() => localStorage.getItem("pir.shared_device"));

/** Signs in on the sign-in page, ticking the shared-device box or not. */
async function signInOnThePage(page: Page, account: Account, shared: boolean): Promise<void> {
  await page.context().clearCookies();
  await open(page, "/sign-in");
  const box = page.getByRole("checkbox", { name: SHARED });
  await expect(box).not.toBeChecked();
  await expect(box).toHaveAccessibleDescription("We will delete what you type from this device when you sign out.");
  if (shared) await box.check();
  await expectNoA11yViolations(page);
  await page.getByLabel("Email address").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/cases$/);
}

/** Starts a complaint and types an answer, which the device keeps. */
async function startTyping(page: Page): Promise<RaiseComplaint> {
  const complaint = new RaiseComplaint(page, false);
  await complaint.start();
  await complaint.about();
  await complaint.expectHeading("What happened?");
  await complaint.whatHappenedBox().fill(TYPED);
  await complaint.continueFrom("What happened?");
  expect(await typedKeys(page)).not.toEqual([]);
  return complaint;
}

test.describe("a shared or public device", () => {
  test("signing out of a device marked as shared deletes what was typed and says so", async ({ page }) => {
    const account = await registerAs(page);
    await signInOnThePage(page, account, true);
    expect(await sharedMark(page)).toBe("true");
    // The choice is remembered on the device, and shown in settings.
    await open(page, "/settings");
    await expect(page.getByRole("checkbox", { name: SHARED })).toBeChecked();

    await startTyping(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signed-out$/);
    await expect(page.locator("main h1")).toHaveText("You have signed out");
    const done = page.getByRole("status").getByTestId("device-cleared");
    await expect(done).toContainText("Everything you had typed has been deleted from this device.");
    await expect(done).toContainText("We did this because you said this is a shared or public device.");
    await expect(page.getByRole("button", { name: "Delete what I typed from this device" })).toHaveCount(0);
    await expect(page.getByRole("main")).not.toContainText("still saved on this device");
    await expectNoA11yViolations(page);
    expect(await typedKeys(page)).toEqual([]);
    // The mark and the look of the pages stay: they say nothing about anyone.
    expect(await sharedMark(page)).toBe("true");
    expect(await page.evaluate(() => localStorage.getItem("pir.preferences"))).not.toBeNull();

    // Back shows no one's draft: the complaint asks whoever is here to sign in.
    await page.goBack();
    await expect(page.locator("main h1")).toHaveText("Sign in");
    await expect(page.getByRole("main")).not.toContainText(TYPED);

    // Signing in again starts an empty complaint.
    await signInAs(page, account.email, account.password);
    const complaint = new RaiseComplaint(page, false);
    await complaint.start();
    await expect(page.getByRole("radio", { name: ANSWERS.category })).not.toBeChecked();
    await complaint.about();
    await complaint.expectHeading("What happened?");
    await expect(complaint.whatHappenedBox()).toHaveValue("");
  });

  test("on a device not marked as shared, the draft stays after signing out and deleting it is offered", async ({ page }) => {
    const account = await registerAs(page);
    await signInOnThePage(page, account, false);
    expect(await sharedMark(page)).toBeNull();

    await startTyping(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.locator("main h1")).toHaveText("You have signed out");
    await expect(page.getByRole("main")).toContainText("still saved on this device");
    await expect(page.getByRole("button", { name: "Delete what I typed from this device" })).toBeVisible();
    await expect(page.getByTestId("device-cleared")).toHaveCount(0);
    await expectNoA11yViolations(page);
    expect(await typedKeys(page)).not.toEqual([]);

    // The same person, back later, finds their answers.
    await signInAs(page, account.email, account.password);
    const complaint = new RaiseComplaint(page, false);
    await complaint.start();
    await expect(page.getByRole("radio", { name: ANSWERS.category })).toBeChecked();
    await complaint.continueFrom("What is your complaint about?");
    await expect(complaint.whatHappenedBox()).toHaveValue(TYPED);
  });

  test("the device can be marked as shared when creating an account, and unmarked in settings", async ({ page }) => {
    await open(page, "/create-account");
    const box = page.getByRole("checkbox", { name: SHARED });
    await box.check();
    await expectNoA11yViolations(page);
    expect(await sharedMark(page)).toBe("true");
    await page.reload();
    await expect(page.getByRole("checkbox", { name: SHARED })).toBeChecked();

    await open(page, "/settings");
    await expect(page.getByRole("heading", { name: "This device" })).toBeVisible();
    const inSettings = page.getByRole("checkbox", { name: SHARED });
    await expect(inSettings).toBeChecked();
    await expectNoA11yViolations(page);
    await inSettings.uncheck();
    expect(await sharedMark(page)).toBeNull();
    await page.reload();
    await expect(page.getByRole("checkbox", { name: SHARED })).not.toBeChecked();
  });
});
