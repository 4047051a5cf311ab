// Staff and admins sign in with a second factor (issue 13, finding 11): a new
// caseworker sets up an authenticator app on their first sign-in and saves
// their recovery codes; later they sign in with a code, or a recovery code
// (once). The demo caseworker uses the demo's published key.
import { execFileSync } from "node:child_process";
import * as os from "node:os";
import * as path from "node:path";
import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { currentStep, DEMO, freshCode, open, PASSWORD, totp, uniqueEmail } from "./fixtures/app";
import type { Page } from "@playwright/test";

const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(os.homedir(), ".cache", "put-it-right", "target");
const serverBin = process.env.SERVER_BIN ?? path.join(targetDir, "release", "server");

/** `server user add --role staff`, as an admin would, on the default server's database. */
function addStaff(email: string): void {
  const dataDir = process.env.E2E_DATA_DIR;
  expect(dataDir, "playwright.config.ts exports E2E_DATA_DIR").toBeDefined();
  execFileSync(
    serverBin,
    ["--database-url", `sqlite://${dataDir}/code-2024.sqlite`, "user", "add", "--role", "staff", "--email", email, "--name", "Nia Newstaff"],
    { env: { ...process.env, PORTAL_PASSWORD: PASSWORD }, stdio: "pipe" },
  );
}

async function enterPassword(page: Page, email: string, password = PASSWORD): Promise<void> {
  await open(page, "/staff");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fstaff$/);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("a new caseworker", () => {
  test("sets up an authenticator app, saves the recovery codes, then signs in with a code or a recovery code once", async ({ page }) => {
    const email = uniqueEmail("staff");
    addStaff(email);

    await enterPassword(page, email);
    await expect(page).toHaveURL(/\/sign-in\/set-up-authenticator-app\?next=%2Fstaff$/);
    await expect(page.locator("main h1")).toHaveText("Set up your authenticator app");
    await expect(page.locator("main [lang='en-GB']")).toBeVisible();
    await expect(page.getByRole("img", { name: "QR code of your key, for your authenticator app" })).toBeVisible();
    // The key in groups of four, to type into an app.
    const shown = (await page.getByTestId("authenticator-key").textContent()) ?? "";
    expect(shown).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const secret = shown.replace(/ /g, "");
    await expectNoA11yViolations(page);

    // A code is needed, and a wrong one is refused.
    const code = page.getByLabel("Code from your authenticator app");
    await expect(code).toHaveAttribute("inputmode", "numeric");
    await expect(code).toHaveAttribute("autocomplete", "one-time-code");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert")).toContainText("Enter the code from your authenticator app");
    await expect(page).toHaveTitle(/^Error: /);
    await expectNoA11yViolations(page);
    const right = totp(secret, currentStep());
    const wrong = right === "000000" ? "111111" : "000000";
    await code.fill(wrong);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert")).toContainText("The code is not right");

    await code.fill(totp(secret, currentStep()));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.locator("main h1")).toHaveText("Save your recovery codes");
    const codes = await page.getByTestId("recovery-codes").locator("li").allTextContents();
    expect(codes).toHaveLength(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    await expectNoA11yViolations(page);
    await page.getByRole("button", { name: "I have saved my codes" }).click();
    await expect(page).toHaveURL(/\/staff$/);
    await expect(page.locator("main h1")).toBeVisible();

    // Next time: the password, then a code from the app.
    await page.request.delete("/api/v1/session");
    await enterPassword(page, email);
    await expect(page).toHaveURL(/\/sign-in\/authenticator-code\?next=%2Fstaff$/);
    const heading = page.locator("main h1");
    await expect(heading).toHaveText("Enter the code from your authenticator app");
    const field = page.getByLabel("Enter the code from your authenticator app");
    await expect(field).toHaveAttribute("inputmode", "numeric");
    await expect(field).toHaveAttribute("autocomplete", "one-time-code");
    await expectNoA11yViolations(page);

    // Or a recovery code instead.
    await page.getByRole("link", { name: "Use a recovery code instead" }).click();
    await expect(heading).toHaveText("Enter a recovery code");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert")).toContainText("Enter a recovery code");
    await expectNoA11yViolations(page);
    await page.getByLabel("Enter a recovery code").fill(codes[0].toUpperCase());
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/staff$/);

    // That recovery code is used up.
    await page.request.delete("/api/v1/session");
    await enterPassword(page, email);
    await page.getByRole("link", { name: "Use a recovery code instead" }).click();
    await page.getByLabel("Enter a recovery code").fill(codes[0]);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert")).toContainText("The recovery code is not right, or has already been used");
    // The app's code still works (a step the set-up did not use).
    await page.getByRole("link", { name: "Use your authenticator app instead" }).click();
    await page.getByLabel("Enter the code from your authenticator app").fill(totp(secret, currentStep() + 1));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/staff$/);
  });
});

