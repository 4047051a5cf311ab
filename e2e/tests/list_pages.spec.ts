// A long list comes a page at a time (issue 13): the resident's cases fifty to
// a page, newest first, with a link to the older ones and back.
import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { open, raiseComplaintByApi, registerAs } from "./fixtures/app";

test("a resident with 52 cases sees the newest 50, then the older ones, then the newest again", async ({ page }) => {
  test.setTimeout(120_000);
  await registerAs(page);
  const made: string[] = [];
  for (let i = 0; i < 52; i++) {
    made.push((await raiseComplaintByApi(page, `Problem number ${i} with the heating in the flat.`)).reference);
  }
  await open(page, "/cases");
  const cards = page.getByRole("main").locator(".app-card-list > li");
  await expect(cards).toHaveCount(50);
  await expect(cards.first()).toContainText(made[51]);
  await expect(page.getByRole("link", { name: "Back to the newest" })).toHaveCount(0);
  await expectNoA11yViolations(page);

  await page.getByRole("navigation", { name: "Pages of your list" }).getByRole("link", { name: "Show older ones" }).click();
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText(made[1]);
  await expect(cards.nth(1)).toContainText(made[0]);
  await expect(page.getByRole("link", { name: "Show older ones" })).toHaveCount(0);
  await expectNoA11yViolations(page);

  await page.getByRole("link", { name: "Back to the newest" }).click();
  await expect(cards).toHaveCount(50);
  await expect(page).toHaveURL(/\/cases$/);
});
