import { expect, test, type Page } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { open, registerAs, signInAs } from "./fixtures/app";

const html = (page: Page) => page.locator("html");
const bodyStyle = (page: Page, property: string) =>
  page.evaluate((p) => getComputedStyle(document.body).getPropertyValue(p), property);
const bodyFontSize = async (page: Page) => parseFloat(await bodyStyle(page, "font-size"));

test.describe("changing settings", () => {
  test("signed out, the look changes at once and is remembered on the device", async ({ page }) => {
    await open(page, "/settings");
    await expect(page).toHaveTitle(/^Settings – Put It Right/);
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.getByTestId("contact-needs-account")).toContainText("you need an account");
    await expect(page.getByRole("link", { name: "Sign in to set how we contact you" })).toHaveAttribute(
      "href",
      "/sign-in?next=%2Fsettings",
    );
    await expectNoA11yViolations(page);

    const standard = await bodyFontSize(page);
    await page.getByRole("radio", { name: /^Largest/ }).check();
    await expect(html(page)).toHaveClass(/\bapp-text-largest\b/);
    expect(await bodyFontSize(page)).toBeGreaterThan(standard * 1.5);

    await page.getByRole("checkbox", { name: /^High contrast/ }).check();
    await expect(html(page)).toHaveClass(/\bapp-high-contrast\b/);
    expect(await bodyStyle(page, "background-color")).toBe("rgb(0, 0, 0)");

    await page.getByRole("checkbox", { name: /^Reduce movement/ }).check();
    await expect(html(page)).toHaveClass(/\bapp-reduced-motion\b/);

    await page.getByRole("checkbox", { name: /^A more readable font/ }).check();
    await expect(html(page)).toHaveClass(/\bapp-readable\b/);
    expect(await bodyStyle(page, "font-family")).toContain("Verdana");

    // Choosing a language is in choose_language.spec.ts.
    await expectNoA11yViolations(page);

    await page.reload();
    await expect(page.locator("main h1")).toBeVisible();
    await expect(html(page)).toHaveClass(/\bapp-text-largest\b/);
    await expect(html(page)).toHaveClass(/\bapp-high-contrast\b/);
    await expect(html(page)).toHaveClass(/\bapp-reduced-motion\b/);
    await expect(html(page)).toHaveClass(/\bapp-readable\b/);
    await expect(html(page)).toHaveAttribute("lang", "en-GB");
    await expect(page.getByRole("radio", { name: /^Largest/ })).toBeChecked();

    // Back to standard, and the classes go.
    await page.getByRole("radio", { name: /^Standard/ }).check();
    await page.getByRole("checkbox", { name: /^High contrast/ }).uncheck();
    await expect(html(page)).not.toHaveClass(/app-text-largest|app-high-contrast/);
    expect(await bodyFontSize(page)).toBeCloseTo(standard, 0);
  });

  test("the text size can be changed with the keyboard alone", async ({ page }) => {
    await open(page, "/settings");
    await page.getByRole("radio", { name: /^Standard/ }).focus();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("radio", { name: "Large", exact: true })).toBeChecked();
    await expect(html(page)).toHaveClass(/\bapp-text-large\b/);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("checkbox", { name: /^High contrast/ })).toBeFocused();
    await page.keyboard.press("Space");
    await expect(html(page)).toHaveClass(/\bapp-high-contrast\b/);
  });

  test("high contrast passes an accessibility scan on every page", async ({ page }) => {
    await page.addInitScript(() =>
      localStorage.setItem("pir.preferences", JSON.stringify({ high_contrast: true, text_size: "largest" })),
    );
    for (const path of ["/", "/settings", "/ombudsman", "/help", "/sign-in"]) {
      await open(page, path);
      await expect(html(page)).toHaveClass(/\bapp-high-contrast\b/);
      await expectNoA11yViolations(page);
    }
  });

  test("in high contrast, hints do not look like labels and radios not chosen are hollow", async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem("pir.preferences", JSON.stringify({ high_contrast: true })));
    await open(page, "/settings");
    await expect(html(page)).toHaveClass(/\bapp-high-contrast\b/);
    const style = (selector: string, property: string) =>
      page.locator(selector).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

    const labelColour = await style("label[for=language]", "color");
    expect(await style("#language-hint", "color")).not.toBe(labelColour);
    expect(await style("#language-hint", "font-weight")).toBe("400");
    expect(await style("label[for=language]", "font-weight")).toBe("700");
    expect(await style(".app-checkboxes__hint", "color")).not.toBe(await style(".app-checkboxes__label", "color"));

    // Standard is chosen, Large is not: a hollow ring, not a white disc.
    await expect(page.locator("#text-size")).toBeChecked();
    expect(await style("#text-size-2", "background-color")).toBe("rgb(0, 0, 0)");
    expect(await style("#text-size-2", "border-top-color")).toBe("rgb(255, 255, 255)");
    expect(await style("#text-size", "background-color")).toBe("rgb(255, 255, 0)");
    expect(await style("#reduced-motion", "background-color")).toBe("rgb(0, 0, 0)");
    expect(await style("#high-contrast", "background-color")).toBe("rgb(255, 255, 0)");
    await page.getByRole("radio", { name: "Large", exact: true }).check();
    expect(await style("#text-size-2", "background-color")).toBe("rgb(255, 255, 0)");
    expect(await style("#text-size", "background-color")).toBe("rgb(0, 0, 0)");
    await expectNoA11yViolations(page);
  });

  test("signed in, display and contact settings are saved on the account and shown again", async ({ page, browser }) => {
    const account = await registerAs(page);
    await open(page, "/settings");
    // Wait for the session, which brings the account's settings, before changing them.
    await expect(page.getByRole("radio", { name: "Large print" })).toBeVisible();

    await page.getByRole("radio", { name: "Larger", exact: true }).check();
    await page.getByRole("checkbox", { name: /^High contrast/ }).check();
    await expect(html(page)).toHaveClass(/\bapp-text-larger\b/);

    await page.getByRole("radio", { name: "Large print" }).check();
    const text = page.getByRole("radio", { name: "Text message" });
    await expect(text).toHaveAttribute("aria-controls", "conditional-contact-channel-4");
    await expect(page.locator("#conditional-contact-channel-4")).toBeHidden();
    await text.check();
    await expect(page.locator("#conditional-contact-channel-4")).toBeVisible();
    await page.getByLabel("Telephone number").fill("07700 900 982");

    const interpreter = page.getByRole("checkbox", { name: "I need an interpreter" });
    await expect(interpreter).toHaveAttribute("aria-expanded", "false");
    await expect(page.locator("#interpreter-language")).toBeHidden();
    await interpreter.check();
    await expect(interpreter).toHaveAttribute("aria-expanded", "true");
    await page.locator("#interpreter-language").fill("Polish");
    await page
      .getByLabel("Anything else we should do to make things easier for you?")
      .fill("Call after 10am, or send letters to my support worker");
    await expectNoA11yViolations(page);

    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your settings have been saved" })).toBeVisible();
    await expectNoA11yViolations(page);

    const stored = await (await page.request.get("/api/v1/preferences")).json();
    expect(stored).toMatchObject({
      text_size: "larger",
      high_contrast: true,
      letter_format: "large_print",
      contact_channel: "text_message",
      phone: "07700 900 982",
      interpreter: true,
      interpreter_language: "Polish",
      reasonable_adjustments: "Call after 10am, or send letters to my support worker",
    });

    await page.reload();
    await expect(page.getByRole("radio", { name: "Large print" })).toBeChecked();
    await expect(page.getByRole("radio", { name: "Text message" })).toBeChecked();
    await expect(page.getByLabel("Telephone number")).toHaveValue("07700 900 982");
    await expect(page.locator("#interpreter-language")).toHaveValue("Polish");

    // A fresh device: signing in brings the account's look.
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const other = await context.newPage();
    await signInAs(other, account.email, account.password);
    await open(other, "/");
    await expect(html(other)).toHaveClass(/\bapp-text-larger\b/);
    await expect(html(other)).toHaveClass(/\bapp-high-contrast\b/);
    await context.close();
  });

  test("signed in, the look is saved on the account as it is chosen, without Save settings", async ({ page, browser }) => {
    const account = await registerAs(page);
    await open(page, "/settings");
    // Wait for the session, which brings the account's settings, before changing them.
    await expect(page.getByRole("radio", { name: "Large print" })).toBeVisible();
    await expect(page.getByText("They are saved to your account as you choose them")).toBeVisible();

    await page.locator("select#language").selectOption("cy");
    await expect(html(page)).toHaveAttribute("lang", "cy");
    await page.getByRole("radio", { name: /^Mwyaf/ }).check();
    await page.getByRole("checkbox", { name: /^Cyferbyniad uchel/ }).check();
    await expect(html(page)).toHaveClass(/\bapp-text-largest\b/);
    await expect(html(page)).toHaveClass(/\bapp-high-contrast\b/);
    // Said politely, in the chosen language.
    await expect(page.getByTestId("look-saved")).toHaveAttribute("role", "status");
    await expect(page.getByTestId("look-saved")).not.toBeEmpty();
    await expect(page.getByTestId("look-saved")).not.toContainText("saved to your account");
    await expectNoA11yViolations(page);
    await expect
      .poll(async () => (await page.request.get("/api/v1/preferences")).json())
      .toMatchObject({ language: "cy", text_size: "largest", high_contrast: true });

    // A reload without pressing Save keeps them, even when the device forgot them.
    await page.evaluate(() => localStorage.removeItem("pir.preferences"));
    await page.reload();
    await expect(html(page)).toHaveAttribute("lang", "cy");
    await expect(html(page)).toHaveClass(/\bapp-text-largest\b/);
    await expect(html(page)).toHaveClass(/\bapp-high-contrast\b/);
    await expect(page.getByRole("radio", { name: /^Mwyaf/ })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: /^Cyferbyniad uchel/ })).toBeChecked();
    await expect(page.locator("select#language")).toHaveValue("cy");
    // Nothing is said about a save made before this page was drawn.
    await expect(page.getByTestId("look-saved")).toBeEmpty();

    // Back in English, the status says it in English; contact answers still wait for Save.
    await page.locator("select#language").selectOption("en");
    await expect(html(page)).toHaveAttribute("lang", "en-GB");
    await expect(page.getByRole("status").filter({ hasText: "Your choice has been saved to your account." })).toBeVisible();
    await page.getByRole("radio", { name: "Large print" }).check();
    await page.locator("#text-size").check();
    await expect(page.getByRole("status").filter({ hasText: "Your choice has been saved to your account." })).toBeVisible();
    await expect
      .poll(async () => (await page.request.get("/api/v1/preferences")).json())
      .toMatchObject({ language: "en", text_size: "standard", high_contrast: true, letter_format: "standard" });

    // A fresh device: signing in brings the look chosen.
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const other = await context.newPage();
    await signInAs(other, account.email, account.password);
    await open(other, "/");
    await expect(html(other)).toHaveClass(/\bapp-high-contrast\b/);
    await context.close();
  });

  test("signed out, the look and language are kept on the device across a reload", async ({ page }) => {
    await open(page, "/settings");
    await page.locator("select#language").selectOption("cy");
    await expect(html(page)).toHaveAttribute("lang", "cy");
    await page.getByRole("radio", { name: /^Mwyaf/ }).check();
    await page.getByRole("checkbox", { name: /^Cyferbyniad uchel/ }).check();
    await page.reload();
    await expect(html(page)).toHaveAttribute("lang", "cy");
    await expect(html(page)).toHaveClass(/\bapp-text-largest\b/);
    await expect(html(page)).toHaveClass(/\bapp-high-contrast\b/);
    await expect(page.getByRole("radio", { name: /^Mwyaf/ })).toBeChecked();
  });

  test("missing answers are shown in an error summary with the shared messages", async ({ page }) => {
    await registerAs(page);
    await open(page, "/settings");
    await page.getByRole("radio", { name: "In another language" }).check();
    await page.getByRole("radio", { name: "Text message" }).check();
    await page.getByRole("button", { name: "Save settings" }).click();

    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^Error: Settings/);
    await expect(summary.getByRole("link", { name: "Enter the language you want letters in" })).toBeVisible();
    await expect(summary.getByRole("link", { name: "Enter a telephone number" })).toBeVisible();
    await expect(page.locator("#letter-language-error")).toContainText("Enter the language you want letters in");
    await expect(page.locator("#phone")).toHaveAttribute("aria-describedby", /phone-error/);
    await expectNoA11yViolations(page);

    await summary.getByRole("link", { name: "Enter a telephone number" }).click();
    await expect(page.locator("#phone")).toBeFocused();

    await page.locator("#letter-language").fill("Polish");
    await page.locator("#phone").fill("call me");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(summary.getByRole("link", { name: /Enter a telephone number, like/ })).toBeVisible();
    await expectNoA11yViolations(page);

    await page.locator("#phone").fill("07700 900 982");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your settings have been saved" })).toBeVisible();
    await expect(page).toHaveTitle(/^Settings/);
  });
});