test.describe("the second step", () => {
  test("tells someone whose password step is missing or over to sign in again", async ({ page }) => {
    await open(page, "/sign-in/authenticator-code");
    await page.getByLabel("Enter the code from your authenticator app").fill("123456");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.locator("main h1")).toHaveText("Your sign-in has timed out");
    await expectNoA11yViolations(page);
    await page.getByRole("link", { name: "Sign in again" }).click();
    await expect(page.locator("main h1")).toHaveText("Sign in");
  });

  test("signs the demo caseworker in with a code from the demo key", async ({ page, baseURL }) => {
    await enterPassword(page, DEMO.staff.email, DEMO.staff.password);
    await expect(page).toHaveURL(/\/sign-in\/authenticator-code/);
    // A staff account's password alone opens nothing.
    expect((await page.request.get("/api/v1/staff/cases")).status()).toBe(401);
    await page.getByLabel("Enter the code from your authenticator app").fill(await freshCode(baseURL!, DEMO.staff.email, DEMO.staff.totpSecret));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/staff$/);
    expect((await page.request.get("/api/v1/staff/cases")).status()).toBe(200);
  });
});

test.describe("a caseworker's account page", () => {
  test("shows how many recovery codes are left, makes new ones after the password, shows them once, and the count starts again", async ({ page, baseURL }) => {
    const email = uniqueEmail("staff");
    addStaff(email);
    // Set up an app through the API, as the set-up page does.
    const passwordStep = await page.request.post("/api/v1/session", { data: { email, password: PASSWORD } });
    expect(passwordStep.status(), await passwordStep.text()).toBe(202);
    const key = await page.request.post("/api/v1/session/second-factor/setup", { data: {} });
    expect(key.status(), await key.text()).toBe(200);
    const secret: string = (await key.json()).secret;
    const confirmed = await page.request.post("/api/v1/session/second-factor/setup/confirmation", {
      data: { code: await freshCode(baseURL!, email, secret) },
    });
    expect(confirmed.status(), await confirmed.text()).toBe(200);
    const oldCodes: string[] = (await confirmed.json()).recovery_codes;
    // Sign in again with one of them, so one is used.
    await page.request.delete("/api/v1/session");
    expect((await page.request.post("/api/v1/session", { data: { email, password: PASSWORD } })).status()).toBe(202);
    const withCode = await page.request.post("/api/v1/session/second-factor", { data: { code: oldCodes[0], kind: "recovery_code" } });
    expect(withCode.status(), await withCode.text()).toBe(200);

    await open(page, "/account");
    const section = page.getByTestId("recovery-codes-section");
    await expect(section.getByRole("heading", { name: "Recovery codes" })).toBeVisible();
    await expect(section.getByTestId("recovery-codes-left")).toHaveText("You have 9 recovery codes left.");
    await expect(section.getByTestId("recovery-codes")).toHaveCount(0);
    await expectNoA11yViolations(page);

    // The password is asked for, and a wrong one makes nothing.
    const make = section.getByRole("button", { name: "Make new recovery codes" });
    await make.click();
    await expect(page.getByRole("alert")).toContainText("Enter your password");
    const password = section.getByLabel("Enter your password to make new codes");
    await password.fill("not my password at all");
    await make.click();
    await expect(page.getByRole("alert")).toContainText("Your password is not right");
    await expect(section.getByTestId("recovery-codes-left")).toHaveText("You have 9 recovery codes left.");
    await expectNoA11yViolations(page);

    await password.fill(PASSWORD);
    await make.click();
    await expect(section.getByRole("status").filter({ hasText: "These are your new recovery codes" })).toHaveText(
      "These are your new recovery codes. Your old ones no longer work. Each code works once.",
    );
    const newCodes = await section.getByTestId("recovery-codes").locator("li").allTextContents();
    expect(newCodes).toHaveLength(10);
    for (const c of newCodes) {
      expect(c).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
      expect(oldCodes).not.toContain(c);
    }
    await expect(section.getByTestId("recovery-codes-left")).toHaveText("You have 10 recovery codes left.");
    await expectNoA11yViolations(page);

    // Shown once: after a reload only the count.
    await page.reload();
    await expect(section.getByTestId("recovery-codes-left")).toHaveText("You have 10 recovery codes left.");
    await expect(section.getByTestId("recovery-codes")).toHaveCount(0);
    await expect(section.getByRole("button", { name: "Make new recovery codes" })).toBeVisible();

    // The owner is told at their address.
    const mail = await (await page.request.get(`/api/v1/test/messages?to=${encodeURIComponent(email)}`)).json();
    expect(mail.map((m: { subject: string }) => m.subject)).toContain("New recovery codes were made for your account");

    // The old codes no longer work; a new one does.
    await page.request.delete("/api/v1/session");
    expect((await page.request.post("/api/v1/session", { data: { email, password: PASSWORD } })).status()).toBe(202);
    const old = await page.request.post("/api/v1/session/second-factor", { data: { code: oldCodes[1], kind: "recovery_code" } });
    expect(old.status()).toBe(422);
    const fresh = await page.request.post("/api/v1/session/second-factor", { data: { code: newCodes[0], kind: "recovery_code" } });
    expect(fresh.status(), await fresh.text()).toBe(200);
  });
});
