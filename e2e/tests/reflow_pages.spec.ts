import { expect, test, type Page } from "./fixtures/test";
import { raiseComplaintByApi, registerAs, staffAction } from "./fixtures/app";
import { RaiseComplaint } from "./fixtures/complaint";

/** True when the page scrolls sideways (content wider than the viewport). */
async function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

// WCAG 1.4.10 Reflow: usable at 320 CSS pixels wide, which is also what a
// 1280-pixel screen shows at 400% zoom; 640 pixels is 200% zoom.
for (const width of [320, 640]) {
  test(`every main page reflows without sideways scrolling at ${width} px`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "phone", "one viewport run is enough");
    await page.setViewportSize({ width, height: 800 });
    const paths = ["/", "/help", "/accessibility", "/sign-in", "/create-account", "/ombudsman", "/settings"];
    for (const path of paths) {
      await page.goto(path);
      await expect(page.locator("main h1")).toBeVisible();
      expect(await overflowsSideways(page), `${path} at ${width}px`).toBe(false);
    }
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    for (const path of [
      "/cases",
      `/cases/${complaint.id}`,
      `/cases/${complaint.id}/add-information`,
      `/cases/${complaint.id}/withdraw`,
      "/complaints/new",
      "/feedback/new",
      "/settings",
    ]) {
      await page.goto(path);
      await expect(page.locator("main h1")).toBeVisible();
      expect(await overflowsSideways(page), `${path} at ${width}px`).toBe(false);
    }
  });
}

/** Expects the page showing `heading` not to scroll sideways (and, with the
 * largest text, that the setting is applied). */
async function expectReflows(page: Page, heading: string | RegExp, what: string, largest: boolean): Promise<void> {
  await expect(page.locator("main h1")).toHaveText(heading);
  if (largest) await expect(page.locator("html")).toHaveClass(/\bapp-text-largest\b/);
  expect(await overflowsSideways(page), what).toBe(false);
  expect(await cutOff(page), what).toEqual([]);
}

/** Visible things in the page's main part that reach past its right edge
 * (which a container hiding its overflow would cut off without scrolling). */
async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("main *")]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 1 && box.right > width + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? "").trim().slice(0, 40)}`);
  });
}

// The pages a resident reaches later: each question of a complaint, Check
// your answers, the sent page, and a responded case with what can be done
// with it. At 320 px, then again with the largest text size.
for (const largest of [false, true]) {
  const setting = largest ? " with the largest text" : "";
  test(`the complaint's later pages and a responded case reflow at 320 px${setting}`, async ({ page, playwright, baseURL }, testInfo) => {
    test.skip(testInfo.project.name !== "phone", "one viewport run is enough");
    await page.setViewportSize({ width: 320, height: 800 });
    await registerAs(page);
    if (largest) {
      const saved = await page.request.put("/api/v1/preferences", { data: { text_size: "largest" } });
      expect(saved.status(), await saved.text()).toBe(200);
    }
    const at = (path: string) => `${path} at 320px${setting}`;

    const journey = new RaiseComplaint(page, false);
    await journey.start();
    await expectReflows(page, "What is your complaint about?", at("about"), largest);
    await journey.about();
    await expectReflows(page, "What happened?", at("what happened"), largest);
    await journey.whatHappened();
    await expectReflows(page, "When did the problem start?", at("when it started"), largest);
    // With its error summary and the message over the date fields, too.
    await journey.continue();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
    await expectReflows(page, "When did the problem start?", at("when it started, with an error"), largest);
    await journey.started();
    await expectReflows(page, "What would put things right?", at("put right"), largest);
    await journey.putRight();
    await expectReflows(page, "How would you like us to contact you about this complaint?", at("contact"), largest);
    await journey.contact("Text message", "07700 900123");
    await expectReflows(page, "Add photos or documents (optional)", at("files"), largest);
    await journey.files();
    await expectReflows(page, "Check your answers before sending your complaint", at("check your answers"), largest);
    await journey.send();
    await journey.expectSent();
    await expectReflows(page, "Complaint sent", at("complaint sent"), largest);

    const complaint = await raiseComplaintByApi(page);
    const staff = await playwright.request.newContext({ baseURL });
    await staffAction(staff, complaint.id, { type: "acknowledged" });
    await staffAction(staff, complaint.id, {
      type: "responded",
      outcome: "partly_upheld",
      reasons: "The first appointment was missed and we did not call to rearrange it.",
      remedies: [{ kind: "financial", description: "Compensation for the missed appointment", amount_pence: 5000 }],
      outstanding_actions: [{ description: "replace the window", owner: "Repairs team", due: "2027-01-15" }],
    });
    await staff.dispose();

    await page.goto(`/cases/${complaint.id}`);
    await expect(page.getByText("Response: complaint partly upheld")).toBeVisible();
    await expectReflows(page, /^Complaint about/, at("a responded case"), largest);
    await page.goto(`/cases/${complaint.id}/ask-for-review`);
    await expect(page.getByText("There is no time limit to ask for a review while your complaint is open.")).toBeVisible();
    await expectReflows(page, "Ask for a review of your complaint", at("ask for a review"), largest);
    await page.getByRole("button", { name: "Ask for a review" }).click();
    await expect(page.getByRole("status").filter({ hasText: "You have asked for a review" })).toBeVisible();
    await expectReflows(page, /^Complaint about/, at("a case with a review asked for"), largest);
    await page.goto(`/cases/${complaint.id}/satisfaction`);
    await expectReflows(page, "Are you satisfied with our response?", at("satisfaction"), largest);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
    await expectReflows(page, "Are you satisfied with our response?", at("satisfaction, with an error"), largest);
    await page.goto("/cases");
    await expectReflows(page, "Your complaints, compliments and comments", at("/cases with a responded case"), largest);
  });
}

