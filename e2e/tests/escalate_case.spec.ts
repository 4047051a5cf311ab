import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { acknowledgeThenRespond, DEMO, DEMO_TOTP_SECRET, open, POLICY_URL, raiseComplaintByApi, registerAs, setServerClock, signInAs, staffAction, START } from "./fixtures/app";

test.describe("windows under Pivotal's policy (10 working days to appeal)", () => {
  test.use({ baseURL: POLICY_URL["pivotal-2021"] });

  test.afterEach(async ({ request }) => {
    await setServerClock(request, START);
  });

  test("the review window is shown with its last day and the day the complaint will close; the next working day it closes itself and says why", async ({ page, playwright }) => {
    const resident = await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    const staff = await playwright.request.newContext({ baseURL: POLICY_URL["pivotal-2021"] });
    await acknowledgeThenRespond(staff, complaint.id, "not_upheld", "We found no fault.");
    // Responded Friday 18 December 2026: 10 working days skip 25 and 28 December and 1 January.
    await open(page, `/cases/${complaint.id}`);
    await expect(page.getByTestId("open-window")).toContainText("You can ask for a review until Wednesday 6 January 2027");
    // Pivotal §10.1(c): with no word from the resident, it closes on the 11th working day.
    await expect(page.getByTestId("closes")).toHaveText("If we do not hear from you, we will close this complaint on Thursday 7 January 2027.");
    await expectNoA11yViolations(page);

    // The server's clock moves on and the policy's rule acts.
    await setServerClock(page.request, "2027-01-07T10:00:00Z");
    // Three weeks on, the session has long expired: sign in again.
    await signInAs(page, resident.email, resident.password);
    await open(page, `/cases/${complaint.id}`);
    await expect(page.getByTestId("next-step")).toContainText("We closed this complaint on Thursday 7 January 2027 because we did not hear from you.");
    await expect(page.getByTestId("closes")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Ask for a review (stage 2)" })).toHaveCount(0);
    await expect(page.getByTestId("ombudsman-by")).toContainText("Housing Ombudsman");
    await expectNoA11yViolations(page);
    await staff.dispose();
  });

  test("a word from the resident after the response keeps the complaint open; the window still closes on its day", async ({ page, playwright }) => {
    const resident = await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    const staff = await playwright.request.newContext({ baseURL: POLICY_URL["pivotal-2021"] });
    await acknowledgeThenRespond(staff, complaint.id, "not_upheld", "We found no fault.");
    await staff.dispose();
    const added = await page.request.post(`/api/v1/cases/${complaint.id}/information`, { data: { text: "The lift broke again today." } });
    expect(added.status(), await added.text()).toBe(200);
    await open(page, `/cases/${complaint.id}`);
    await expect(page.getByTestId("closes")).toHaveText("We will tell you when we close this complaint.");

    await setServerClock(page.request, "2027-01-07T10:00:00Z");
    await signInAs(page, resident.email, resident.password);
    await open(page, `/cases/${complaint.id}`);
    await expect(page.getByTestId("closed-window")).toContainText("Wednesday 6 January 2027");
    await expect(page.getByTestId("closed-window")).toContainText("Housing Ombudsman");
    await expect(page.getByTestId("closes")).toHaveText("We will tell you when we close this complaint.");
    await expectNoA11yViolations(page);
  });

  test("a review asked for by phone is recorded by staff on the day of the call, and the window is checked against that day", async ({ page, browser }) => {
    test.skip(test.info().project.name !== "desktop", "staff work at a desk");
    const resident = await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    const staffContext = await browser.newContext({ baseURL: POLICY_URL["pivotal-2021"] });
    const staff = await staffContext.newPage();
    await acknowledgeThenRespond(staff.request, complaint.id, "not_upheld", "We found no fault.");
    // A word after the response keeps the complaint open past its window.
    const added = await page.request.post(`/api/v1/cases/${complaint.id}/information`, { data: { text: "I will phone about this." } });
    expect(added.status(), await added.text()).toBe(200);

    // Friday 8 January: the window closed on Wednesday 6 January.
    await setServerClock(page.request, "2027-01-08T10:00:00Z");
    await signInAs(staff, DEMO.staff.email, DEMO.staff.password, DEMO_TOTP_SECRET);
    await open(staff, `/staff/cases/${complaint.id}`);
    await staff.getByLabel("Record a request for a review made by phone, letter or in person").check();
    await staff.getByRole("button", { name: "Save" }).click();
    await expect(staff.getByRole("alert")).toContainText("Enter the day the resident asked");
    await staff.getByLabel("The day the resident asked (it reached us)").fill("2027-01-07");
    await staff.getByRole("button", { name: "Save" }).click();
    await expect(staff.getByRole("alert")).toContainText("The last day to ask was Wednesday 6 January 2027");
    await expect(staff.getByTestId("staff-action-recorded")).toHaveCount(0);
    await expectNoA11yViolations(staff);
    // The call was on the last day: it is in time.
    await staff.getByLabel("The day the resident asked (it reached us)").fill("2027-01-06");
    await staff.getByLabel(/What they want reviewed/).fill("They say the lift is still broken.");
    await staff.getByRole("button", { name: "Save" }).click();
    await expect(staff.getByTestId("staff-action-recorded")).toContainText("The request for a review has been recorded");
    await expect(staff.locator("main")).toContainText("Stage 2");
    // What they sent by post is added the same way, dated when it came.
    await staff.getByLabel("Add information the resident gave by phone, letter or in person").check();
    await staff.getByLabel("The day the resident asked (it reached us)").fill("2027-01-07");
    await staff.getByLabel(/The information they gave/).fill("A photo of the broken lift, sent by post.");
    await staff.getByRole("button", { name: "Save" }).click();
    await expect(staff.getByTestId("staff-action-recorded")).toContainText("The information has been added to the case");

    await signInAs(page, resident.email, resident.password);
    await open(page, `/cases/${complaint.id}`);
    await expect(page.getByTestId("case-status")).toContainText("Review asked for");
    await expect(page.locator(".app-timeline")).toContainText("Wednesday 6 January 2027");
    await expect(page.locator(".app-timeline")).toContainText("A photo of the broken lift, sent by post.");
    await staffContext.close();
  });

  test("a stage 1 response sent by post opens the appeal window from the day it counts as received; a call inside it is accepted and one after it refused", async ({ page, browser }) => {
    test.skip(test.info().project.name !== "desktop", "staff work at a desk");
    const resident = await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    const staffContext = await browser.newContext({ baseURL: POLICY_URL["pivotal-2021"] });
    const staff = await staffContext.newPage();
    await signInAs(staff, DEMO.staff.email, DEMO.staff.password, DEMO_TOTP_SECRET);
    await staffAction(staff.request, complaint.id, { type: "acknowledged" });
    await open(staff, `/staff/cases/${complaint.id}`);
    await staff.getByLabel("Record the response").check();
    await staff.getByRole("group", { name: "Outcome" }).getByLabel("Not upheld").check();
    await staff.getByLabel("Decision and reasons, answering each point").fill("The lift was repaired within the time we promised.");
    await staff.getByLabel(/By post/).check();
    await staff.getByRole("button", { name: "Save" }).click();
    await expect(staff.getByTestId("case-status")).toHaveText("Responded");

    // Posted on Friday 18 December 2026, it counts as received on Tuesday
    // 22 December; 10 working days from then, skipping Christmas, Boxing Day
    // and New Year's Day, is Friday 8 January (by email it was Wednesday 6).
    await open(page, `/cases/${complaint.id}`);
    await expect(page.getByTestId("latest-answer")).toContainText("Sent by post on Friday 18 December 2026. We count it as received on Tuesday 22 December 2026.");
    await expect(page.getByTestId("open-window")).toContainText("You can ask for a review until Friday 8 January 2027");
    const row = page.locator(".app-summary-list__row", { hasText: "You can ask for a review until" });
    await row.getByText("How we worked out this date").click();
    await expect(row).toContainText("10 working days after you received our stage 1 response (counted from 22 December 2026)");
    await expectNoA11yViolations(page);
    // A word after the response keeps the complaint open past its window.
    const added = await page.request.post(`/api/v1/cases/${complaint.id}/information`, { data: { text: "I will phone about this." } });
    expect(added.status(), await added.text()).toBe(200);

    // Monday 11 January: a call that day is too late; one on Friday 8 January was in time.
    await setServerClock(page.request, "2027-01-11T10:00:00Z");
    await signInAs(staff, DEMO.staff.email, DEMO.staff.password, DEMO_TOTP_SECRET);
    await open(staff, `/staff/cases/${complaint.id}`);
    await staff.getByLabel("Record a request for a review made by phone, letter or in person").check();
    await staff.getByLabel("The day the resident asked (it reached us)").fill("2027-01-11");
    await staff.getByRole("button", { name: "Save" }).click();
    await expect(staff.getByRole("alert")).toContainText("The last day to ask was Friday 8 January 2027");
    await staff.getByLabel("The day the resident asked (it reached us)").fill("2027-01-08");
    await staff.getByRole("button", { name: "Save" }).click();
    await expect(staff.getByTestId("staff-action-recorded")).toContainText("The request for a review has been recorded");
    await expect(staff.locator("main")).toContainText("Stage 2");
    await staffContext.close();
  });
});

test.describe("the stage 3 panel under Pioneer's policy", () => {
  test.use({ baseURL: POLICY_URL["pioneer-2020"] });

  test("after the stage 2 response a resident asks for a panel, with a friend, to send written submissions", async ({ page, playwright }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    const staff = await playwright.request.newContext({ baseURL: POLICY_URL["pioneer-2020"] });
    await acknowledgeThenRespond(staff, complaint.id, "not_upheld", "Stage 1 decision.");
    const escalation = await page.request.post(`/api/v1/cases/${complaint.id}/escalation`, { data: {} });
    expect(escalation.status()).toBe(200);
    await acknowledgeThenRespond(staff, complaint.id, "not_upheld", "Stage 2 decision.");

    await open(page, `/cases/${complaint.id}`);
    await page.getByRole("link", { name: "Ask for a panel (stage 3)" }).click();
    await expect(page.getByTestId("panel-window")).toContainText("You can ask for a panel until");
    await page.getByRole("button", { name: "Ask for a panel" }).click();
    await expect(page.getByRole("alert")).toContainText("Select if you will attend the panel or send written submissions");
    await expectNoA11yViolations(page);
    await page.getByLabel("I will send written submissions instead").check();
    await page.getByRole("group", { name: "Will someone come with you to represent you?" }).getByLabel("Yes").check();
    await page.getByLabel("Their full name").fill("Fran Friend");
    await expect(page.getByText("Legal representatives, such as solicitors, cannot attend.")).toBeVisible();
    await page.getByLabel("Friend").check();
    await page.getByRole("button", { name: "Ask for a panel" }).click();
    await expect(page.getByRole("status").filter({ hasText: "You have asked for a panel" })).toBeVisible();
    await expect(page.getByText("represented by Fran Friend (friend)")).toBeVisible();
    await staff.dispose();
  });

  // Pioneer §6: "We will aim to convene a panel within 20 working days. Where
  // this is not possible, we will keep the customer informed, offer an
  // explanation and agree with the customer whether this stage should be
  // dispensed with."
  test("a panel that cannot meet in time is put back with the reason, then dispensed with by agreement, and the resident reads both", async ({ page, browser, playwright }) => {
    test.skip(test.info().project.name !== "desktop", "staff work at a desk");
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    const api = await playwright.request.newContext({ baseURL: POLICY_URL["pioneer-2020"] });
    await acknowledgeThenRespond(api, complaint.id, "not_upheld", "Stage 1 decision.");
    await page.request.post(`/api/v1/cases/${complaint.id}/escalation`, { data: {} });
    await acknowledgeThenRespond(api, complaint.id, "not_upheld", "Stage 2 decision.");
    const panel = await page.request.post(`/api/v1/cases/${complaint.id}/panel`, { data: { attendance: "attend" } });
    expect(panel.status(), await panel.text()).toBe(200);
    await api.dispose();

    const staffContext = await browser.newContext({ baseURL: POLICY_URL["pioneer-2020"] });
    const staff = await staffContext.newPage();
    await signInAs(staff, DEMO.staff.email, DEMO.staff.password, DEMO_TOTP_SECRET);
    await open(staff, `/staff/cases/${complaint.id}`);
    // It can still meet in time: agreeing to go without it is not offered yet.
    await expect(staff.getByLabel("Record that the resident agreed the panel will not meet")).toHaveCount(0);
    await staff.getByLabel("Put the panel's date back").check();
    await staff.getByRole("button", { name: "Save" }).click();
    await expect(staff.getByRole("alert")).toContainText("Enter the date the panel will now meet by");
    await expect(staff.getByRole("alert")).toContainText("Explain why the panel cannot meet by its date");
    await staff.getByLabel("The date the panel will now meet by").fill("2027-02-26");
    await staff.getByLabel(/Why it cannot meet by its date/).fill("Two of the panel's members are unwell.");
    await staff.getByRole("button", { name: "Save" }).click();
    await expect(staff.getByTestId("staff-action-recorded")).toContainText("The panel's new date has been recorded");
    await expectNoA11yViolations(staff);

    await open(page, `/cases/${complaint.id}`);
    await expect(page.getByTestId("next-step")).toContainText("The panel will meet by Friday 26 February 2027.");
    const row = page.locator(".app-summary-list__row", { hasText: "The panel will meet by" });
    await expect(row).toContainText("We moved this date from");
    await expect(row).toContainText("Two of the panel's members are unwell.");
    await expect(page.locator(".app-timeline")).toContainText("The panel will meet later");
    await expectNoA11yViolations(page);

    await staff.getByLabel("Record that the resident agreed the panel will not meet").check();
    await staff.getByLabel(/What you agreed with the resident/).fill("You told us by phone today that you would rather go to the Housing Ombudsman now.");
    await staff.getByRole("button", { name: "Save" }).click();
    await expect(staff.getByTestId("staff-action-recorded")).toContainText("The panel will not meet: the case is closed");
    await expect(staff.getByTestId("case-status")).toHaveText("Closed");

    await page.reload();
    await expect(page.getByTestId("case-status")).toHaveText("Closed");
    await expect(page.getByTestId("next-step")).toContainText("because you agreed that the panel would not meet");
    await expect(page.locator(".app-timeline")).toContainText("You told us by phone today that you would rather go to the Housing Ombudsman now.");
    await expect(page.getByTestId("ombudsman-by")).toBeVisible();
    await expectNoA11yViolations(page);
    await staffContext.close();
  });

  // Pioneer §6: "where the information changes the nature of the
  // investigation or may have a material effect to the outcome we will
  // reopen the case at the existing stage. ... We will always explain to a
  // customer where we refuse to escalate a complaint in these circumstances,
  // giving the reasons for this."
  test("a request for stage 2 that brings new information is answered by reopening stage 1, and the resident reads why and the new date", async ({ page, browser, playwright }) => {
    test.skip(test.info().project.name !== "desktop", "staff work at a desk");
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    const api = await playwright.request.newContext({ baseURL: POLICY_URL["pioneer-2020"] });
    await acknowledgeThenRespond(api, complaint.id, "not_upheld", "We found no damp in the kitchen.");
    await api.dispose();
    const asked = await page.request.post(`/api/v1/cases/${complaint.id}/escalation`, { data: { reason: "The damp is now in the bedroom. I have photos." } });
    expect(asked.status(), await asked.text()).toBe(200);

    const staffContext = await browser.newContext({ baseURL: POLICY_URL["pioneer-2020"] });
    const staff = await staffContext.newPage();
    await signInAs(staff, DEMO.staff.email, DEMO.staff.password, DEMO_TOTP_SECRET);
    await open(staff, `/staff/cases/${complaint.id}`);
    await staff.getByLabel(/Reopen the complaint at its stage instead/).check();
    await staff.getByRole("button", { name: "Save" }).click();
    await expect(staff.getByRole("alert")).toContainText("Say what the new information is and how it changes the investigation");
    const why = "Your photos show damp in the bedroom, which we did not inspect. We will inspect it and answer again.";
    await staff.getByLabel(/The new information and how it changes the investigation/).fill(why);
    await staff.getByRole("button", { name: "Save" }).click();
    await expect(staff.getByTestId("staff-action-recorded")).toContainText("The complaint has been reopened at its stage");
    await expect(staff.getByTestId("case-status")).toHaveText("Being looked into");
    await expectNoA11yViolations(staff);

    await open(page, `/cases/${complaint.id}`);
    await expect(page.getByTestId("case-status")).toHaveText("Being looked into");
    await expect(page.locator(".app-timeline")).toContainText("Complaint reopened at the same stage");
    await expect(page.locator(".app-timeline")).toContainText(why);
    const row = page.locator(".app-summary-list__row", { hasText: "We will send our stage 1 response by" });
    await row.getByText("How we worked out this date").click();
    await expect(row).toContainText("10 working days after we reopened your complaint at stage 1");
    await expect(page.getByRole("link", { name: /Ask for a review/ })).toHaveCount(0);
    await expectNoA11yViolations(page);
    await staffContext.close();
  });

  test("a panel is refused once the complaint has gone to the Housing Ombudsman", async ({ page, playwright }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    const staff = await playwright.request.newContext({ baseURL: POLICY_URL["pioneer-2020"] });
    await acknowledgeThenRespond(staff, complaint.id, "not_upheld", "Stage 1.");
    await page.request.post(`/api/v1/cases/${complaint.id}/escalation`, { data: {} });
    await acknowledgeThenRespond(staff, complaint.id, "not_upheld", "Stage 2.");
    await staffAction(staff, complaint.id, { type: "referred_to_ombudsman" });
    const panel = await page.request.post(`/api/v1/cases/${complaint.id}/panel`, { data: { attendance: "attend" } });
    expect(panel.status()).toBe(409);
    const body = await panel.json();
    expect(body.errors[0].message).toContain("Housing Ombudsman");
    await open(page, `/cases/${complaint.id}`);
    await expect(page.getByTestId("case-status")).toHaveText("With the Housing Ombudsman");
    await expect(page.getByRole("link", { name: "Ask for a panel (stage 3)" })).toHaveCount(0);
    await staff.dispose();
  });
});
