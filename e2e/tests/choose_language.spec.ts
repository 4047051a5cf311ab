import { readFileSync } from "node:fs";
import { join } from "node:path";

import { expect, test, type Page } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { open, raiseComplaintByApi, registerAs } from "./fixtures/app";

/** A language's catalogue, as the app fetches it. */
function catalogue(language: string): (english: string) => string {
  const path = join(__dirname, "..", "..", "public", "locales", `${language}.json`);
  const { messages } = JSON.parse(readFileSync(path, "utf8")) as { messages: Record<string, string | string[]> };
  return (english) => {
    const words = messages[english];
    if (typeof words !== "string") throw new Error(`${language} has no words for ${JSON.stringify(english)}`);
    return words;
  };
}

const welsh = catalogue("cy");
const polish = catalogue("pl");
const arabic = catalogue("ar");

const ENGLISH_MONTHS =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;

const html = (page: Page) => page.locator("html");

async function deviceLanguage(page: Page, language: string): Promise<void> {
  await page.addInitScript((l) => localStorage.setItem("pir.preferences", JSON.stringify({ language: l })), language);
}

/** Sets the signed-in account's language through the API, as Save settings does. */
async function accountLanguage(page: Page, language: string): Promise<void> {
  const session = await (await page.request.get("/api/v1/session")).json();
  const response = await page.request.put("/api/v1/preferences", {
    data: { ...session.preferences, language },
  });
  expect(response.status(), await response.text()).toBe(200);
}

test.describe("choosing a language", () => {
  test("the pages change to Welsh at once, keep what was chosen, and stay Welsh", async ({ page }) => {
    await open(page, "/settings");
    await expect(html(page)).toHaveAttribute("lang", "en-GB");
    await page.getByRole("checkbox", { name: /^High contrast/ }).check();

    const language = page.locator("select#language");
    await language.selectOption("cy");
    await expect(html(page)).toHaveAttribute("lang", "cy");
    await expect(html(page)).toHaveAttribute("dir", "ltr");
    await expect(page.locator("main h1")).toHaveText(welsh("Settings"));
    await expect(page).toHaveTitle(new RegExp(`^${welsh("Settings")} `));
    await expect(page.getByRole("navigation").getByRole("link", { name: welsh("Settings") })).toBeVisible();
    // The resident is where they were, with everything they chose.
    await expect(language).toBeFocused();
    await expect(language).toHaveValue("cy");
    await expect(page.locator("#high-contrast")).toBeChecked();
    await expect(html(page)).toHaveClass(/\bapp-high-contrast\b/);
    await expectNoA11yViolations(page);

    await page.getByRole("link", { name: "Put It Right" }).first().click();
    await expect(page.locator("main h1")).toHaveText(
      welsh("Make a complaint, a compliment or a comment about your home"),
    );
    await expectNoA11yViolations(page);

    await page.reload();
    await expect(html(page)).toHaveAttribute("lang", "cy");
    await expect(page.locator("main h1")).toHaveText(
      welsh("Make a complaint, a compliment or a comment about your home"),
    );

    // Every page offers the way back to English, in English.
    await page.getByRole("banner").getByRole("button", { name: "English" }).click();
    await expect(html(page)).toHaveAttribute("lang", "en-GB");
    await expect(page.locator("main h1")).toHaveText("Make a complaint, a compliment or a comment about your home");
    await expect(page.getByRole("banner").getByRole("button", { name: "English" })).toHaveCount(0);
    await page.reload();
    await expect(page.locator("main h1")).toHaveText("Make a complaint, a compliment or a comment about your home");
  });

  test("the start page lists every language in its own words, and choosing one applies it", async ({ page }) => {
    await open(page, "/");
    const languages = page.getByRole("navigation", { name: "Languages" });
    await expect(languages.getByRole("button")).toHaveText([
      "العربية", "বাংলা", "Polski", "Português", "ਪੰਜਾਬੀ", "Română", "Soomaali", "اردو", "Cymraeg",
    ]);
    await expect(languages.getByRole("button", { name: "Polski" })).toHaveAttribute("lang", "pl");
    await languages.getByRole("button", { name: "Polski" }).click();
    await expect(html(page)).toHaveAttribute("lang", "pl");
    await expect(page.locator("main h1")).toHaveText(
      polish("Make a complaint, a compliment or a comment about your home"),
    );
    // Now English is among the choices, and Polish is not.
    const now = page.getByRole("navigation", { name: polish("Languages") });
    await expect(now.getByRole("button", { name: "English" })).toHaveAttribute("lang", "en-GB");
    await expect(now.getByRole("button", { name: "Polski" })).toHaveCount(0);
    await expectNoA11yViolations(page);
  });

  test("Arabic reads from right to left and passes an accessibility scan", async ({ page }) => {
    await deviceLanguage(page, "ar");
    await open(page, "/");
    await expect(html(page)).toHaveAttribute("lang", "ar");
    await expect(html(page)).toHaveAttribute("dir", "rtl");
    await expect(page.locator("main h1")).toHaveText(
      arabic("Make a complaint, a compliment or a comment about your home"),
    );
    await expectNoA11yViolations(page);
    // Nothing runs off the side of a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("a resident whose account is in Polish reads their questions, errors and dates in Polish", async ({ page }) => {
    await registerAs(page);
    await accountLanguage(page, "pl");
    const { id } = await raiseComplaintByApi(page);

    await open(page, "/complaints/new");
    await expect(html(page)).toHaveAttribute("lang", "pl");
    await expect(page.locator("main h1")).toHaveText(polish("What is your complaint about?"));
    // Continue without an answer: the domain's message, in Polish.
    await page.locator("main form button[type=submit]").click();
    const summary = page.getByRole("alert");
    await expect(summary.getByRole("heading")).toHaveText(polish("There is a problem"));
    await expect(summary.getByRole("link")).toHaveText(polish("Select what your complaint is about"));
    await expect(page).toHaveTitle(new RegExp(`^${polish("Error: ").trim()}`));
    await expectNoA11yViolations(page);

    await open(page, `/cases/${id}`);
    const main = page.locator("main");
    await expect(main).toContainText(polish("December"));
    await expect(main).not.toContainText(ENGLISH_MONTHS);
    await expectNoA11yViolations(page);
  });

  test("a language the pages have no words for keeps them in English", async ({ page }) => {
    await deviceLanguage(page, "fr");
    await open(page, "/settings");
    await expect(html(page)).toHaveAttribute("lang", "en-GB");
    await expect(page.locator("main h1")).toHaveText("Settings");
    await expect(page.locator("select#language")).toHaveValue("fr");
  });

  test("if the words cannot be fetched the pages stay usable in English, and choosing again works", async ({ page }) => {
    await page.route("**/public/locales/cy.json", (route) => route.abort("internetdisconnected"));
    await open(page, "/settings");
    await page.locator("select#language").selectOption("cy");
    await expect(page.locator("select#language")).toHaveValue("cy");
    await expect(page.locator("main h1")).toHaveText("Settings");
    await expect(html(page)).toHaveAttribute("lang", "en-GB");

    await page.unroute("**/public/locales/cy.json");
    await page.locator("select#language").selectOption("en");
    await page.locator("select#language").selectOption("cy");
    await expect(page.locator("main h1")).toHaveText(welsh("Settings"));
    await expect(html(page)).toHaveAttribute("lang", "cy");
  });
});
