import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { registerAs } from "./fixtures/app";
import { caseCount, expectErrors } from "./fixtures/complaint";

test.describe("give a compliment or a comment", () => {
  test("an empty form says what is missing", async ({ page }) => {
    await registerAs(page);
    await page.goto("/feedback/new");
    await expect(page.locator("main h1")).toHaveText("Give a compliment or a comment");
    await expectNoA11yViolations(page);
    await page.getByRole("button", { name: "Send" }).click();
    await expectErrors(page, ["Select if you want to give a compliment or leave a comment", "Enter your message"]);
    await expectNoA11yViolations(page);
  });

  test("a compliment is sent with a reference, and the draft survives a reload", async ({ page }) => {
    await registerAs(page);
    await page.goto("/feedback/new");
    await page.getByRole("radio", { name: "A compliment" }).check();
    await page.getByRole("textbox", { name: "Your message" }).fill("Sam fixed our door quickly and kindly.");
    await page.reload();
    await expect(page.getByRole("radio", { name: "A compliment" })).toBeChecked();
    await expect(page.getByRole("textbox", { name: "Your message" })).toHaveValue("Sam fixed our door quickly and kindly.");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.locator("main h1")).toHaveText("Compliment sent");
    await expect(page.getByTestId("reference")).toHaveText(/^CPL-2026-\d{5}$/);
    await expect(page.getByRole("main")).toContainText("What happens next");
    await expectNoA11yViolations(page);
    expect(await caseCount(page)).toBe(1);
    await page.goto("/feedback/new");
    await expect(page.getByRole("textbox", { name: "Your message" })).toHaveValue("");
  });

  test("a comment that could not be sent offline is sent once when back online", async ({ page, context }) => {
    await registerAs(page);
    await page.goto("/feedback/new");
    await page.getByRole("radio", { name: "A comment" }).check();
    await page.getByRole("textbox", { name: "Your message" }).fill("It would help to have evening appointments.");
    await context.setOffline(true);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByRole("alert")).toContainText("Your message has not been sent");
    await expectNoA11yViolations(page);
    await context.setOffline(false);
    await page.getByRole("button", { name: "Try sending again" }).click();
    await expect(page.locator("main h1")).toHaveText("Comment sent");
    await expect(page.getByTestId("reference")).toHaveText(/^CMT-2026-\d{5}$/);
    expect(await caseCount(page)).toBe(1);
  });
});
