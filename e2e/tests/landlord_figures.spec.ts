import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { DEMO, open, signInAs, signInWith } from "./fixtures/app";

// Issue 19: the landlord's figures. Managers work at a desk: the desktop run
// is enough.

test("an administrator reads last quarter's CH01 and CH02, follows a number to its cases and downloads the CSV", async ({ page, playwright }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "managers work at a desk");
  const origin = new URL(page.url() === "about:blank" ? testInfo.project.use.baseURL! : page.url()).origin;
  // A letter received in the last quarter (the e2e clock starts on 18
  // December 2026, so the last quarter is July to September 2026).
  const staff = await playwright.request.newContext({ baseURL: origin });
  await signInWith(staff, DEMO.staff);
  // The demo's policy asks what a complaint is about: its first category.
  const policy = await (await staff.get("/api/v1/policies/active")).json();
  const raised = await staff.post("/api/v1/staff/cases", {
    headers: { "Idempotency-Key": `e2e-figures-${Date.now()}` },
    data: {
      kind: "complaint",
      category: policy.effective.categories[0]?.id ?? null,
      details: "The repair to my kitchen window was booked twice and nobody came.",
      started_on: "2026-07-01",
      desired_outcome: "Come and fix the window.",
      received_by: "letter",
      received_on: "2026-08-03",
      someone: { name: "Pat Figures", email: `pat-${Date.now()}@example.com`, contact_channel: "email" },
    },
  });
  expect(raised.status(), await raised.text()).toBe(201);
  const reference: string = (await raised.json()).reference;
  await staff.dispose();

  await signInAs(page, DEMO.admin.email, DEMO.admin.password, DEMO.admin.totpSecret);
  await open(page, "/staff");
  await page.getByRole("link", { name: /Complaint figures/ }).click();
  await expect(page.locator("main h1")).toHaveText("Complaint figures");
  await page.getByRole("link", { name: "Last quarter" }).click();
  await expect(page.getByTestId("period")).toHaveText("1 July 2026 to 30 September 2026");
  const ch01 = page.getByTestId("ch01");
  await expect(ch01.locator("caption")).toContainText("CH01");
  const stage1 = ch01.getByRole("row", { name: /Stage 1/ });
  const received = Number(await stage1.getByRole("link").textContent());
  expect(received).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId("ch02").locator("caption")).toContainText("CH02");
  // What the responses put right: every kind the Code names, money last but one.
  const remedies = page.getByTestId("remedies");
  await expect(remedies.locator("tbody tr")).toHaveCount(6);
  await expect(remedies.getByRole("row", { name: /Money \(compensation or goodwill\)/ })).toContainText("£");
  await expect(page.getByTestId("causes")).toBeVisible();
  await expectNoA11yViolations(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CH01 and CH02 as CSV" }).click();
  const csv = await (await download).path();
  const text = require("fs").readFileSync(csv, "utf8") as string;
  const rows = text.trimEnd().split("\r\n").map((line) => line.split(","));
  expect(rows[0][0]).toBe("period_from");
  expect(rows[1].slice(0, 4)).toEqual(["2026-07-01", "2026-09-30", "1", String(received)]);

  await stage1.getByRole("link").click();
  await expect(page.locator("main h1")).toHaveText("Cases behind a figure");
  await expect(page.getByTestId("figure-cases")).toContainText(reference);
  await expectNoA11yViolations(page);
});
