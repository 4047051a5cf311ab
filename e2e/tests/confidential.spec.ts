import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { DEMO, open, registerAs, signInAs } from "./fixtures/app";
import { RaiseComplaint } from "./fixtures/complaint";

// Issue 16, item 7: a resident asks that only the complaints team knows who
// made a complaint. Staff outside the team (the demo's Robin Repairs) see the
// case and can act on it, without the resident's name. The staff part is at
// a desk, so the desktop run is enough.

test("a resident asks for confidentiality; the complaints team sees who she is, and the manager it is passed to sees the case without her name", async ({ page, browser }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "staff work at a desk");
  const rosa = await registerAs(page, "resident", "Rosa Confidential");
  const journey = new RaiseComplaint(page);
  await journey.start();
  await journey.about();
  await journey.whatHappened();
  await journey.started();
  await journey.putRight();
  await journey.contact("Email", undefined, { inConfidence: true });
  await journey.files();
  await journey.expectCheckAnswers();
  await expect(journey.answer("Confidential")).toHaveText("Yes: only the complaints team will know it is you");
  await journey.send();
  const reference = await journey.expectSent();

  // Her own case page says so.
  const list = await (await page.request.get("/api/v1/cases")).json();
  const caseId: string = list.find((c: { reference: string }) => c.reference === reference).id;
  await open(page, `/cases/${caseId}`);
  await expect(page.getByTestId("confidential-row")).toContainText("Yes: only the complaints team knows who raised it");

  // Sam, in the complaints team, sees who she is, and passes the case to
  // Robin, a repairs manager outside the team, to look into.
  const team = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const sam = await team.newPage();
  await signInAs(sam, DEMO.staff.email, DEMO.staff.password);
  await open(sam, `/staff/cases/${caseId}`);
  await expect(sam.getByTestId("resident-name")).toHaveText("Rosa Confidential");
  await expect(sam.getByTestId("confidential")).toContainText("Do not share who they are");
  await sam.getByLabel("Assign a caseworker").check();
  await sam.getByLabel("Caseworker", { exact: true }).selectOption({ label: "Robin Repairs" });
  await sam.getByRole("button", { name: "Save" }).click();
  await expect(sam.locator("main")).toContainText("Caseworker: Robin Repairs");
  await team.close();

  // Robin's queue and the case page withhold her name; he can still act.
  const outside = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const robin = await outside.newPage();
  await signInAs(robin, DEMO.outsideTeam.email, DEMO.outsideTeam.password);
  await open(robin, "/staff?caseworker=mine");
  const row = robin.getByTestId("queue").getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText("Name withheld: confidential");
  await expect(row.getByTestId("confidential")).toHaveText("Confidential");
  await expect(row).not.toContainText("Rosa");
  await expectNoA11yViolations(robin);
  await row.getByRole("link", { name: reference }).click();
  await expect(robin.getByTestId("resident-name")).toHaveText("Name withheld: confidential");
  await expect(robin.getByTestId("confidential")).toContainText("You can see and act on the complaint, but not their name");
  await expect(robin.locator("main")).toContainText("noise from the flat above");
  await expect(robin.locator("main")).not.toContainText("Rosa");
  await expect(robin.locator("main")).not.toContainText(rosa.email);
  await expectNoA11yViolations(robin);
  await robin.getByLabel("Acknowledge").check();
  await robin.getByLabel("What the complaint is about").fill("A missed appointment and no call to say why.");
  await robin.getByLabel("The outcome the resident wants").fill("An apology and a new appointment.");
  await robin.getByRole("button", { name: "Save" }).click();
  await expect(robin.getByTestId("case-status")).toHaveText("Being looked into");
  await expect(robin.locator("main")).not.toContainText("Rosa");
  await outside.close();
});
