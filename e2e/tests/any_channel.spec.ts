import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { DEMO, open, signInAs } from "./fixtures/app";

// Issue 16, item 1: complaints from any channel. Staff work at a desk: the
// desktop run is enough.

/** The date `n` working days (Monday to Friday) before `today`, as YYYY-MM-DD. */
function workingDaysBefore(today: string, n: number): string {
  const day = new Date(`${today}T12:00:00Z`);
  while (n > 0) {
    day.setUTCDate(day.getUTCDate() - 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) n -= 1;
  }
  return day.toISOString().slice(0, 10);
}

test("a caseworker logs a phone complaint received three working days ago for someone with no account", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "staff work at a desk");
  await signInAs(page, DEMO.staff.email, DEMO.staff.password);
  const today: string = (await (await page.request.get("/api/v1/health")).json()).today;
  const received = workingDaysBefore(today, 3);
  const email = `pat-${Date.now()}@example.com`;

  await open(page, "/staff");
  await page.getByRole("link", { name: /Record a complaint, compliment or comment/ }).click();
  await expect(page.locator("main h1")).toHaveText("Record a complaint, compliment or comment");
  await expectNoA11yViolations(page);
  // Nothing chosen: the form says what is missing.
  await page.getByRole("button", { name: "Record it" }).click();
  await expect(page.getByRole("alert")).toContainText("Select who it is for");

  await page.getByLabel("Someone without an account").check();
  await page.getByLabel("Full name").fill("Pat Nocount");
  await page.getByLabel(/Email address/).fill(email);
  await page.getByRole("group", { name: "How do they want to hear from us?" }).getByLabel("Email").check();
  await page.getByRole("group", { name: "How did it reach us?" }).getByLabel("Phone").check();
  await page.getByLabel("The day it reached us (today or earlier)").fill(received);
  await page.getByLabel("A complaint").check();
  await page.getByRole("group", { name: "What is it about?" }).getByRole("radio").first().check();
  // Words the screening passes (not "fix", say, which reads as a repair
  // request and would make the complaint wait for a decision to take it on).
  await page.getByLabel(/What they told us/).fill("Nobody came about the gutter although the visit was booked twice.");
  await page.getByLabel("When the problem started").fill(received);
  await page.getByLabel(/What they would like us to do/).fill("Fix the gutter and say when.");
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Record it" }).click();

  await expect(page).toHaveURL(/\/staff\/cases\//);
  await expect(page.getByTestId("received-by")).toContainText("Reached us by phone on");
  await expect(page.getByTestId("no-account-contact")).toContainText(`Pat Nocount has no account. They want to hear from us by email: ${email}`);
  await expect(page.getByTestId("case-status")).toHaveText("Received");
  await expectNoA11yViolations(page);

  // Its dates count from the day it was received, and they were told by email.
  const id = page.url().split("/").pop();
  const detail = await (await page.request.get(`/api/v1/cases/${id}`)).json();
  expect(detail.view.received_on).toBe(received);
  const messages: { subject: string }[] = await (await page.request.get(`/api/v1/test/messages?to=${encodeURIComponent(email)}`)).json();
  expect(messages.map((m) => m.subject).join("\n")).toContain("We have received your complaint");
});
