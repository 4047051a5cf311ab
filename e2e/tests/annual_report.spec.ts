import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { DEMO, open, signInAs } from "./fixtures/app";

// Issue 19: "the annual report draft for a year is created, edited and
// published, and the public URL shows it without signing in; axe passes on
// each page". Managers work at a desk; the published report is read on any
// device, so the public page is read at 320 px too.

test("an administrator drafts, edits and publishes the year's report, and anyone reads it without signing in", async ({ page, browser }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "managers work at a desk");
  // The e2e clock starts on 18 December 2026: April 2025 to March 2026 has
  // ended. A retry takes the year before, as the first try made this one.
  const year = 2025 - testInfo.retry;
  const yearName = `${year} to ${year + 1}`;
  await signInAs(page, DEMO.admin.email, DEMO.admin.password, DEMO.admin.totpSecret);
  await open(page, "/staff/figures");
  await page.getByRole("link", { name: "Annual complaints reports and the self-assessment" }).click();
  await expect(page.locator("main h1")).toHaveText("Annual complaints reports");
  await expectNoA11yViolations(page);

  // A year that has not ended is refused, with the error summary.
  await page.getByLabel("Start the report for a year").fill("2026");
  await page.getByRole("button", { name: "Start the report" }).click();
  await expect(page.locator(".app-error-summary")).toContainText("Choose a financial year that has ended");
  await page.getByLabel("Start the report for a year").fill(String(year));
  await page.getByRole("button", { name: "Start the report" }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/annual-reports/${year}$`));
  await expect(page.locator("main h1")).toHaveText(`Annual complaints report ${yearName}`);
  await expect(page.getByTestId("report-status")).toHaveText("Draft: not published yet.");
  await expect(page.getByTestId("report-figures").locator("caption")).toContainText(`1 April ${year} to 31 March ${year + 1}`);
  // Every provision the check judges or names, each with its answer.
  expect(await page.getByTestId("assessment-row").count()).toBeGreaterThan(50);
  const judged = page.getByRole("group", { name: /^Code 5\.3: / });
  await expect(judged.getByLabel("Yes, we comply")).toBeChecked();
  await expect(page.getByLabel("Introduction")).toHaveValue(/annual complaints performance and service improvement report/);
  await expectNoA11yViolations(page);

  await page.getByLabel("Introduction").fill("Our first complaints report from the portal.");
  const training = page.getByRole("group", { name: /^Code 1\.3: / });
  await expect(training.getByLabel("Not answered yet")).toBeChecked();
  await training.getByLabel("Yes, we comply").check();
  await page.getByLabel("Evidence for Code 1.3").fill("Staff training records, and calls checked each month.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("report-done")).toContainText("Your changes have been saved");
  await expect(page.getByTestId("report-status")).toHaveText("Draft: not published yet.");
  // Not published without the governing body's response (Code section 8)
  // and an answer on every row: the error summary leads to each.
  await page.getByRole("button", { name: "Save and publish" }).click();
  const summary = page.locator(".app-error-summary");
  await expect(summary).toContainText("Enter the governing body's response to the report");
  await expect(summary).toContainText("Say whether you comply with Code 1.4: whether service requests are recorded");
  await expectNoA11yViolations(page);
  await summary.getByRole("link", { name: /governing body's response/ }).click();
  await expect(page.getByLabel("Our governing body's response")).toBeFocused();
  await page.getByLabel("Our governing body's response").fill("Our board read this report on 10 December 2026 and asked for a review of how repairs are booked.");
  await summary.getByRole("link", { name: /^Say whether you comply with Code 1\.4: whether service requests/ }).click();
  await expect(page.getByRole("group", { name: /^Code 1\.4: Whether service requests/ }).getByLabel("Yes, we comply")).toBeFocused();
  const rows = page.getByTestId("assessment-row");
  for (let n = 0; n < (await rows.count()); n += 1) {
    const row = rows.nth(n);
    if (await row.getByLabel("Not answered yet").isChecked()) await row.getByLabel("No, we do not comply").check();
  }
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page.getByTestId("report-done")).toContainText("The report has been published");
  await expect(page.getByTestId("report-status")).toHaveText(/^Published on \d+ \w+ 2026\.$/);
  await expect(page.getByTestId("report-done").getByRole("link")).toHaveText(`/annual-reports/${year}`);

  // Anyone, not signed in, on a phone-width screen.
  const visitor = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const reader = await visitor.newPage();
  await open(reader, `/annual-reports/${year}`);
  await expect(reader.locator("main h1")).toHaveText(`Annual complaints performance and service improvement report ${yearName}`);
  await expect(reader.locator("main")).toContainText("Our first complaints report from the portal.");
  await expect(reader.locator("main")).toContainText("Our board read this report on 10 December 2026");
  const row = reader.getByTestId("self-assessment").getByRole("row", { name: /^1\.3 / });
  await expect(row).toContainText("Yes");
  await expect(row).toContainText("Staff training records, and calls checked each month.");
  await expect(reader.getByTestId("report-figures")).toContainText("Stage 1 complaints received (CH01)");
  await expectNoA11yViolations(reader);
  const pdf = reader.waitForEvent("download");
  await reader.getByRole("link", { name: "Download this report as a PDF" }).click();
  expect((await pdf).suggestedFilename()).toBe(`annual-complaints-report-${year}-${year + 1}.pdf`);
  const overflow = await reader.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page does not scroll sideways at 320 px").toBeLessThanOrEqual(0);
  await open(reader, `/annual-reports/${year - 10}`);
  await expect(reader.locator("main h1")).toHaveText("There is no published report for this year");
  await visitor.close();

  // The list says where each report stands.
  await page.getByRole("link", { name: "Annual complaints reports" }).first().click();
  await expect(page.getByTestId("reports").getByRole("row", { name: new RegExp(yearName) })).toContainText("Published on");
});
