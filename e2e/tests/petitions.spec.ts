import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { DEMO, open, registerAs, signInAs } from "./fixtures/app";
import { OwnServer, startOwnServer } from "./fixtures/own_server";

// Plus Dane §20: "A petition will be considered when ten or more people
// jointly complain about the same issue or concern. ... We will ask the group
// to nominate a spokesperson or key point of contact and all subsequent
// contact and correspondence will be managed via the nominated spokesperson."
// A server of its own, under Plus Dane's policy.
const port = Number(process.env.E2E_PORT ?? 8181) + 13;

test.describe("a petition under Plus Dane's policy", () => {
  let server: OwnServer;
  const url = `http://127.0.0.1:${port}`;
  test.use({ baseURL: url });

  test.beforeAll(async ({}, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "staff work at a desk");
    server = await startOwnServer("plus-dane-2024", port);
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("staff record ten people's complaint for its spokesperson; a neighbour who signed follows it and cannot act on it", async ({ page, browser }) => {
    const sadia = await registerAs(page, "resident", "Sadia Spokesperson");
    const neighbourContext = await browser.newContext({ baseURL: url });
    const neighbourPage = await neighbourContext.newPage();
    const nia = await registerAs(neighbourPage, "resident", "Nia Neighbour");

    const staffContext = await browser.newContext({ baseURL: url });
    const staff = await staffContext.newPage();
    await signInAs(staff, DEMO.staff.email, DEMO.staff.password, DEMO.staff.totpSecret);
    const today: string = (await (await staff.request.get("/api/v1/health")).json()).today;
    await open(staff, "/staff/new-case");
    await staff.getByLabel("A resident with an account").check();
    await staff.getByLabel("Name, email address, telephone number or case reference").fill(sadia.email);
    await staff.getByRole("button", { name: "Search" }).click();
    await staff.getByRole("group", { name: "Select the resident" }).getByRole("radio").first().check();
    await staff.getByRole("group", { name: "How did it reach us?" }).getByLabel("Letter").check();
    await staff.getByLabel("The day it reached us (today or earlier)").fill(today);
    await staff.getByLabel("A complaint").check();
    await staff.getByRole("group", { name: "What is it about?" }).getByRole("radio").first().check();
    await staff.getByLabel(/What they told us/).fill("The lift in Harbour Court has been broken for six weeks.");
    await staff.getByLabel("When the problem started").fill(today);
    await staff.getByLabel(/What they would like us to do/).fill("Mend the lift and say when.");
    await staff.getByLabel("10 or more people made this complaint together (a petition)").check();
    const signed = staff.getByLabel("Everyone else who signed it");

    // A line without its comma is found before anything is sent.
    await signed.fill("Ann Lee, ann@example.org\nBen Jones ben@example.org");
    await staff.getByRole("button", { name: "Record it" }).click();
    await expect(staff.locator(".app-error-summary")).toContainText("Line 2: put a comma between the person's name and their email address");

    // Eight others and the spokesperson are nine: the server says how many it takes.
    const eight = Array.from({ length: 8 }, (_, i) => `Neighbour ${i + 1}, neighbour${i + 1}-${Date.now()}@example.org`);
    await signed.fill(eight.join("\n"));
    await staff.getByRole("button", { name: "Record it" }).click();
    await expect(staff.locator(".app-error-summary")).toContainText("A petition needs at least 10 people: the spokesperson and 9 others");
    await expectNoA11yViolations(staff);

    await signed.fill([...eight, `Nia Neighbour, ${nia.email}`].join("\n"));
    await staff.getByRole("button", { name: "Record it" }).click();
    await expect(staff).toHaveURL(/\/staff\/cases\//);
    const caseId = staff.url().split("/").pop()!;
    const petition = staff.getByTestId("petition");
    await expect(petition).toContainText("A petition signed by 10 people. Sadia Spokesperson is the spokesperson: every message goes to them alone");
    await petition.getByText("Who signed it").click();
    await expect(staff.getByTestId("signatories").getByRole("listitem")).toHaveCount(9);
    await expect(staff.getByTestId("signatories")).toContainText(`Nia Neighbour (${nia.email})`);
    await expectNoA11yViolations(staff);
    await staffContext.close();

    // The spokesperson's own page.
    await open(page, `/cases/${caseId}`);
    await expect(page.getByTestId("petition")).toContainText("This complaint is a petition. People who signed it: 10.");
    await expect(page.getByTestId("petition")).toContainText("You are its spokesperson");
    await expect(page.getByRole("link", { name: "Add information" })).toBeVisible();

    // Nia follows it from her list, and is offered nothing to do on it.
    await open(neighbourPage, "/cases");
    await expect(neighbourPage.getByTestId("you-signed")).toHaveText("A petition you signed");
    await neighbourPage.locator(`a[href="/cases/${caseId}"]`).click();
    await expect(neighbourPage.getByTestId("petition")).toContainText("Sadia Spokesperson is its spokesperson: we write to them, and only they can act on it.");
    await expect(neighbourPage.getByTestId("case-status")).toBeVisible();
    await expect(neighbourPage.getByRole("link", { name: "Add information" })).toHaveCount(0);
    // It is the spokesperson's complaint, not hers: "What we were told", not "What you told us".
    await expect(neighbourPage.getByRole("heading", { name: "What we were told" })).toBeVisible();
    await expect(neighbourPage.getByRole("heading", { name: "What you told us" })).toHaveCount(0);
    await expectNoA11yViolations(neighbourPage);
    await neighbourContext.close();
  });
});
