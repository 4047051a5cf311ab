import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { DEMO, open, signInAs } from "./fixtures/app";
import { startOwnServer, type OwnServer } from "./fixtures/own_server";

// Issue 16, item 1: complaints from any channel. Staff work at a desk: the
// desktop run is enough.

/** The date `n` calendar days after `today`, as YYYY-MM-DD. */
function daysAfter(today: string, n: number): string {
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + n);
  return day.toISOString().slice(0, 10);
}

/** The date `n` working days (Monday to Friday) before `today`, as YYYY-MM-DD. */
function workingDaysBefore(today: string, n: number): string {
  const day = new Date(`${today}T12:00:00Z`);
  while (n > 0) {
    day.setUTCDate(day.getUTCDate() - 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) n -= 1;
  }
  return day.toISOString().slice(0, 10);
}

test("a caseworker logs a phone complaint received three working days ago for someone with no account, answers it with a remedy and two actions, and closes it once both are done", async ({ page }, testInfo) => {
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

  // Acknowledged with what we understand the complaint to be (Code 5.6).
  await page.getByLabel("Acknowledge").check();
  await page.getByLabel("What the complaint is about").fill("Nobody came about the gutter although the visit was booked twice.");
  await page.getByLabel("The outcome the resident wants").fill("The gutter seen to, and a date for it.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("case-status")).toHaveText("Being looked into");

  // The response: a remedy (money, paid) and two actions, each owned and dated.
  await page.getByLabel("Record the response").check();
  await page.getByRole("group", { name: "Outcome" }).getByLabel("Upheld", { exact: true }).check();
  await page.getByLabel("Decision and reasons, answering each point").fill("The visit was booked twice and nobody came. That should not have happened.");
  await page.getByRole("button", { name: "Add a remedy" }).click();
  const remedy = page.getByRole("group", { name: "Remedy 1" });
  await remedy.getByLabel("Kind of remedy").selectOption("financial");
  await remedy.getByLabel("What it is, as the resident will read it").fill("For the two wasted days at home");
  await remedy.getByLabel("What the money is").selectOption("compensation");
  await remedy.getByLabel("Amount in pounds").fill("50");
  // What caused it and what we learnt, for the landlord's figures.
  await page.getByTestId("root-causes").getByLabel("A missed appointment").check();
  await page.getByLabel("What we learnt, and what we will change (optional)").fill("Confirm visits the day before.");
  await page.getByRole("button", { name: "Add an action" }).click();
  await page.getByRole("button", { name: "Add another action" }).click();
  // An action with nothing filled in is named in the error summary.
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter who will do it: a person or a team");
  await expectNoA11yViolations(page);
  const first = page.getByRole("group", { name: "Action 1" });
  await first.getByLabel("What will be done").fill("Clear and repair the gutter");
  await first.getByLabel("Who will do it").fill("Repairs team");
  await first.getByLabel("Date it will be done by").fill(daysAfter(today, 7));
  const second = page.getByRole("group", { name: "Action 2" });
  await second.getByLabel("What will be done").fill("Pay the compensation");
  await second.getByLabel("Who will do it").fill("Income team");
  await second.getByLabel("Date it will be done by").fill(daysAfter(today, 14));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("case-status")).toHaveText("Responded");
  const promises = page.getByTestId("promises");
  await expect(promises.getByTestId("promise")).toHaveCount(2);
  await expect(page.getByTestId("learning")).toContainText("Causes: A missed appointment");
  await expect(page.getByTestId("learning")).toContainText("Learnt: Confirm visits the day before.");
  await expect(promises.getByTestId("promise").first()).toContainText("To do");
  await expectNoA11yViolations(page);

  // Not "every action done" while one is open: that choice is not offered.
  await page.getByLabel("Close the case").check();
  await expect(page.getByTestId("close-with-actions-open")).toContainText("2 promised actions are not done");
  await expect(page.getByLabel("Every promised action is done")).toHaveCount(0);

  for (const [n, action] of [[1, "Clear and repair the gutter"], [2, "Pay the compensation"]] as const) {
    await page.getByLabel("Mark a promised action done").check();
    await page.getByLabel("Which action is done?").selectOption(String(n));
    await page.getByLabel("Date it was done").fill(today);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The action is marked done" })).toBeVisible();
    await expect(promises.getByTestId("promise").filter({ hasText: action })).toContainText("Done");
  }
  await page.getByLabel("Close the case").check();
  await page.getByLabel("Every promised action is done").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("case-status")).toHaveText("Closed");
  await expectNoA11yViolations(page);

  // Every step reached them by email (the list is newest first).
  const newest: { subject: string; body: string }[] = await (await page.request.get(`/api/v1/test/messages?to=${encodeURIComponent(email)}`)).json();
  const sent = [...newest].reverse();
  const subjects = sent.map((m) => m.subject.replace(/^Your complaint [A-Z0-9-]+: /, ""));
  expect(subjects).toEqual([
    expect.stringContaining("We have received your complaint"),
    "we have acknowledged it",
    "our response",
    "we have done something we promised",
    "we have done something we promised",
    "closed",
  ]);
  const response = sent[2].body;
  expect(response).toContain("- Compensation of £50.00: For the two wasted days at home");
  expect(response).toContain("- Clear and repair the gutter, by");
  expect(response).toContain("(Repairs team).");
  expect(sent[5].body).toContain("everything we agreed to do is done");
  // What we learnt stays with us.
  expect(sent.map((m) => m.body).join("\n")).not.toContain("Confirm visits the day before.");
});

