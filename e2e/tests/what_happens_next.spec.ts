import { expect, test, type APIRequestContext, type Locator, type Page } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { open, raiseComplaintByApi, registerAs, setServerClock, signInAs, staffAction, type Account } from "./fixtures/app";
import { startOwnServer, type OwnServer } from "./fixtures/own_server";

// What a resident reads first on a case page, at every state a complaint can
// be in: under "What happens next", one sentence that names the right event
// with the date the case's own due dates give for it (read from the API), the
// landlord's latest answer above it once there is one, and an ended case that
// makes no more promises.
//
// The clock only moves forward here, on a server of this spec's own for each
// policy (moving a shared server's clock back would date later specs' cases
// in the future).

const basePort = Number(process.env.E2E_PORT ?? 8181);

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-12-29" as the app writes it: "Tuesday 29 December 2026". */
function long(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The same day a year on (the Housing Ombudsman's 12 months). */
function aYearOn(iso: string): string {
  return `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;
}

interface Due {
  key: string;
  kind: string;
  stage: number;
  date: string;
  done_on: string | null;
  met: boolean | null;
  overdue: boolean;
}

interface View {
  status: string;
  today: string;
  next_step: ({ kind: string } & Record<string, unknown>) | null;
  due_dates: Due[];
  open_window: { action: string; last_day: string | null; working_days_left: number | null } | null;
  closed_windows: { action: string; last_day: string }[];
  latest_response: { on: string; final_response: boolean; panel: boolean } | null;
  final_response: boolean;
  ombudsman_by: string | null;
}

interface Case {
  id: string;
  reference: string;
}

/** The case as the API sends it to the resident. */
async function viewOf(page: Page, c: Case): Promise<View> {
  const response = await page.request.get(`/api/v1/cases/${c.id}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).view;
}

/** The due date with `key`, which must be there. */
function due(view: View, key: string): Due {
  const found = view.due_dates.find((d) => d.key === key);
  expect(found, `no ${key} among ${view.due_dates.map((d) => d.key).join(", ")}`).toBeTruthy();
  return found!;
}

/** The date a next step carries, whatever its kind. */
function stepDate(view: View): string {
  const step = view.next_step ?? {};
  return String(step.by ?? step.on ?? step.respond_by ?? "");
}

interface Want {
  kind: string;
  /** The sentence, given the date as the app writes it. */
  sentence: (date: string) => string;
  /** The due date the step's date must be: its `date`, or the day it was done. */
  key?: string;
  from?: "date" | "done_on";
  /** Otherwise, the date itself. */
  iso?: string;
  /** Due dates the step's date must not be confused with (where they differ). */
  not?: string[];
}

/**
 * Checks the next step in the API against the case's own due dates, then the
 * list's headline and the case page's "What happens next" sentence. Leaves
 * the case page open.
 */
async function expectNextStep(page: Page, c: Case, want: Want): Promise<View> {
  const view = await viewOf(page, c);
  expect(view.next_step?.kind, JSON.stringify(view.next_step)).toBe(want.kind);
  let iso = want.iso ?? "";
  if (want.key) {
    const d = due(view, want.key);
    iso = (want.from === "done_on" ? d.done_on : d.date) ?? "";
    expect(iso, `${want.key}: ${JSON.stringify(d)}`).not.toBe("");
  }
  expect(stepDate(view), JSON.stringify(view.next_step)).toBe(iso);
  for (const other of want.not ?? []) {
    const d = view.due_dates.find((x) => x.key === other);
    if (d) expect(iso, `the next step's date is ${other}'s`).not.toBe(d.date);
  }
  const sentence = want.sentence(long(iso));

  // The list says the same, unless the resident has a window to act in.
  await open(page, "/cases");
  const card = page.getByRole("listitem").filter({ hasText: c.reference });
  if (view.open_window === null) await expect(card).toContainText(sentence);

  await open(page, `/cases/${c.id}`);
  const heading = page.getByRole("heading", { name: "What happens next", level: 2 });
  await expect(heading).toBeVisible();
  await expect(page.getByTestId("next-step")).toHaveText(sentence);
  // The sentence is the first thing under the heading.
  await expect(heading.locator("xpath=following-sibling::*[1]")).toHaveAttribute("data-testid", "next-step");
  return view;
}

/** The row under "Dates" whose heading is exactly `label`. */
function dateRow(page: Page, label: string): Locator {
  return page.getByTestId("due-dates").locator(".app-summary-list__row", {
    has: page.getByRole("term").filter({ hasText: new RegExp(`^${label}$`) }),
  });
}

/** A row under "Dates": its date, and its tag ("" for none). */
async function expectDateRow(page: Page, label: string, iso: string, tag: "" | "On time" | "Late" | "Overdue"): Promise<void> {
  const row = dateRow(page, label);
  await expect(row).toHaveCount(1);
  await expect(row.locator("dd > strong").first()).toHaveText(long(iso));
  if (tag === "") await expect(row.locator(".app-tag")).toHaveCount(0);
  else await expect(row.locator(".app-tag")).toHaveText(tag);
}

/** The latest answer comes before "What happens next". */
async function expectAnswerFirst(page: Page, heading: string, sentOn: string): Promise<Locator> {
  const answer = page.getByTestId("latest-answer");
  await expect(answer).toBeVisible();
  await expect(answer.getByRole("heading", { level: 2 })).toHaveText(heading);
  await expect(answer).toContainText(`Sent on ${long(sentOn)}`);
  const first = await answer.evaluate((el) => {
    const next = [...document.querySelectorAll("h2")].find((h) => h.textContent === "What happens next");
    return !!next && !!(el.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(first, "the latest answer comes before What happens next").toBe(true);
  return answer;
}

/** A case that has ended lists only what was done: no promise is left. */
async function expectOnlyWhatWasDone(page: Page): Promise<void> {
  const dates = page.getByTestId("due-dates");
  await expect(dates).toBeVisible();
  const terms = await dates.getByRole("term").allTextContents();
  expect(terms.length).toBeGreaterThan(0);
  for (const term of terms) expect(term).toMatch(/^(We acknowledged|We sent|You asked|The panel met)/);
  await expect(dates).not.toContainText("We will");
  await expect(dates).not.toContainText("You can ask");
  await expect(dates).not.toContainText("Overdue");
  await expect(page.getByTestId("open-window")).toHaveCount(0);
}

/** The ways to ask for an ended case to be looked at again, as the policy gives them. */
async function expectReopenContact(page: Page): Promise<void> {
  const policy = await (await page.request.get("/api/v1/policies/active")).json();
  const contact = policy.effective.contact ?? {};
  const ways = [contact.telephone, contact.email, contact.post].filter(Boolean) as string[];
  if (ways.length === 0) {
    // No ways in the policy: the resident is still told whom to ask.
    await expect(page.getByTestId("reopen-contact")).toContainText(
      `Contact ${policy.effective.landlord} and ask them to reopen your complaint.`,
    );
  } else {
    for (const way of ways) await expect(page.getByTestId("reopen-contact")).toContainText(way);
  }
}

const OMBUDSMAN = (date: string) =>
  `If you are not happy with how we dealt with your complaint, you can ask the Housing Ombudsman to look at it until ${date}.`;

async function residentPost(page: Page, c: Case, path: string, data: Record<string, unknown>): Promise<void> {
  const response = await page.request.post(`/api/v1/cases/${c.id}/${path}`, {
    headers: { "Idempotency-Key": `e2e-${Date.now()}-${Math.random()}` },
    data,
  });
  expect([200, 201], await response.text()).toContain(response.status());
}

const RESPONSE = {
  type: "responded",
  outcome: "upheld",
  reasons: "The contractor missed two appointments and nobody told you.",
  remedies: [
    { kind: "financial", description: "For the two missed appointments", amount_pence: 7500 },
    { kind: "apology", description: "We are sorry for the time you lost" },
  ],
  outstanding_actions: [{ description: "Replace the kitchen window", owner: "Repairs team", due: "2027-02-26" }],
};

/** Moves this server's clock (forward only) and signs the resident in again. */
async function at(page: Page, now: string, resident: Account): Promise<void> {
  await setServerClock(page.request, now);
  await signInAs(page, resident.email, resident.password);
}

async function staffFor(playwright: { request: { newContext(o: { baseURL: string }): Promise<APIRequestContext> } }, url: string) {
  return playwright.request.newContext({ baseURL: url });
}

test.use({ viewport: { width: 360, height: 740 } });

test.describe("what happens next, at every state, under the Code (two stages, no time limit for a review)", () => {
  test.describe.configure({ mode: "serial" });
  let server: OwnServer;
  const url = `http://127.0.0.1:${basePort + 10}`;
  test.use({ baseURL: url });
  let resident: Account;
  // One case through every state; three that end each way.
  let main: Case;
  let withdrawn: Case;
  let resolved: Case;
  let noContact: Case;

  test.beforeAll(async ({}, testInfo) => {
    test.skip(testInfo.project.name !== "phone", "a phone-sized run is enough; this spec has servers of its own");
    server = await startOwnServer("code-2024", basePort + 10);
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("received on Friday 18 December 2026: we will acknowledge it, not reply, by Tuesday 29 December", async ({ page }) => {
    resident = await registerAs(page);
    main = await raiseComplaintByApi(page);
    withdrawn = await raiseComplaintByApi(page, "Nobody answered my three letters about the rent statement.");
    resolved = await raiseComplaintByApi(page, "The lift in my block has been out of order for two weeks.");
    noContact = await raiseComplaintByApi(page, "My neighbour's bins are left on the shared landing every week.");

    const view = await expectNextStep(page, main, {
      kind: "acknowledge",
      key: "stage_1_acknowledge",
      sentence: (d) => `We will acknowledge your complaint by ${d}.`,
      not: ["stage_1_respond"],
    });
    expect(view.next_step!.by).toBe("2026-12-29");
    await expect(page.getByTestId("case-status")).toHaveText("Received");
    await expect(page.getByTestId("latest-answer")).toHaveCount(0);
    await expectDateRow(page, "We will acknowledge your complaint by", "2026-12-29", "");
    await expect(page.getByTestId("ombudsman-by")).toHaveCount(0);
    await expectNoA11yViolations(page);
  });

  test("acknowledged, then given more time, then waiting for information: each names the stage 1 response's own date", async ({ page, playwright }) => {
    await at(page, "2026-12-22T10:00:00Z", resident);
    const staff = await staffFor(playwright, url);
    for (const c of [main, withdrawn, resolved, noContact]) await staffAction(staff, c.id, { type: "acknowledged" });

    // Acknowledged Tuesday 22 December: 10 working days on, skipping 25 and 28 December and 1 January.
    let view = await expectNextStep(page, main, {
      kind: "respond",
      key: "stage_1_respond",
      sentence: (d) => `We will send our stage 1 response by ${d}.`,
      not: ["stage_1_acknowledge"],
    });
    expect(view.next_step!.by).toBe("2027-01-08");
    await expect(page.getByTestId("case-status")).toHaveText("Being looked into");
    await expectDateRow(page, "We acknowledged your complaint on", "2026-12-22", "On time");
    await expectDateRow(page, "We will send our stage 1 response by", "2027-01-08", "");

    await staffAction(staff, main.id, {
      type: "extended",
      reason: "We are waiting for the contractor's report",
      new_date: "2027-01-20",
    });
    view = await expectNextStep(page, main, {
      kind: "respond",
      key: "stage_1_respond",
      sentence: (d) => `We need more time. We will send our stage 1 response by ${d}.`,
      not: ["stage_1_acknowledge"],
    });
    expect(view.next_step!.by).toBe("2027-01-20");
    const respondRow = dateRow(page, "We will send our stage 1 response by");
    await expect(respondRow).toContainText("Wednesday 20 January 2027");
    await expect(respondRow).toContainText("We moved this date from Friday 8 January 2027.");

    const question = "The dates the contractor came, and a photo of the window.";
    await staffAction(staff, main.id, { type: "information_requested", what: question });
    view = await expectNextStep(page, main, {
      kind: "information_requested",
      key: "stage_1_respond",
      sentence: () => "We are waiting for the information we asked you for.",
    });
    await expect(page.getByTestId("case-status")).toHaveText("We need information");
    const asked = page.getByTestId("information-asked");
    await expect(asked).toContainText("On Tuesday 22 December 2026 we asked you for:");
    await expect(asked).toContainText(question);
    await expect(asked).toContainText("We will still send our response by Wednesday 20 January 2027.");
    await expectNoA11yViolations(page);

    // The resident answers: the response date is expected again.
    await residentPost(page, main, "information", { text: "They came on 3 and 10 November. Photo to follow." });
    await expectNextStep(page, main, {
      kind: "respond",
      key: "stage_1_respond",
      sentence: (d) => `We need more time. We will send our stage 1 response by ${d}.`,
    });
    await expect(page.getByTestId("information-asked")).toHaveCount(0);

    // Withdrawn on the same day, after the acknowledgement: how it ended, and no promise left.
    await residentPost(page, withdrawn, "withdrawal", { confirm: true, reason: "It has been sorted out." });
    await expectNextStep(page, withdrawn, {
      kind: "withdrawn",
      iso: "2026-12-22",
      sentence: (d) => `You withdrew this complaint on ${d}.`,
    });
    await expect(page.getByTestId("case-status")).toHaveText("Withdrawn");
    await expectOnlyWhatWasDone(page);
    await expectDateRow(page, "We acknowledged your complaint on", "2026-12-22", "On time");
    await expect(page.getByTestId("ombudsman-by")).toHaveCount(0);
    await expectReopenContact(page);
    await expectNoA11yViolations(page);
    await staff.dispose();
  });

  test("responded on Monday 11 January 2027: the answer comes first, with compensation as compensation", async ({ page, playwright }) => {
    await at(page, "2027-01-11T10:00:00Z", resident);
    const staff = await staffFor(playwright, url);
    for (const c of [main, resolved, noContact]) await staffAction(staff, c.id, RESPONSE);
    await staff.dispose();

    const view = await expectNextStep(page, main, {
      kind: "responded",
      key: "stage_1_respond",
      from: "done_on",
      sentence: (d) => `We sent our stage 1 response on ${d}.`,
    });
    expect(view.next_step!.on).toBe("2027-01-11");
    expect(view.final_response).toBe(false);
    await expect(page.getByTestId("case-status")).toHaveText("Responded");
    const answer = await expectAnswerFirst(page, "Our response", "2027-01-11");
    await expect(answer).toContainText("We upheld your complaint.");
    await expect(answer.getByRole("heading", { name: "Why" })).toBeVisible();
    await expect(answer).toContainText("The contractor missed two appointments and nobody told you.");
    await expect(answer.getByRole("heading", { name: "How we will put things right" })).toBeVisible();
    await expect(answer.getByRole("term").filter({ hasText: "Compensation: £75.00" })).toBeVisible();
    await expect(answer.getByRole("definition").filter({ hasText: "For the two missed appointments" })).toBeVisible();
    await expect(answer.getByRole("term").filter({ hasText: "An apology" })).toBeVisible();
    const promises = page.getByTestId("promises");
    await expect(promises.getByRole("heading", { name: "What we promised to do" })).toBeVisible();
    const action = promises.locator(".app-summary-list__row", { hasText: "Replace the kitchen window" });
    await expect(action).toContainText("By Friday 26 February 2027");
    await expect(action).toContainText("Who is doing it: Repairs team");
    // The Code sets no time limit to ask for a review.
    await expect(page.getByTestId("open-window")).toHaveText("There is no time limit to ask for a review while your complaint is open.");
    await expect(page.getByTestId("ombudsman-by")).toHaveCount(0);
    await expectDateRow(page, "We sent our stage 1 response on", "2027-01-11", "On time");
    await expect(dateRow(page, "We will send our stage 1 response by")).toHaveCount(0);
    await expectNoA11yViolations(page);
  });

  test("three weeks on, the Code's review window has not closed; a review asked for names its acknowledgement", async ({ page }) => {
    await at(page, "2027-02-01T10:00:00Z", resident);
    await open(page, `/cases/${main.id}`);
    await expect(page.getByTestId("open-window")).toHaveText("There is no time limit to ask for a review while your complaint is open.");
    await expect(page.getByTestId("closed-window")).toHaveCount(0);
    await expect(page.getByTestId("next-step")).toHaveText("We sent our stage 1 response on Monday 11 January 2027.");

    await residentPost(page, main, "escalation", {});
    const view = await expectNextStep(page, main, {
      kind: "acknowledge",
      key: "stage_2_acknowledge",
      sentence: (d) => `We will acknowledge your request for a review by ${d}.`,
      not: ["stage_1_acknowledge", "stage_1_respond", "stage_2_respond"],
    });
    expect(view.next_step!.by).toBe("2027-02-08");
    await expect(page.getByTestId("case-status")).toHaveText("Review asked for");
    // The stage 1 answer is still the latest, and still first.
    await expectAnswerFirst(page, "Our response", "2027-01-11");
    // The Code sets no last day to ask for a review, so no row records the
    // request (the timeline does); never a row marked on time for the resident.
    expect(view.due_dates.find((d) => d.key === "stage_1_window")).toBeUndefined();
    await expect(dateRow(page, "You asked for a review on")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "You asked for a review" })).toBeVisible();
    await expectDateRow(page, "We will acknowledge your request for a review by", "2027-02-08", "");
    await expect(page.getByTestId("open-window")).toHaveCount(0);
  });

  test("closed because it was resolved: how and when, the Ombudsman's last day, and only what was done", async ({ page, playwright }) => {
    const staff = await staffFor(playwright, url);
    // What the response promised is done first: a complaint with a promise
    // still open closes only with the reason it closes before it is kept.
    await staffAction(staff, resolved.id, { type: "action_done", action: 1 });
    await staffAction(staff, resolved.id, { type: "closed", why: "resolved" });
    await staff.dispose();
    await signInAs(page, resident.email, resident.password);
    const view = await expectNextStep(page, resolved, {
      kind: "closed",
      iso: "2027-02-01",
      sentence: (d) => `We closed this complaint on ${d} because it was resolved.`,
    });
    expect(view.ombudsman_by).toBe(aYearOn("2027-02-01"));
    await expect(page.getByTestId("case-status")).toHaveText("Closed");
    await expect(page.getByTestId("ombudsman-by")).toHaveText(OMBUDSMAN("Tuesday 1 February 2028"));
    await expectAnswerFirst(page, "Our response", "2027-01-11");
    await expectOnlyWhatWasDone(page);
    await expectDateRow(page, "We acknowledged your complaint on", "2026-12-22", "On time");
    // This one was not extended: due Friday 8 January, sent on the 11th.
    await expectDateRow(page, "We sent our stage 1 response on", "2027-01-11", "Late");
    await expect(dateRow(page, "We sent our stage 1 response on")).toContainText("It was due by Friday 8 January 2027.");
    await expectReopenContact(page);
    await expectNoA11yViolations(page);
  });

  test("stage 2 acknowledged on Wednesday 3 February: the stage 2 response's date, not the acknowledgement's", async ({ page, playwright }) => {
    await at(page, "2027-02-03T10:00:00Z", resident);
    const staff = await staffFor(playwright, url);
    await staffAction(staff, main.id, { type: "acknowledged" });
    await staffAction(staff, noContact.id, { type: "closed", why: "no_contact" });
    await staff.dispose();

    const view = await expectNextStep(page, main, {
      kind: "respond",
      key: "stage_2_respond",
      sentence: (d) => `We will send our stage 2 response by ${d}.`,
      not: ["stage_2_acknowledge", "stage_1_respond"],
    });
    // 20 working days from the acknowledgement.
    expect(view.next_step!.by).toBe("2027-03-03");
    await expectDateRow(page, "We acknowledged your request for a review on", "2027-02-03", "On time");
    await expectDateRow(page, "We will send our stage 2 response by", "2027-03-03", "");

    const closed = await expectNextStep(page, noContact, {
      kind: "closed",
      iso: "2027-02-03",
      sentence: (d) => `We closed this complaint on ${d} because we did not hear from you.`,
    });
    expect(closed.ombudsman_by).toBe(aYearOn("2027-02-03"));
    await expect(page.getByTestId("ombudsman-by")).toHaveText(OMBUDSMAN("Thursday 3 February 2028"));
    await expectOnlyWhatWasDone(page);
  });

  test("the stage 2 response on Wednesday 24 February is the final response: the Ombudsman's last day follows", async ({ page, playwright }) => {
    await at(page, "2027-02-24T10:00:00Z", resident);
    const staff = await staffFor(playwright, url);
    await staffAction(staff, main.id, {
      type: "responded",
      outcome: "partly_upheld",
      reasons: "The window is on order; the missed appointments were our fault.",
      remedies: [{ kind: "financial", description: "For the delay at stage 2", amount_pence: 12550 }],
    });
    await staff.dispose();

    const view = await expectNextStep(page, main, {
      kind: "responded",
      key: "stage_2_respond",
      from: "done_on",
      sentence: (d) => `We sent our final response on ${d}.`,
    });
    expect(view.final_response).toBe(true);
    const answer = await expectAnswerFirst(page, "Our final response", "2027-02-24");
    await expect(answer).toContainText("We partly upheld your complaint.");
    await expect(answer.getByRole("term").filter({ hasText: "Compensation: £125.50" })).toBeVisible();
    await expect(page.getByTestId("ombudsman-by")).toHaveText(OMBUDSMAN("Thursday 24 February 2028"));
    await expect(page.getByTestId("open-window")).toHaveCount(0);
    await expect(page.getByTestId("closed-window")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Ask for a review (stage 2)" })).toHaveCount(0);
    await expectDateRow(page, "We sent our stage 2 response on", "2027-02-24", "On time");
    await expectNoA11yViolations(page);
  });
});

test.describe("what happens next, at every state, under Pioneer's policy (with a stage 3 panel)", () => {
  test.describe.configure({ mode: "serial" });
  let server: OwnServer;
  const url = `http://127.0.0.1:${basePort + 11}`;
  test.use({ baseURL: url });
  let resident: Account;
  let main: Case;
  // Its panel window closes unused.
  let late: Case;
  let withdrawn: Case;
  let resolved: Case;
  let noContact: Case;

  test.beforeAll(async ({}, testInfo) => {
    test.skip(testInfo.project.name !== "phone", "a phone-sized run is enough; this spec has servers of its own");
    server = await startOwnServer("pioneer-2020", basePort + 11);
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("received, acknowledged, given more time and waiting for information", async ({ page, playwright }) => {
    resident = await registerAs(page);
    main = await raiseComplaintByApi(page);
    late = await raiseComplaintByApi(page, "Nobody answered my three letters about the rent statement.");
    withdrawn = await raiseComplaintByApi(page, "The lift in my block has been out of order for two weeks.");
    resolved = await raiseComplaintByApi(page, "The communal lights on my landing have been off for a week.");
    noContact = await raiseComplaintByApi(page, "My service charge went up without any letter about it.");

    const received = await expectNextStep(page, main, {
      kind: "acknowledge",
      key: "stage_1_acknowledge",
      sentence: (d) => `We will acknowledge your complaint by ${d}.`,
      not: ["stage_1_respond"],
    });
    expect(received.next_step!.by).toBe("2026-12-29");

    await at(page, "2026-12-22T10:00:00Z", resident);
    const staff = await staffFor(playwright, url);
    for (const c of [main, late, withdrawn, resolved, noContact]) await staffAction(staff, c.id, { type: "acknowledged" });
    // Pioneer counts its stage 1 response from receipt: 10 working days from 18 December.
    const acknowledged = await expectNextStep(page, main, {
      kind: "respond",
      key: "stage_1_respond",
      sentence: (d) => `We will send our stage 1 response by ${d}.`,
      not: ["stage_1_acknowledge"],
    });
    expect(acknowledged.next_step!.by).toBe("2027-01-06");
    await expectDateRow(page, "We acknowledged your complaint on", "2026-12-22", "On time");

    await staffAction(staff, main.id, { type: "extended", reason: "We are waiting for the surveyor", new_date: "2027-01-13" });
    const extended = await expectNextStep(page, main, {
      kind: "respond",
      key: "stage_1_respond",
      sentence: (d) => `We need more time. We will send our stage 1 response by ${d}.`,
    });
    expect(extended.next_step!.by).toBe("2027-01-13");

    await staffAction(staff, main.id, { type: "information_requested", what: "When did the surveyor last visit?" });
    await expectNextStep(page, main, {
      kind: "information_requested",
      key: "stage_1_respond",
      sentence: () => "We are waiting for the information we asked you for.",
    });
    await expect(page.getByTestId("information-asked")).toContainText("When did the surveyor last visit?");
    await expect(page.getByTestId("information-asked")).toContainText("We will still send our response by Wednesday 13 January 2027.");
    await residentPost(page, main, "information", { text: "On 2 November." });

    await residentPost(page, withdrawn, "withdrawal", { confirm: true });
    await expectNextStep(page, withdrawn, {
      kind: "withdrawn",
      iso: "2026-12-22",
      sentence: (d) => `You withdrew this complaint on ${d}.`,
    });
    await expectOnlyWhatWasDone(page);
    await expect(page.getByTestId("ombudsman-by")).toHaveCount(0);
    await expectReopenContact(page);
    await staff.dispose();
  });

  test("the stage 1 response, a review asked for and acknowledged: each with its own date", async ({ page, playwright }) => {
    await at(page, "2027-01-11T10:00:00Z", resident);
    const staff = await staffFor(playwright, url);
    for (const c of [main, late, resolved, noContact]) await staffAction(staff, c.id, RESPONSE);

    await expectNextStep(page, main, {
      kind: "responded",
      key: "stage_1_respond",
      from: "done_on",
      sentence: (d) => `We sent our stage 1 response on ${d}.`,
    });
    const answer = await expectAnswerFirst(page, "Our response", "2027-01-11");
    await expect(answer.getByRole("term").filter({ hasText: "Compensation: £75.00" })).toBeVisible();
    // Pioneer gives no window to ask for stage 2.
    await expect(page.getByTestId("open-window")).toHaveText("There is no time limit to ask for a review while your complaint is open.");

    for (const c of [main, late]) await residentPost(page, c, "escalation", {});
    const requested = await viewOf(page, main);
    // Pioneer gives no acknowledgement for stage 2 (the Code's applies, if the policy takes it).
    if (requested.due_dates.some((d) => d.key === "stage_2_acknowledge")) {
      await expectNextStep(page, main, {
        kind: "acknowledge",
        key: "stage_2_acknowledge",
        sentence: (d) => `We will acknowledge your request for a review by ${d}.`,
        not: ["stage_1_respond", "stage_2_respond"],
      });
    } else {
      await expectNextStep(page, main, {
        kind: "respond",
        key: "stage_2_respond",
        sentence: (d) => `We will send our stage 2 response by ${d}.`,
        not: ["stage_1_respond"],
      });
    }
    // Pioneer gives no last day to ask for stage 2: no row for the request.
    await expect(dateRow(page, "You asked for a review on")).toHaveCount(0);

    await at(page, "2027-01-13T10:00:00Z", resident);
    for (const c of [main, late]) await staffAction(staff, c.id, { type: "acknowledged" });
    const acknowledged = await expectNextStep(page, main, {
      kind: "respond",
      key: "stage_2_respond",
      sentence: (d) => `We will send our stage 2 response by ${d}.`,
      not: ["stage_1_respond", "stage_2_acknowledge"],
    });
    // Pioneer counts 20 working days from the request.
    expect(acknowledged.next_step!.by).toBe("2027-02-08");
    await staff.dispose();
  });

  test("the stage 2 response opens the panel window; closures say how and when", async ({ page, playwright }) => {
    await at(page, "2027-02-01T10:00:00Z", resident);
    const staff = await staffFor(playwright, url);
    for (const c of [main, late]) {
      await staffAction(staff, c.id, { type: "responded", outcome: "not_upheld", reasons: "The senior officer found no fault." });
    }
    // What the response promised is done first: a complaint with a promise
    // still open closes only with the reason it closes before it is kept.
    await staffAction(staff, resolved.id, { type: "action_done", action: 1 });
    await staffAction(staff, resolved.id, { type: "closed", why: "resolved" });
    await staffAction(staff, noContact.id, { type: "closed", why: "no_contact" });
    await staff.dispose();

    // Stage 2 is Pioneer's last stage: its response is the final one (the
    // panel is optional, and the Ombudsman's 12 months start here).
    const view = await expectNextStep(page, main, {
      kind: "responded",
      key: "stage_2_respond",
      from: "done_on",
      sentence: (d) => `We sent our final response on ${d}.`,
    });
    expect(view.final_response).toBe(true);
    await expectAnswerFirst(page, "Our final response", "2027-02-01");
    await expect(page.getByTestId("ombudsman-by")).toHaveText(OMBUDSMAN("Tuesday 1 February 2028"));
    // 10 working days from the stage 2 response; today counts.
    expect(due(view, "panel_window").date).toBe("2027-02-15");
    await expect(page.getByTestId("open-window")).toHaveText(
      "You can ask for a panel until Monday 15 February 2027. That is 11 working days, counting today.",
    );
    await expectDateRow(page, "You can ask for a panel until", "2027-02-15", "");
    await expect(page.getByRole("link", { name: "Ask for a panel (stage 3)" })).toBeVisible();

    const closed = await expectNextStep(page, resolved, {
      kind: "closed",
      iso: "2027-02-01",
      sentence: (d) => `We closed this complaint on ${d} because it was resolved.`,
    });
    expect(closed.ombudsman_by).toBe(aYearOn("2027-02-01"));
    await expect(page.getByTestId("ombudsman-by")).toHaveText(OMBUDSMAN("Tuesday 1 February 2028"));
    await expectOnlyWhatWasDone(page);
    await expectReopenContact(page);

    await expectNextStep(page, noContact, {
      kind: "closed",
      iso: "2027-02-01",
      sentence: (d) => `We closed this complaint on ${d} because we did not hear from you.`,
    });
    await expectOnlyWhatWasDone(page);
    await expectNoA11yViolations(page);
  });

  test("a panel asked for, then given a date: when it will meet", async ({ page, playwright }) => {
    await at(page, "2027-02-03T10:00:00Z", resident);
    await residentPost(page, main, "panel", { attendance: "attend" });
    const requested = await expectNextStep(page, main, {
      kind: "panel_meet_by",
      key: "panel_convene",
      sentence: (d) => `The panel will meet by ${d}. We will tell you the date.`,
      not: ["panel_window", "stage_2_respond"],
    });
    // 20 working days from the request.
    expect(requested.next_step!.by).toBe("2027-03-03");
    await expect(page.getByTestId("case-status")).toHaveText("Panel asked for");
    await expectDateRow(page, "You asked for a panel on", "2027-02-03", "");
    await expectDateRow(page, "The panel will meet by", "2027-03-03", "");
    await expect(page.getByTestId("latest-answer")).toBeVisible();
    await expect(page.getByTestId("open-window")).toHaveCount(0);

    const staff = await staffFor(playwright, url);
    await staffAction(staff, main.id, { type: "panel_held", date: "2027-02-24" });
    await staff.dispose();
    await expectNextStep(page, main, {
      kind: "panel_meets_on",
      iso: "2027-02-24",
      sentence: (d) => `The panel will meet on ${d}.`,
    });
    await expect(page.getByText("Panel hearing: Wednesday 24 February 2027")).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test("the panel window closes unused on another complaint", async ({ page }) => {
    await at(page, "2027-02-16T10:00:00Z", resident);
    const view = await viewOf(page, late);
    expect(view.open_window).toBeNull();
    expect(view.closed_windows).toEqual([{ action: "request_panel", last_day: due(view, "panel_window").date }]);
    await open(page, `/cases/${late.id}`);
    const closed = page.getByTestId("closed-window");
    await expect(closed).toContainText(`The last day to ask for a panel was ${long(due(view, "panel_window").date)}.`);
    await expect(closed).toContainText("You can still ask the Housing Ombudsman to look at your complaint.");
    await expect(page.getByRole("link", { name: "Ask for a panel (stage 3)" })).toHaveCount(0);
    // What happens next still says when we last answered.
    await expect(page.getByTestId("next-step")).toHaveText("We sent our final response on Monday 1 February 2027.");
  });

  test("the panel has met, then decides: its decision comes first", async ({ page, playwright }) => {
    await at(page, "2027-02-25T10:00:00Z", resident);
    const met = await expectNextStep(page, main, {
      kind: "panel_decision",
      key: "panel_outcome",
      sentence: (d) => `The panel has met. We will send you its decision by ${d}.`,
      not: ["panel_window"],
    });
    // 5 working days from the hearing.
    expect(met.next_step!.by).toBe("2027-03-03");
    await expectDateRow(page, "The panel met on", "2027-02-24", "On time");
    await expectDateRow(page, "We will send the panel's decision by", "2027-03-03", "");

    await at(page, "2027-03-02T10:00:00Z", resident);
    const staff = await staffFor(playwright, url);
    await staffAction(staff, main.id, { type: "panel_outcome", outcome: "upheld", reasons: "The repairs were not done in time." });
    await staff.dispose();
    const decided = await expectNextStep(page, main, {
      kind: "responded",
      key: "panel_outcome",
      from: "done_on",
      sentence: (d) => `We sent our final response on ${d}.`,
    });
    expect(decided.ombudsman_by).toBe(aYearOn("2027-03-02"));
    const answer = await expectAnswerFirst(page, "The panel's decision", "2027-03-02");
    await expect(answer).toContainText("The panel upheld your complaint.");
    await expect(answer).toContainText("The repairs were not done in time.");
    await expect(page.getByTestId("ombudsman-by")).toHaveText(OMBUDSMAN("Thursday 2 March 2028"));
    await expectDateRow(page, "We sent the panel's decision on", "2027-03-02", "On time");
    await expectNoA11yViolations(page);
  });
});
