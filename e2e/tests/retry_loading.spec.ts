import { expect, test, type Page } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { DEMO, open, raiseComplaintByApi, registerAs, signInAs } from "./fixtures/app";

/** The smallest real PDF the server's content check accepts. */
const SIGNED_FORM_PDF = Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

/** A resident's name no other test or run uses (the e2e server keeps its data). */
function uniqueResidentName(): string {
  const letters = `${Date.now()}${Math.floor(Math.random() * 1000)}`
    .slice(-8)
    .split("")
    .map((d) => "abcdefghij"[Number(d)])
    .join("");
  return `Nora Problem${letters.charAt(0).toUpperCase()}${letters.slice(1)}`;
}

/**
 * Sends a resident's signed authorisation form through the API as the advocate
 * the page is signed in as; it waits for a caseworker, and the advocate can
 * already complain under it. Returns its id.
 */
async function fileSignedFormByApi(page: Page, residentName: string): Promise<string> {
  const response = await page.request.post("/api/v1/authorisations", {
    data: {
      resident_name: residentName,
      resident_address: "1 High Street, Oldtown, OT1 1AA",
      relationship: "support_worker",
      scope: ["view_cases", "raise_complaints"],
      evidence: {
        filename: "signed-form.pdf",
        content_type: "application/pdf",
        data_base64: SIGNED_FORM_PDF.toString("base64"),
      },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id;
}

/** Answers a request with a server error, as a failing server would. */
const SERVER_ERROR = { status: 500, contentType: "application/json", body: '{"errors":[{"field":"","message":"internal error"}]}' };

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

test.describe("the pages for advocates, caseworkers and people acting for a resident, when they cannot load", () => {
  test("the advocate's home after a lost connection says so, and Try again shows the residents they act for", async ({ page }) => {
    await registerAs(page, "advocate", "Adam Advocate");
    const resident = uniqueResidentName();
    await fileSignedFormByApi(page, resident);
    await page.route("**/api/v1/advocate/residents", (route) => route.abort("internetdisconnected"));
    await page.goto("/advocate");
    await expectOfflinePage(page);
    await expect(page.getByRole("heading", { name: "Residents you act for" })).toHaveCount(0);

    await page.unroute("**/api/v1/advocate/residents");
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(heading(page)).toHaveText("People you help");
    await expect(page).toHaveTitle("People you help – Put It Right");
    await expect(page.getByTestId("residents").locator(":scope > li").filter({ hasText: resident })).toBeVisible();
    await expect(page.getByTestId("service-problem")).toHaveCount(0);
  });

  test("a complaint for a resident, after a server error loading the policy, says sorry, and Try again shows the form", async ({ page }) => {
    await registerAs(page, "advocate", "Adam Advocate");
    const resident = uniqueResidentName();
    const id = await fileSignedFormByApi(page, resident);
    await page.route("**/api/v1/policies/active", (route) => route.fulfill(SERVER_ERROR));
    await page.goto(`/advocate/complaints/new?for=${id}`);
    await expectServerErrorPage(page);
    await expect(page.getByText("internal error")).toHaveCount(0);

    await page.unroute("**/api/v1/policies/active");
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(heading(page)).toHaveText(`Make a complaint for ${resident}`);
    await expect(page.getByRole("group", { name: "What is the complaint about?" })).toBeVisible();
  });

  test("sending a signed form after a lost connection says so, and Try again shows the form", async ({ page }) => {
    await registerAs(page, "advocate", "Adam Advocate");
    await page.route("**/api/v1/health", (route) => route.abort("internetdisconnected"));
    await page.goto("/advocate/residents/new");
    await expectOfflinePage(page);

    await page.unroute("**/api/v1/health");
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(heading(page)).toHaveText("Act for someone who cannot use this service");
    await expect(page.getByLabel("Their full name")).toBeVisible();
    // The end date is filled in from the server's today, so that answer arrived.
    await expect(page.getByLabel("Year")).toHaveValue(/^20\d\d$/);
  });

  test("the forms to check after a server error say sorry, and Try again shows the forms", async ({ page, browser }) => {
    const advocateContext = await browser.newContext();
    const advocatePage = await advocateContext.newPage();
    await registerAs(advocatePage, "advocate", "Adam Advocate");
    const resident = uniqueResidentName();
    await fileSignedFormByApi(advocatePage, resident);
    await advocateContext.close();

    await signInAs(page, DEMO.staff.email, DEMO.staff.password);
    await page.route("**/api/v1/authorisations", (route) => route.fulfill(SERVER_ERROR));
    await page.goto("/staff/authorisations");
    await expectServerErrorPage(page);

    await page.unroute("**/api/v1/authorisations");
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(heading(page)).toHaveText("Authorisation forms to check");
    await expect(page.getByTestId("authorisation-forms").locator(":scope > li").filter({ hasText: resident })).toBeVisible();
  });

  test("a resident's list of who can act for them after a 503 says sorry, and Try again shows the list", async ({ page }) => {
    await registerAs(page);
    const invited = await page.request.post("/api/v1/authorisations", {
      data: { advocate_email: DEMO.advocate.email, relationship: "relative", scope: ["view_cases"] },
    });
    expect(invited.status(), await invited.text()).toBe(201);
    await page.route("**/api/v1/authorisations", (route) => route.fulfill({ status: 503, body: "" }));
    await page.goto("/authorisations");
    await expectServerErrorPage(page);
    await expect(page.getByRole("button", { name: "Let someone act for you" })).toHaveCount(0);

    await page.unroute("**/api/v1/authorisations");
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(heading(page)).toHaveText("People who can act for you");
    const card = page.getByTestId("authorisations").locator(":scope > li").filter({ hasText: DEMO.advocate.email });
    await expect(card).toContainText("Waiting to be accepted");
  });

  test("inviting someone after a lost connection says so, and Try again shows the invitation", async ({ page }) => {
    await registerAs(page);
    await page.route("**/api/v1/health", (route) => route.abort("internetdisconnected"));
    await page.goto("/authorisations/new");
    await expectOfflinePage(page);

    await page.unroute("**/api/v1/health");
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(heading(page)).toHaveText("Let someone act for you");
    await expect(page.getByLabel("Their email address")).toBeVisible();
  });
});

test.describe("the pages that still help when the policy cannot load", () => {
  /** The problem, in a box where the policy's details would be: an h2 under the page's own one h1. */
  function problemBox(page: Page) {
    return page.getByTestId("service-problem");
  }

  test("the Ombudsman page after a server error keeps the Ombudsman's details and says sorry; Try again shows the policy's guidance", async ({ page }) => {
    await page.route("**/api/v1/policies/active", (route) => route.fulfill(SERVER_ERROR));
    await page.goto("/ombudsman");
    await expect(heading(page)).toHaveText("The Housing Ombudsman");
    await expect(heading(page)).toHaveCount(1);
    await expect(page).toHaveTitle("The Housing Ombudsman – Put It Right");
    await expect(problemBox(page).getByRole("heading", { level: 2 })).toHaveText("Sorry, there is a problem with the service");
    await expect(problemBox(page)).toContainText("We cannot show what your housing provider's complaints policy says about the Ombudsman");
    await expect(problemBox(page)).toContainText("Try again later.");
    // In a live region, so a screen reader hears it.
    await expect(page.getByRole("status").filter({ has: problemBox(page) })).toBeVisible();
    await expect(problemBox(page).getByRole("button", { name: "Try again" })).toBeVisible();
    await expect(page.getByText("internal error")).toHaveCount(0);
    // What is true anyway is still there: how to reach the Ombudsman.
    await expect(page.getByTestId("ombudsman-contact").getByRole("link", { name: "0300 111 3000" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "While your complaint is with your landlord" })).toHaveCount(0);
    await expectNoA11yViolations(page);

    await page.unroute("**/api/v1/policies/active");
    await problemBox(page).getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { name: "While your complaint is with your landlord" })).toBeVisible();
    await expect(problemBox(page)).toHaveCount(0);
    await expect(heading(page)).toHaveText("The Housing Ombudsman");
  });

  test("the start page after a lost connection keeps its ways in and says so; Try again shows the policy", async ({ page }) => {
    await page.route("**/api/v1/policies/active", (route) => route.abort("internetdisconnected"));
    await page.goto("/");
    await expect(heading(page)).toHaveText("Make a complaint, a compliment or a comment about your home");
    await expect(heading(page)).toHaveCount(1);
    await expect(problemBox(page).getByRole("heading", { level: 2 })).toHaveText("You seem to be offline");
    await expect(problemBox(page)).toContainText("We cannot show the details of your housing provider's complaints policy");
    await expect(problemBox(page)).toContainText("Check your internet connection (Wi-Fi or mobile data), then try again.");
    await expect(page.getByRole("status").filter({ has: problemBox(page) })).toBeVisible();
    // The front door stays open: the ways in, and the other ways to complain.
    await expect(page.getByRole("button", { name: "Create an account" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
    await expect(page.getByTestId("other-ways")).toContainText("your tenancy agreement");
    await expect(page.getByTestId("policy-summary")).toHaveCount(0);
    await expectNoA11yViolations(page);

    await page.unroute("**/api/v1/policies/active");
    await problemBox(page).getByRole("button", { name: "Try again" }).click();
    await expect(page.getByTestId("policy-summary")).toContainText("acknowledge your complaint within 5 working days");
    await expect(page.getByTestId("landlord")).toContainText("Complaint Handling Code");
    await expect(problemBox(page)).toHaveCount(0);
  });
});