// Plus Dane §17: "Correspondence received from local councillors and Members
// of Parliament (MP) will be acknowledged and responded to within 10 working
// days of receipt." A server of its own, under Plus Dane's policy.
test.describe("a complaint through a councillor under Plus Dane's policy", () => {
  let server: OwnServer;
  const url = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 8181) + 12}`;
  test.use({ baseURL: url });

  test.beforeAll(async ({}, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "staff work at a desk");
    server = await startOwnServer("plus-dane-2024", Number(process.env.E2E_PORT ?? 8181) + 12);
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("the councillor's reply has a date of its own, which the caseworker marks done", async ({ page }) => {
    await signInAs(page, DEMO.staff.email, DEMO.staff.password, DEMO.staff.totpSecret);
    const today: string = (await (await page.request.get("/api/v1/health")).json()).today;
    await open(page, "/staff/new-case");
    await page.getByLabel("Someone without an account").check();
    await page.getByLabel("Full name").fill("Cal Constituent");
    await page.getByLabel(/Email address/).fill(`cal-${Date.now()}@example.com`);
    await page.getByRole("group", { name: "How do they want to hear from us?" }).getByLabel("Email").check();
    await page.getByRole("group", { name: "How did it reach us?" }).getByLabel("Through a councillor or MP").check();
    await page.getByLabel("The day it reached us (today or earlier)").fill(today);
    await page.getByLabel("A complaint").check();
    await page.getByRole("group", { name: "What is it about?" }).getByRole("radio").first().check();
    await page.getByLabel(/What they told us/).fill("Nobody came about the gutter although the visit was booked twice.");
    await page.getByLabel("When the problem started").fill(today);
    await page.getByLabel(/What they would like us to do/).fill("Come about the gutter and say when.");
    await page.getByRole("button", { name: "Record it" }).click();

    await expect(page).toHaveURL(/\/staff\/cases\//);
    await expect(page.getByTestId("received-by")).toContainText("Reached us through a councillor or MP on");
    const row = page.locator(".app-summary-list__row", { hasText: "We will reply to the councillor or MP by" });
    await expect(row).toHaveCount(1);
    await expectNoA11yViolations(page);

    await page.getByLabel("Record that we replied to the councillor or MP").check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("staff-action-recorded")).toContainText("The reply to the councillor or MP has been recorded");
    await expect(page.locator(".app-summary-list__row", { hasText: "We replied to the councillor or MP on" })).toHaveCount(1);
    await expect(page.locator(".app-timeline")).toContainText("We replied to the councillor or MP");
    await expect(page.getByLabel("Record that we replied to the councillor or MP")).toHaveCount(0);
  });
});
