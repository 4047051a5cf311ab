import { expect, test, type Page } from "@playwright/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { DEMO, open, raiseComplaintByApi, registerAs, signInAs } from "./fixtures/app";

/** The page's one heading. */
function heading(page: Page) {
  return page.getByRole("heading", { level: 1 });
}

async function expectOfflinePage(page: Page): Promise<void> {
  await expect(heading(page)).toHaveText("You seem to be offline");
  await expect(heading(page)).toHaveCount(1);
  await expect(page).toHaveTitle("You seem to be offline – Put It Right");
  await expect(page.getByText("Check your internet connection (Wi-Fi or mobile data), then try again.")).toBeVisible();
  await expect(page.getByText("Nothing you have typed has been lost. Your answers are saved on this device.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await expectNoA11yViolations(page);
}

async function expectServerErrorPage(page: Page): Promise<void> {
  await expect(heading(page)).toHaveText("Sorry, there is a problem with the service");
  await expect(heading(page)).toHaveCount(1);
  await expect(page).toHaveTitle("Sorry, there is a problem with the service – Put It Right");
  await expect(page.getByText("Try again later.")).toBeVisible();
  await expect(page.getByText(/Your answers are saved on this device/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Other ways to contact your housing provider" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await expectNoA11yViolations(page);
}

test.describe("a page that cannot load its data", () => {
  test("the case list after a lost connection says so, and Try again loads the list", async ({ page }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    await page.route("**/api/v1/cases", (route) => route.abort("internetdisconnected"));
    await page.goto("/cases");
    await expectOfflinePage(page);

    await page.unroute("**/api/v1/cases");
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(heading(page)).toHaveText("Your complaints, compliments and comments");
    await expect(page.getByRole("listitem").filter({ hasText: complaint.reference })).toBeVisible();
    await expect(page).toHaveTitle("Your complaints, compliments and comments – Put It Right");
  });

  test("a case page after a server error says sorry, and Try again shows the case", async ({ page }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    const casePath = `**/api/v1/cases/${complaint.id}`;
    let asked = 0;
    await page.route(casePath, (route) => {
      asked += 1;
      return route.fulfill({ status: 500, contentType: "application/json", body: '{"errors":[{"field":"","message":"internal error"}]}' });
    });
    await page.goto(`/cases/${complaint.id}`);
    await expectServerErrorPage(page);
    await expect(page.getByText("internal error")).toHaveCount(0);

    // Trying again while the server still fails asks again and keeps the friendly page, ready to try once more.
    const before = asked;
    await page.getByRole("button", { name: "Try again" }).click();
    await expect.poll(() => asked).toBe(before + 1);
    await expect(page.getByRole("status").filter({ hasText: "Trying again…" })).toHaveCount(0);
    await expectServerErrorPage(page);

    await page.unroute(casePath);
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(heading(page)).toContainText("Complaint about");
    await expect(page.getByText(`Reference ${complaint.reference}`)).toBeVisible();
  });

  test("the staff queue after a 503 says sorry, and Try again shows the queue", async ({ page }) => {
    await signInAs(page, DEMO.staff.email, DEMO.staff.password);
    await page.route("**/api/v1/staff/cases*", (route) => route.fulfill({ status: 503, body: "" }));
    await page.goto("/staff");
    await expectServerErrorPage(page);

    await page.unroute("**/api/v1/staff/cases*");
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(heading(page)).toHaveText("Case queue");
    await expect(page.getByTestId("queue")).toBeVisible();
  });

  test("when nobody can tell who is signed in, settings and the case list say so instead of asking to sign in", async ({ page }) => {
    await registerAs(page);
    await page.route("**/api/v1/session", (route) => route.abort("internetdisconnected"));
    await page.goto("/cases");
    await expectOfflinePage(page);
    await expect(page).toHaveURL(/\/cases$/);

    await page.goto("/settings");
    await expectOfflinePage(page);

    await page.unroute("**/api/v1/session");
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(heading(page)).toHaveText("Settings");
    // Signed in: the account's own contact settings, not the signed-out text.
    await expect(page.getByRole("group", { name: "How should we contact you?" })).toBeVisible();
    await expect(page.getByTestId("contact-needs-account")).toHaveCount(0);
    await open(page, "/cases");
    await expect(heading(page)).toHaveText("Your complaints, compliments and comments");
  });
});
