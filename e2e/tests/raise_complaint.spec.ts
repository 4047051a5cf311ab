import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { expectSentAgainWithTheSameKey, loseFirstAnswer, registerAs, setServerClock, signInAs, START } from "./fixtures/app";
import { ANSWERS, PNG, RaiseComplaint, caseCount, expectErrors, tabTo } from "./fixtures/complaint";

test.describe("raise a complaint", () => {
  test("start to finish: one question per page, check answers, then the reference and due dates", async ({ page }) => {
    await registerAs(page);
    const journey = new RaiseComplaint(page);
    await journey.start();
    await journey.about();
    await journey.whatHappened();
    await journey.started();
    await journey.putRight();
    await journey.contact("Text message", "07700 900123");
    await journey.files([{ name: "window.png", mimeType: "image/png", buffer: PNG }]);

    await journey.expectCheckAnswers();
    await expect(journey.answer("What it is about")).toHaveText("Communication");
    await expect(journey.answer("What happened")).toHaveText(ANSWERS.details);
    await expect(journey.answer("When it started")).toHaveText("2 November 2026");
    await expect(journey.answer("How to contact you")).toHaveText("Text message to 07700 900123");
    await expect(journey.answer("Photos and documents")).toHaveText("window.png");
    await expectNoA11yViolations(page);
    await journey.send();

    await journey.expectSent();
    await expect(page).toHaveTitle(/Complaint sent/);
    const due = page.getByTestId("due-dates");
    // Received Friday 18 December 2026: five working days, skipping 25 and 28
    // December (bank holidays), is Tuesday 29 December.
    await expect(due).toContainText("We will acknowledge your complaint by Tuesday 29 December 2026");
    await expect(due).toContainText(/25.*28 December/);
    await expect(due).toContainText("bank holiday");
    await expectNoA11yViolations(page);
    expect(await caseCount(page)).toBe(1);

    // The draft is gone once the server has the complaint.
    await journey.start();
    await expect(page.getByRole("radio", { name: "Communication" })).not.toBeChecked();
    await expect(page.getByRole("button", { name: "Delete this draft" })).toHaveCount(0);
  });

  test("each page says what is missing, with a focused error summary", async ({ page }) => {
    await registerAs(page);
    const journey = new RaiseComplaint(page, false);
    await journey.start();

    await journey.continue();
    await expectErrors(page, ["Select what your complaint is about"]);
    await expectNoA11yViolations(page);
    await page.getByRole("link", { name: "Select what your complaint is about" }).click();
    await expect(page.getByRole("radio").first()).toBeFocused();
    await journey.about();

    await journey.continue();
    await expectErrors(page, ["Enter what happened"]);
    await expectNoA11yViolations(page);
    await journey.whatHappened();

    await journey.continue();
    await expectErrors(page, ["Enter the date the problem started"]);
    await expectNoA11yViolations(page);
    await page.getByLabel("Day").fill("19");
    await page.getByLabel("Month").fill("12");
    await page.getByLabel("Year").fill("2026");
    await journey.continue();
    await expectErrors(page, ["The date the problem started must be today or in the past"]);
    await page.getByLabel("Day").fill("31");
    await page.getByLabel("Month").fill("2");
    await journey.continue();
    await expectErrors(page, ["The date the problem started must be a real date"]);
    await journey.started();

    await journey.continue();
    await expectErrors(page, ["Enter what you would like us to do to put things right"]);
    await expectNoA11yViolations(page);
    await journey.putRight();

    await page.getByRole("radio", { name: "Phone call" }).check();
    await page.getByLabel("Telephone number").fill("");
    await journey.continue();
    await expectErrors(page, ["Enter a telephone number we can call or text you on"]);
    await expectNoA11yViolations(page);
    await journey.contact("Email");

    await journey.fileInput().setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
    await expectErrors(page, ["notes.txt: The selected file must be a JPG, PNG or PDF"]);
    await expectNoA11yViolations(page);
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 1);
    await journey.fileInput().setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: big });
    await expectErrors(page, ["huge.png: The selected file must be smaller than 5MB"]);
    await journey.fileInput().setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("MZ not an image") });
    await expectErrors(page, ["fake.png: The selected file must be a JPG, PNG or PDF"]);
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.png`, mimeType: "image/png", buffer: PNG }));
    await journey.fileInput().setInputFiles(six);
    await expectErrors(page, ["Attach up to 5 files"]);
    await journey.fileInput().setInputFiles({ name: "ok.png", mimeType: "image/png", buffer: PNG });
    await expect(page.getByRole("term").filter({ hasText: "ok.png" })).toBeVisible();
    await page.getByRole("button", { name: "Remove ok.png" }).click();
    await expect(page.getByRole("term").filter({ hasText: "ok.png" })).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: "ok.png removed" })).toBeAttached();
    await journey.files();
    await journey.expectCheckAnswers();
    await expect(journey.answer("Photos and documents")).toHaveText("No files added");
  });

  test("a repair-sounding description shows the screening kindly, and going on as a complaint works", async ({ page }) => {
    await registerAs(page);
    const journey = new RaiseComplaint(page, false);
    await journey.start();
    await journey.about("Repairs and the condition of your home");
    await journey.whatHappened("My boiler is broken and the radiators are cold.");

    await journey.expectHeading("This sounds like a repair or a request for a service");
    await expect(page.getByRole("main")).toContainText("What you can do instead");
    await expect(page.getByRole("main")).toContainText("Report it to your landlord as a repair");
    await expectNoA11yViolations(page);
    await page.getByRole("button", { name: "Continue with my complaint" }).click();

    await journey.started();
    await journey.putRight("Fix the boiler this week.");
    await journey.contact();
    await journey.files();
    await journey.expectCheckAnswers();
    await journey.send();
    await journey.expectSent();
    expect(await caseCount(page)).toBe(1);
  });

  test("something the policy cannot take as a complaint says what to do instead, with no way on", async ({ page }) => {
    await registerAs(page);
    const journey = new RaiseComplaint(page, false);
    await journey.start();
    await journey.about();
    await journey.whatHappened("My landlord has taken me to court over the rent.");
    await journey.expectHeading("This sounds like something already before a court");
    await expect(page.getByText("We cannot look at this as a complaint")).toBeVisible();
    await expect(page.getByRole("button", { name: /Continue/ })).toHaveCount(0);
    await expectNoA11yViolations(page);
    await page.getByRole("link", { name: "change what you told us" }).click();
    await journey.expectHeading("What happened?");
    await expect(journey.whatHappenedBox()).toHaveValue(/court/);
  });

  test("a problem older than the time limit asks which exception applies and sends it", async ({ page }) => {
    await registerAs(page);
    const journey = new RaiseComplaint(page, false);
    await journey.start();
    await journey.about();
    await journey.whatHappened();
    await journey.started({ day: "1", month: "6", year: "2025" });
    await journey.expectHeading("The problem started more than 12 months ago");
    await journey.continue("Continue with my complaint");
    await expectErrors(page, ["Select if one of these applies to you"]);
    await expectNoA11yViolations(page);
    await page.getByRole("radio", { name: "Another reason" }).check();
    await page.getByLabel("Why could you not complain sooner?").fill("I was in hospital for most of last year.");
    await journey.continue("Continue with my complaint");
    await journey.putRight();
    await journey.contact();
    await journey.files();
    await journey.expectCheckAnswers();
    await expect(journey.answer("Why you are complaining now")).toHaveText("I was in hospital for most of last year.");
    await journey.send();
    await journey.expectSent();
  });

  test("the draft survives a reload and a sign-out, and can be deleted", async ({ page }) => {
    const account = await registerAs(page);
    const journey = new RaiseComplaint(page, false);
    await journey.start();
    await journey.about();
    await journey.expectHeading("What happened?");
    await journey.whatHappenedBox().fill("Half typed when the battery");
    await page.reload();
    await journey.expectHeading("What happened?");
    await expect(journey.whatHappenedBox()).toHaveValue("Half typed when the battery");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/signed-out/);
    await signInAs(page, account.email, account.password);
    await journey.start();
    await expect(page.getByRole("radio", { name: ANSWERS.category })).toBeChecked();
    await page.getByRole("button", { name: "Delete this draft" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your draft has been deleted" })).toBeVisible();
    await expect(page.getByRole("radio", { name: ANSWERS.category })).not.toBeChecked();
    await page.reload();
    await journey.expectHeading("What is your complaint about?");
    await expect(page.getByRole("radio", { name: ANSWERS.category })).not.toBeChecked();
  });

  test("Change links go to the question and come back to Check your answers", async ({ page }) => {
    await registerAs(page);
    const journey = new RaiseComplaint(page, false);
    await journey.answerAll();

    await journey.changeLink("what happened").click();
    await journey.expectHeading("What happened?");
    await expect(journey.whatHappenedBox()).toHaveValue(ANSWERS.details);
    await journey.whatHappenedBox().fill("Nobody answered my three letters about the noise.");
    await journey.continue();
    await journey.expectCheckAnswers();
    await expect(journey.answer("What happened")).toHaveText("Nobody answered my three letters about the noise.");

    await journey.changeLink("when the problem started").click();
    await journey.started({ day: "5", month: "10", year: "2026" });
    await journey.expectCheckAnswers();
    await expect(journey.answer("When it started")).toHaveText("5 October 2026");

    await journey.changeLink("how to contact you").click();
    await journey.contact("Letter");
    await journey.expectCheckAnswers();
    await expect(journey.answer("How to contact you")).toHaveText("Letter");
  });

  test("offline at Send keeps the answers and says so; back online the retry makes one case", async ({ page, context }) => {
    await registerAs(page);
    const journey = new RaiseComplaint(page, false);
    await journey.answerAll();
    await context.setOffline(true);
    await journey.send();
    await expectErrors(page, []);
    await expect(page.getByRole("alert")).toContainText("Your complaint has not been sent");
    await expect(page.getByRole("alert")).toContainText("Nothing you typed has been lost");
    await expect(journey.answer("What happened")).toHaveText(ANSWERS.details);
    await expectNoA11yViolations(page);
    await context.setOffline(false);
    await journey.send();
    await journey.expectSent();
    expect(await caseCount(page)).toBe(1);
  });

  test("when the answer is lost after the server made the case, the retry gives the same case", async ({ page }) => {
    await registerAs(page);
    const journey = new RaiseComplaint(page, false);
    await journey.answerAll();
    const sent = await loseFirstAnswer(page, "**/api/v1/cases");
    await journey.send();
    await expect(page.getByRole("alert")).toContainText("Your complaint has not been sent");
    await journey.send();
    await journey.expectSent();
    expectSentAgainWithTheSameKey(sent);
    expect(sent.statuses).toEqual([201, 201]);
    expect(await caseCount(page)).toBe(1);
  });

  test("a complaint form that cannot load says so, and Try again brings the first question", async ({ page }) => {
    await registerAs(page);
    const policy = "**/api/v1/policies/active";
    await page.route(policy, (route) => route.abort("internetdisconnected"));
    await page.goto("/complaints/new");
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toHaveText("You seem to be offline");
    await expect(page.getByText("Nothing you have typed has been lost. Your answers are saved on this device.")).toBeVisible();
    await expectNoA11yViolations(page);

    await page.unroute(policy);
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(heading).toHaveText("What is your complaint about?");
  });

  test("when the session times out before Send, signing in again brings back every answer to send", async ({ page, request }) => {
    const account = await registerAs(page);
    const journey = new RaiseComplaint(page, false);
    await journey.answerAll();
    await journey.expectCheckAnswers();
    try {
      // Half an hour without a request to the server ends the session (the
      // server's clock runs on from START, so go well past it).
      // Another client moves the clock, so this page's session is not touched.
      await setServerClock(request, "2026-12-18T11:30:00Z");
      await journey.send();
      await expect(page).toHaveURL(/\/sign-in\?next=%2Fcomplaints%2Fnew%2Fcheck$/);
      await expect(page.locator("main h1")).toHaveText("Sign in");
      await page.getByLabel("Email address").fill(account.email);
      await page.getByLabel("Password", { exact: true }).fill(account.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await journey.expectCheckAnswers();
      await expect(journey.answer("What happened")).toContainText(ANSWERS.details);
      await journey.send();
      await journey.expectSent();
      expect(await caseCount(page)).toBe(1);
    } finally {
      await setServerClock(request, START);
    }
  });

  test("keyboard only: raise a complaint start to finish with Tab, Space, Enter and typing", async ({ page }) => {
    await registerAs(page);
    const journey = new RaiseComplaint(page, false);
    await journey.start();
    const cont = page.getByRole("button", { name: "Continue" });

    await tabTo(page, page.getByRole("radio").first());
    await page.keyboard.press("Space");
    await expect(page.getByRole("radio").first()).toBeChecked();
    await tabTo(page, cont);
    await page.keyboard.press("Enter");

    await journey.expectHeading("What happened?");
    await tabTo(page, journey.whatHappenedBox());
    await page.keyboard.type("Nobody replied to my letters about the noise.");
    await tabTo(page, cont);
    await page.keyboard.press("Enter");

    await journey.expectHeading("When did the problem start?");
    await tabTo(page, page.getByLabel("Day"));
    await page.keyboard.type("2");
    await page.keyboard.press("Tab");
    await page.keyboard.type("11");
    await page.keyboard.press("Tab");
    await page.keyboard.type("2026");
    await tabTo(page, cont);
    await page.keyboard.press("Enter");

    await journey.expectHeading("What would put things right?");
    await tabTo(page, page.getByRole("textbox", { name: "What would put things right?" }));
    await page.keyboard.type("A reply and an apology.");
    await tabTo(page, cont);
    await page.keyboard.press("Enter");

    await journey.expectHeading("How would you like us to contact you about this complaint?");
    await expect(page.getByRole("radio", { name: "Email" })).toBeChecked();
    await tabTo(page, cont);
    await page.keyboard.press("Enter");

    await journey.expectHeading("Add photos or documents (optional)");
    await tabTo(page, cont);
    await page.keyboard.press("Enter");

    await journey.expectCheckAnswers();
    await tabTo(page, page.getByRole("button", { name: "Send complaint" }));
    await page.keyboard.press("Enter");
    await journey.expectSent();
  });
});