/** Words the layout broke inside themselves across two lines ("communicati /
 * on"). A break at a hyphen or slash is a break between parts ("CMP-2026- /
 * 00002" where the line is too short for the whole reference), and text
 * people type anything into (overflow-wrap: anywhere) may break anywhere. */
async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !parent.checkVisibility() || parent.closest(".app-visually-hidden")) continue;
      if (getComputedStyle(parent).overflowWrap === "anywhere") continue;
      const text = node.textContent ?? "";
      for (const match of text.matchAll(/[^\s\-–—/]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index!);
        range.setEnd(node, match.index! + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
        if (lines.size > 1) broken.push(`${parent.tagName.toLowerCase()}.${parent.className}: ${match[0]}`);
      }
    }
    return broken;
  });
}

/** The references shown in the page's main part that wrap onto two lines. */
async function wrappedReferences(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("main .app-reference, main .app-complaint__reference")]
      .filter((el) => new Set([...el.getClientRects()].map((r) => Math.round(r.bottom))).size > 1 || el.getBoundingClientRect().height > parseFloat(getComputedStyle(el).lineHeight) * 1.5)
      .map((el) => el.textContent ?? ""),
  );
}

// Issue 12: at the largest text in the readable font, words and references
// broke inside themselves at 320 px ("communicati/on", "CMP-/2026-00002").
for (const [name, preferences] of [
  ["the standard text", {}],
  ["the largest text in the readable font", { text_size: "largest", readable_font: true }],
  ["the largest text in the readable font and high contrast", { text_size: "largest", readable_font: true, high_contrast: true }],
] as const) {
  test(`words are never broken inside themselves at 320 px with ${name}`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "phone", "one viewport run is enough");
    await page.setViewportSize({ width: 320, height: 800 });
    await registerAs(page);
    const saved = await page.request.put("/api/v1/preferences", { data: preferences });
    expect(saved.status(), await saved.text()).toBe(200);
    const response = await page.request.post("/api/v1/cases", {
      headers: { "Idempotency-Key": `e2e-words-${Date.now()}-${Math.random()}` },
      data: {
        kind: "complaint",
        category: "communication",
        details: "Nobody answered my calls or letters about the communication problems.",
        started_on: "2026-11-02",
        desired_outcome: "Reply to my letters.",
        insist: true,
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    const complaint = await response.json();
    for (const path of ["/", "/settings", "/help", "/accessibility", "/ombudsman", "/cases", `/cases/${complaint.id}`, "/complaints/new"]) {
      await page.goto(path);
      await expect(page.locator("main h1")).toBeVisible();
      if ("text_size" in preferences) await expect(page.locator("html")).toHaveClass(/\bapp-text-largest\b/);
      expect(await overflowsSideways(page), `${path} with ${name}`).toBe(false);
      expect(await cutOff(page), `${path} with ${name}`).toEqual([]);
      expect(await brokenWords(page), `${path} with ${name}`).toEqual([]);
    }
    await page.goto("/cases");
    await expect(page.locator("main .app-reference").first()).toHaveText(complaint.reference);
    if (!("text_size" in preferences)) {
      // Where the line has room for a whole reference, it is kept whole.
      expect(await wrappedReferences(page), `/cases with ${name}`).toEqual([]);
    }
  });
}
