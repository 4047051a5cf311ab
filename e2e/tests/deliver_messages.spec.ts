import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { DEMO, NOTIFY_STAND_IN, POLICY_URL, open, raiseComplaintByApi, registerAs, signInAs, staffAction } from "./fixtures/app";

// Issue 17, item 4: what no service can send waits for staff. A resident
// asks to be called; the caseworker finds the call on the list of messages
// waiting for staff, reads what to say, makes the call and says so; the
// case keeps who sent it and when. Staff work at a desk: the desktop run.

test("a call the resident asked for waits on the staff's list until the caseworker says they made it", async ({ page, browser }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "staff work at a desk");
  await registerAs(page, "resident", "Callum Callback");
  const complaint = await raiseComplaintByApi(page, "The lift has been broken for a week.", {
    contact_channel: "phone",
    contact_phone: "07700 900456",
  });

  const staff = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const sam = await staff.newPage();
  await signInAs(sam, DEMO.staff.email, DEMO.staff.password);
  await open(sam, "/staff");
  await sam.getByRole("link", { name: "Messages waiting for staff to send" }).click();
  await expect(sam.locator("main h1")).toHaveText("Messages waiting for staff to send");
  const messages = sam.getByTestId("messages");
  await expect(messages).toBeVisible();
  // Oldest first, 50 to a page: the new call may be on a later page.
  const call = sam.getByTestId("message").filter({ hasText: complaint.reference });
  for (let pages = 0; (await call.count()) === 0; pages++) {
    expect(pages, `${complaint.reference} is on no page of the messages`).toBeLessThan(20);
    const loaded = sam.waitForResponse((r) => r.url().includes("/api/v1/outbox?") && r.url().includes("after="));
    await sam.getByRole("navigation", { name: "Pages of the messages" }).getByRole("link", { name: "Next page" }).click();
    await loaded;
  }
  await expect(call).toContainText("Telephone call to 07700 900456");
  await expect(call.getByTestId("message-why")).toHaveText("To do: call the resident and tell them");
  await call.getByText("The message", { exact: true }).click();
  await expect(call).toContainText(complaint.reference);
  await expectNoA11yViolations(sam);

  await call.getByRole("button", { name: /^I have sent it/ }).click();
  await expect(call.getByTestId("message-done")).toHaveText("Marked as sent");
  await expect(call.getByRole("button", { name: /^I have sent it/ })).toBeHidden();
  await expectNoA11yViolations(sam);

  // The case says who made the call, and nothing is left to send.
  await call.getByRole("link", { name: complaint.reference }).click();
  const onCase = sam.getByTestId("case-messages");
  await expect(onCase).toContainText("Telephone call to 07700 900456: Sent by hand");
  await onCase.getByText("Messages to the resident").click();
  await expect(onCase.getByTestId("case-message-history")).toContainText("Sent by hand by Sam Caseworker");
  await expect(onCase).not.toContainText("to send by hand");
  await staff.close();
});

// Issue 17, item 3: Pioneer's server sends text messages through GOV.UK
// Notify (here its local stand-in, which checks the signed token, the
// template and every field as the real service does). A resident who chose
// text messages gets one for each thing that happens, and the case says
// Notify sent it.
test.describe("text messages through GOV.UK Notify (Pioneer)", () => {
  test.use({ baseURL: POLICY_URL["pioneer-2020"] });

  test("a resident who chose text messages receives one per event, and staff see Notify sent them", async ({ page, browser, playwright }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "the same server work on either screen");
    await registerAs(page, "resident", "Tess Texter");
    // A number no other test uses: the stand-in is shared.
    const phone = `07700 9${String(Date.now()).slice(-5)}`;
    const complaint = await raiseComplaintByApi(page, "The communal door does not lock.", {
      contact_channel: "text_message",
      contact_phone: phone,
    });
    const staffRequest = await playwright.request.newContext({ baseURL: POLICY_URL["pioneer-2020"] });
    await staffAction(staffRequest, complaint.id, { type: "acknowledged" });
    await staffRequest.dispose();

    const notify = await playwright.request.newContext();
    type Received = { kind: string; request: { phone_number: string; template_id: string; personalisation: { body: string } } };
    let texts: Received[] = [];
    // The sender takes new messages every few seconds.
    await expect(async () => {
      const answer = await notify.get(`${NOTIFY_STAND_IN}/stand-in/received?to=${encodeURIComponent(phone)}`);
      expect(answer.status()).toBe(200);
      texts = (await answer.json()).filter((r: Received) => r.kind === "sms");
      expect(texts.length).toBe(2);
    }).toPass({ timeout: 30_000 });
    await notify.dispose();
    expect(texts.every((t) => t.request.phone_number === phone)).toBe(true);
    expect(texts[0].request.personalisation.body).toContain(complaint.reference);
    expect(texts[1].request.personalisation.body).toContain(complaint.reference);

    const staff = await browser.newContext({ baseURL: POLICY_URL["pioneer-2020"] });
    const sam = await staff.newPage();
    await signInAs(sam, DEMO.staff.email, DEMO.staff.password);
    await open(sam, `/staff/cases/${complaint.id}`);
    const onCase = sam.getByTestId("case-messages");
    await onCase.getByText("Messages to the resident").click();
    await expect(onCase.getByTestId("case-message-status")).toHaveText(["Sent by GOV.UK Notify", "Sent by GOV.UK Notify"]);
    await expect(onCase).not.toContainText("to send by hand");
    await expectNoA11yViolations(sam);
    await staff.close();
  });
});

