import { expect, test, type Page } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { open } from "./fixtures/app";

/** Serves another of the real server's presets as the active policy. */
async function withActivePolicy(page: Page, id: string): Promise<void> {
  await page.route("**/api/v1/policies/active", async (route) => {
    const response = await page.request.get(`/api/v1/policies/${id}`);
    expect(response.status()).toBe(200);
    await route.fulfill({ response });
  });
}

test.describe("reading the Housing Ombudsman guidance", () => {
  test("the guidance page says what the Ombudsman does, when it can investigate and how to reach it", async ({ page }) => {
    await open(page, "/ombudsman");
    await expect(page).toHaveTitle(/^The Housing Ombudsman – Put It Right/);
    await expect(page.locator("h1")).toHaveCount(1);
    const main = page.getByRole("main");
    await expect(main).toContainText("free advice at any time");
    await expect(main).toContainText("after your landlord has given its final response");
    await expect(main).toContainText("complaints process has stalled");
    await expect(main).toContainText("within 12 months of your landlord's final response");
    await expect(main).toContainText("Public Services Ombudsman for Wales");

    const contact = page.getByTestId("ombudsman-contact");
    await expect(contact.getByRole("link", { name: "0300 111 3000" })).toHaveAttribute("href", "tel:03001113000");
    await expect(contact.getByRole("link", { name: "www.housing-ombudsman.org.uk" })).toHaveAttribute(
      "href",
      "https://www.housing-ombudsman.org.uk",
    );
    await expect(contact).toContainText("PO Box 1484, Unit D, Preston PR2 0ET");

    // The Code's own guidance, by stage; nothing about the old route it never had.
    await expect(page.getByRole("heading", { name: "While your complaint is with your landlord" })).toBeVisible();
    await expect(main).toContainText("It can contact your landlord and ask it to respond.");
    await expect(page.getByTestId("designated-person")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: /Leaseholders/ })).toHaveCount(0);
    await expectNoA11yViolations(page);
  });

  test("a policy that still names the designated person is corrected plainly, and leaseholders are pointed to the tribunal", async ({ page }) => {
    await withActivePolicy(page, "policy-2022");
    await open(page, "/ombudsman");
    await expect(page.getByRole("heading", { name: /no longer need a 'designated person'/ })).toBeVisible();
    await expect(page.getByTestId("designated-person")).toContainText("Both ended on 1 October 2022");
    await expect(page.getByRole("heading", { name: /Leaseholders and shared owners/ })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("First-tier Tribunal (Property Chamber)");
    await expectNoA11yViolations(page);
  });

  test("the guidance page is reached from the start page and the footer's help", async ({ page }) => {
    await open(page, "/");
    await page.getByRole("link", { name: /Find out what the Housing Ombudsman does/ }).click();
    await expect(page.locator("h1")).toHaveText("The Housing Ombudsman");
  });

  test("at 320 pixels wide nothing scrolls sideways", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ["/ombudsman", "/settings", "/"]) {
      await open(page, path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
