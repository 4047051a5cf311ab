import * as fs from "node:fs";
import * as path from "node:path";
import { expect, test, type Page } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { expectSentAgainWithTheSameKey, loseFirstAnswer, open, raiseComplaintByApi, registerAs, setServerClock, START } from "./fixtures/app";
import { PNG, expectErrors } from "./fixtures/complaint";

/** A real photo, as a phone's camera would give it (64x48 JPEG). */
const PHOTO = path.join(__dirname, "fixtures", "window.jpg");

function words(page: Page) {
  return page.getByLabel("Add information to your complaint");
}

function upload(page: Page) {
  return page.getByLabel("Add photos or documents (optional)");
}

test.describe("adding information to a complaint", () => {
  test("a resident adds words and a photo, keeps them through a reload, and finds the photo on the case page", async ({ page }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    await open(page, `/cases/${complaint.id}`);
    await page.getByRole("link", { name: "Add information" }).click();
    await expect(page.locator("main h1")).toHaveText("Add information to your complaint");
    // Photos from the phone's camera as well as files, only the types we take.
    await expect(upload(page)).toHaveAttribute("type", "file");
    await expect(upload(page)).toHaveAttribute("accept", "image/jpeg,image/png,application/pdf");

    await words(page).fill("This is how the window looks now.");
    // GOV.UK's file upload: our own button and words, never the browser's "No file chosen" beside a list.
    const control = page.locator(".app-file-upload");
    await expect(control).toContainText("Choose a file");
    await expect(control).toContainText("No file chosen");
    await upload(page).setInputFiles(PHOTO);
    await expect(page.getByRole("term").filter({ hasText: "window.jpg" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "window.jpg added" })).toBeAttached();
    await expect(control).toContainText("Add another file");
    await expect(control).toContainText("1 file added");
    await expect(control).not.toContainText("No file chosen");
    await expect(upload(page)).toHaveAccessibleDescription(/1 file added/);
    await expect(upload(page)).toHaveValue("");
    await expectNoA11yViolations(page);

    // Words and the photo are kept on the device until they are sent.
    await page.reload();
    await expect(words(page)).toHaveValue("This is how the window looks now.");
    await expect(page.getByRole("term").filter({ hasText: "window.jpg" })).toBeVisible();

    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("status").filter({ hasText: "We have added your information" })).toBeVisible();
    const entry = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Information added" }) });
    await expect(entry).toContainText("This is how the window looks now.");
    const link = entry.getByRole("list", { name: "Files sent" }).getByRole("link", { name: "window.jpg" });
    await expect(link).toBeVisible();
    await expectNoA11yViolations(page);

    // The link downloads the very file that was sent.
    const downloading = page.waitForEvent("download");
    await link.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("window.jpg");
    expect(fs.readFileSync(await download.path()).equals(fs.readFileSync(PHOTO))).toBe(true);

    // Sent, so nothing is left on the device for next time.
    await open(page, `/cases/${complaint.id}/add-information`);
    await expect(words(page)).toHaveValue("");
    await expect(page.getByRole("term")).toHaveCount(0);
  });

  test("a photo on its own is enough, and is listed with the information", async ({ page }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    await open(page, `/cases/${complaint.id}/add-information`);
    await upload(page).setInputFiles({ name: "boiler.png", mimeType: "image/png", buffer: PNG });
    await expect(page.getByRole("term").filter({ hasText: "boiler.png" })).toBeVisible();
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("status").filter({ hasText: "We have added your information" })).toBeVisible();
    const entry = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Information added" }) });
    await expect(entry.getByRole("link", { name: "boiler.png" })).toBeVisible();
  });

  test("a file of the wrong type or too big is refused in the error summary, before anything is sent", async ({ page }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    await open(page, `/cases/${complaint.id}/add-information`);
    let sent = 0;
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/information")) sent += 1;
    });

    await page.getByRole("button", { name: "Send" }).click();
    await expectErrors(page, ["Enter the information you want to add"]);

    await upload(page).setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
    await expectErrors(page, ["notes.txt: The selected file must be a JPG, PNG or PDF"]);
    await expect(page.locator("#attachments-error")).toContainText("notes.txt: The selected file must be a JPG, PNG or PDF");
    await expectNoA11yViolations(page);

    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 1);
    await upload(page).setInputFiles({ name: "huge.jpg", mimeType: "image/jpeg", buffer: big });
    await expectErrors(page, ["huge.jpg: The selected file must be smaller than 5MB"]);
    // A file that only says it is a picture is read and refused too.
    await upload(page).setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("MZ not an image") });
    await expectErrors(page, ["fake.png: The selected file must be a JPG, PNG or PDF"]);

    // The summary's link goes to the file upload.
    await page.getByRole("link", { name: "fake.png: The selected file must be a JPG, PNG or PDF" }).click();
    await expect(upload(page)).toBeFocused();
    await expect(page.getByRole("term")).toHaveCount(0);
    expect(sent).toBe(0);
  });

  test("a server error or a lost connection on Send says the information was not sent and keeps it", async ({ page }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    await open(page, `/cases/${complaint.id}/add-information`);
    await words(page).fill("The contractor came but had the wrong part.");
    await upload(page).setInputFiles(PHOTO);
    await expect(page.getByRole("term").filter({ hasText: "window.jpg" })).toBeVisible();

    const information = `**/api/v1/cases/${complaint.id}/information`;
    await page.route(information, (route) =>
      route.fulfill({ status: 500, contentType: "application/json", body: '{"errors":[{"field":"","message":"database is locked"}]}' }),
    );
    await page.getByRole("button", { name: "Send" }).click();
    await expectErrors(page, [
      "Your information has not been sent. Sorry, there is a problem with the service. Try again later. Nothing you typed has been lost.",
    ]);
    await expect(page.getByText("database is locked")).toHaveCount(0);
    await expectNoA11yViolations(page);
    await page.unroute(information);

    await page.route(information, (route) => route.abort("internetdisconnected"));
    await page.getByRole("button", { name: "Send" }).click();
    await expectErrors(page, [
      "Your information has not been sent. You appear to be offline. Check your connection, then try again. Nothing you typed has been lost.",
    ]);
    await page.unroute(information);

    // Nothing was lost: the words and the photo are still there, even after a reload.
    await page.reload();
    await expect(words(page)).toHaveValue("The contractor came but had the wrong part.");
    await expect(page.getByRole("term").filter({ hasText: "window.jpg" })).toBeVisible();
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("status").filter({ hasText: "We have added your information" })).toBeVisible();
    await expect(page.getByRole("link", { name: "window.jpg" }).first()).toBeVisible();
  });

  test("when the answer is lost after the server added the information, sending again adds it once", async ({ page }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    await open(page, `/cases/${complaint.id}/add-information`);
    await words(page).fill("The damp has spread to the bedroom.");

    const information = `**/api/v1/cases/${complaint.id}/information`;
    // The server adds it, but the answer never reaches the phone.
    const sent = await loseFirstAnswer(page, information);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("alert")).toContainText("Your information has not been sent");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("status").filter({ hasText: "We have added your information" })).toBeVisible();
    expectSentAgainWithTheSameKey(sent);
    expect(sent.statuses).toEqual([200, 200]);
    const added = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Information added" }) });
    await expect(added).toHaveCount(1);
    await expect(added).toContainText("The damp has spread to the bedroom.");
  });

  test("when the session times out before Send, signing in again comes back with the words kept", async ({ page, request }) => {
    const account = await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    await open(page, `/cases/${complaint.id}/add-information`);
    await words(page).fill("Written slowly, over a long lunch.");
    try {
      // Another client moves the clock, so this page's session is not touched.
      await setServerClock(request, "2026-12-18T11:30:00Z");
      await page.getByRole("button", { name: "Send" }).click();
      await expect(page).toHaveURL(/\/sign-in\?next=/);
      await page.getByLabel("Email address").fill(account.email);
      await page.getByLabel("Password", { exact: true }).fill(account.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator("main h1")).toHaveText("Add information to your complaint");
      await expect(words(page)).toHaveValue("Written slowly, over a long lunch.");
      await page.getByRole("button", { name: "Send" }).click();
      await expect(page.getByRole("status").filter({ hasText: "We have added your information" })).toBeVisible();
    } finally {
      await setServerClock(request, START);
    }
  });
});