// Issue 17, item 3: a resident who asked for large-print letters gives her
// postal address in Settings; with no letter service here, staff download the
// letter as a PDF, her address in the envelope window, to print and post.
test("a large-print letter to the address given in settings waits for staff, who download it as a PDF to print", async ({ page, browser }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "staff work at a desk");
  await registerAs(page, "resident", "Lena Letters");
  const saved = await page.request.put("/api/v1/preferences", {
    data: { letter_format: "large_print", contact_channel: "letter" },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  await open(page, "/settings");
  const address = page.getByRole("group", { name: "Your postal address" });
  await address.getByLabel("Address line 1").fill("2 High Street");
  await expect(address.getByLabel("Address line 1")).toHaveAttribute("autocomplete", "address-line1");
  await address.getByLabel("Town or city").fill("Leeds");
  await address.getByLabel("Postcode").fill("nowhere");
  await page.getByRole("button", { name: "Save settings" }).click();
  // A postcode that is not one is named in the error summary.
  await expect(page.getByRole("link", { name: "Enter a full UK postcode, like LS1 4AP" })).toBeVisible();
  await address.getByLabel("Postcode").fill("ls6 3aa");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your settings have been saved" })).toBeVisible();
  await expect(address.getByLabel("Postcode")).toHaveValue("LS6 3AA");
  await expectNoA11yViolations(page);
  const complaint = await raiseComplaintByApi(page, "The bin store has no light.");

  const staff = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const sam = await staff.newPage();
  await signInAs(sam, DEMO.staff.email, DEMO.staff.password);
  await open(sam, `/staff/cases/${complaint.id}`);
  const onCase = sam.getByTestId("case-messages");
  // The sender finds no letter service here and leaves it for staff.
  await expect(async () => {
    await sam.reload();
    await expect(onCase).toContainText("Letter to Lena Letters (large print): To do: print and post it", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const link = onCase.getByRole("link", { name: "Download the letter to print (PDF)" });
  const href = await link.getAttribute("href");
  const pdf = await sam.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const bytes = (await pdf.body()).toString("latin1");
  expect(bytes.startsWith("%PDF-")).toBe(true);
  // Its words are text (the standard Helvetica, not pictures of words), and
  // every size it sets is 16 pt or more, but the address in the envelope
  // window, only as large as fits there.
  expect(bytes).toContain("/BaseFont /Helvetica");
  expect(bytes).toContain(complaint.reference);
  const addressLines = ["Lena Letters", "2 High Street", "Leeds", "LS6 3AA"];
  const runs = [...bytes.matchAll(/\/F\d+ ([\d.]+) Tf\s+[\d.-]+ [\d.-]+ Td\s+\((.*?)\) Tj/g)].map((m) => ({
    size: Number(m[1]),
    text: m[2],
  }));
  expect(runs.filter((r) => addressLines.includes(r.text)).map((r) => r.text)).toEqual(addressLines);
  const letterSizes = runs.filter((r) => !addressLines.includes(r.text)).map((r) => r.size);
  expect(letterSizes.length).toBeGreaterThan(0);
  expect(Math.min(...letterSizes)).toBeGreaterThanOrEqual(16);
  await expectNoA11yViolations(sam);
  await staff.close();
});
