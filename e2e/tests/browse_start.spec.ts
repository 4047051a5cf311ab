import { expect, test, type Page } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { open, registerAs } from "./fixtures/app";

/** Serves another of the real server's presets as the active policy. */
async function withActivePolicy(page: Page, id: string): Promise<void> {
  await page.route("**/api/v1/policies/active", async (route) => {
    const response = await page.request.get(`/api/v1/policies/${id}`);
    expect(response.status()).toBe(200);
    await route.fulfill({ response });
  });
}

test.describe("browsing the start page", () => {
  test("the start page explains the active policy: what is not a complaint, the time limit and other ways in", async ({ page }) => {
    await open(page, "/");
    await expect(page.getByTestId("landlord")).toContainText("Complaint Handling Code");
    await expect(page.getByTestId("policy-summary")).toContainText("acknowledge your complaint within 5 working days");
    const exclusions = page.getByTestId("exclusions");
    await expect(exclusions.getByRole("listitem")).toHaveCount(3);
    await expect(exclusions).toContainText("A repair or a request for a service");
    await expect(exclusions).toContainText("Something already before a court");
    await expect(page.getByTestId("time-limit")).toContainText(
      "Complain within 12 months of the problem happening, or of you finding out about it.",
    );
    // The Code names no contact details of its own: say where to find them.
    await expect(page.getByTestId("other-ways")).toContainText("your tenancy agreement");
    await expect(page.getByRole("button", { name: "Create an account" })).toHaveAttribute("href", "/create-account");
    await expectNoA11yViolations(page);
  });

  test("a first visit asks the server who is signed in and gets an answer, not an error the browser logs", async ({ page }) => {
    const failed: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    const session = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/session");
    await open(page, "/");
    expect((await session).status()).toBe(200);
    await expect(page.getByRole("button", { name: "Create an account" })).toBeVisible();
    expect(failed, "no request of a first visit fails").toEqual([]);
    expect(errors, "nothing is logged as an error").toEqual([]);
  });

  test("a landlord's own policy gives its name, its contact details and its time limit", async ({ page }) => {
    await withActivePolicy(page, "plus-dane-2024");
    await open(page, "/");
    await expect(page.getByTestId("landlord")).toContainText("Plus Dane");
    const ways = page.getByTestId("other-ways");
    await expect(ways.getByRole("link", { name: "0800 169 2988" })).toHaveAttribute("href", "tel:08001692988");
    await expect(ways.getByRole("link", { name: "complaints@plusdane.co.uk" })).toHaveAttribute(
      "href",
      "mailto:complaints@plusdane.co.uk",
    );
    await expect(page.getByTestId("time-limit")).toContainText("Complain within 12 months of the problem happening.");
    await expectNoA11yViolations(page);
  });

  test("a time limit with exceptions lists them", async ({ page }) => {
    await withActivePolicy(page, "pivotal-2021");
    await open(page, "/");
    await expect(page.getByTestId("time-limit")).toContainText("Complain within 6 months");
    await expect(page.getByRole("main")).toContainText("It is about safeguarding");
    await expectNoA11yViolations(page);
  });

  test("signed in, the start page offers to make a complaint and passes a scan", async ({ page }) => {
    await registerAs(page);
    await open(page, "/");
    await expect(page.getByRole("button", { name: "Make a complaint" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Change the text size/ })).toHaveAttribute("href", "/settings");
    await expectNoA11yViolations(page);
  });
});
