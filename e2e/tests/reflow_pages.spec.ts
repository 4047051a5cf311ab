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
      outstanding_actions: [{ description: "replace the window", due: "2027-01-15" }],
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
