import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { DEMO, open, registerAs, signInAs } from "./fixtures/app";

/** A name no other run of these tests uses (the e2e server keeps its data between projects). */
function uniqueName(): string {
  const letters = Date.now()
    .toString()
    .slice(-6)
    .split("")
    .map((d) => "abcdefghij"[Number(d)])
    .join("");
  return `Edith Jones${letters.charAt(0).toUpperCase()}${letters.slice(1)}`;
}

/** The smallest real PDF the server's content check accepts. */
const SIGNED_FORM = {
  name: "signed-form.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"),
};

test.describe("an advocate files for a resident who cannot use the portal", () => {
  test("sends a signed form, complains for the resident while it is pending, and a caseworker verifies it", async ({ page, browser }) => {
    const name = uniqueName();
    await registerAs(page, "advocate", "Adam Advocate");
    await open(page, "/advocate");
    await expect(page.getByText("You do not act for anyone yet.")).toBeVisible();
    await expectNoA11yViolations(page);

    await page.getByRole("button", { name: "Send a signed authorisation form" }).click();
    await expect(page.locator("h1")).toHaveText("Act for someone who cannot use this service");
    await expectNoA11yViolations(page);

    // Nothing answered.
    await page.getByRole("button", { name: "Send the authorisation" }).click();
    const summary = page.locator(".app-error-summary");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Enter the resident's full name");
    await expect(summary).toContainText("Enter the resident's email address or postal address, so we can tell them");
    await expect(summary).toContainText("Select who you are to the resident");
    await expect(summary).toContainText("Select what the resident has authorised you to do");
    await expect(summary).toContainText("Upload the resident's signed authorisation form");
    await expect(page).toHaveTitle(/^Error: Act for someone/);
    await expectNoA11yViolations(page);

    // A file that is not a PDF or a photo is refused before anything is sent.
    const upload = page.getByLabel("Upload the signed authorisation form");
    await upload.setInputFiles({ name: "form.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
    await expect(page.locator("#evidence-error")).toContainText("form.txt: The selected file must be a JPG, PNG or PDF");
    await expectNoA11yViolations(page);

    await page.getByLabel("Their full name").fill(name);
    await page.getByLabel("Their postal address").fill("1 High Street, Oldtown, OT1 1AA");
    await page.getByLabel("Support worker").check();
    await page.getByLabel("See their complaints and the replies").check();
    await page.getByLabel("Make complaints for them, add information to them, and say if they are happy with the answer").check();
    await upload.setInputFiles(SIGNED_FORM);
    await expect(page.getByRole("button", { name: "Remove signed-form.pdf" })).toBeVisible();
    await page.getByRole("button", { name: "Send the authorisation" }).click();

    // The confirmation: pending until checked, but a complaint can be made now.
    await expect(page.locator("h1")).toHaveText("Authorisation sent");
    await expect(page.getByText("The authorisation is pending until a caseworker has checked the signed form.")).toBeVisible();
    await expect(page.getByText(`You can already make a complaint for ${name}.`)).toBeVisible();
    await expectNoA11yViolations(page);

    await page.getByRole("button", { name: `Make a complaint for ${name}` }).click();
    await expect(page.locator("h1")).toHaveText(`Make a complaint for ${name}`);
    await expectNoA11yViolations(page);
    await page.getByRole("button", { name: "Send the complaint" }).click();
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Enter what happened");
    await expect(summary).toContainText("Enter the date the problem started");
    await expect(page).toHaveTitle(/^Error: Make a complaint for/);
    await expectNoA11yViolations(page);

    await page.getByRole("group", { name: "What is the complaint about?" }).getByRole("radio").first().check();
    await page.getByLabel("What happened?").fill("The boiler has been broken for a month and she has no heating. Nobody replied to her calls.");
    await page.getByLabel("Day").fill("2");
    await page.getByLabel("Month").fill("11");
    await page.getByLabel("Year").fill("2026");
    await page.getByLabel("What would put things right?").fill("Mend the heating this week and explain the delay.");
    await page.getByRole("button", { name: "Send the complaint" }).click();

    // The policy reads "boiler" as a repair request: the advocate confirms the resident still wants to complain.
    await expect(summary).toContainText("choose if you still want to make a complaint");
    const insist = page.getByLabel(`${name} still wants to make this complaint`);
    await expect(insist).toBeVisible();
    await expectNoA11yViolations(page);
    await insist.check();
    await page.getByRole("button", { name: "Send the complaint" }).click();

    await expect(page.locator("h1")).toHaveText("Complaint sent");
    const reference = (await page.locator(".app-complaint__reference").textContent())?.trim() ?? "";
    expect(reference).not.toBe("");
    await expectNoA11yViolations(page);

    // The advocate follows it like the resident would; the case says who raised it.
    await page.getByRole("link", { name: "Follow this complaint" }).click();
    await expect(page.getByText(`Reference ${reference}`)).toBeVisible();
    await expect(page.locator(".app-summary-list__row").filter({ hasText: "Raised by" })).toContainText(`Adam Advocate (Support worker) for ${name}`);
    await expectNoA11yViolations(page);

    // While the form is pending the advocate sees only what they submitted.
    await open(page, "/advocate");
    const card = page.getByTestId("residents").locator(":scope > li").filter({ hasText: name });
    await expect(card).toContainText("Form waiting to be checked");
    await expect(card.getByRole("link", { name: new RegExp(reference) })).toBeVisible();
    await expect(card.locator(".app-authorisation__cases > li")).toHaveCount(1);
    await expectNoA11yViolations(page);

    // A caseworker opens the form, tries to reject without a reason, then verifies it.
    const staff = await (await browser.newContext()).newPage();
    await signInAs(staff, DEMO.staff.email, DEMO.staff.password);
    await open(staff, "/staff/authorisations");
    const form = staff.getByTestId("authorisation-forms").locator(":scope > li").filter({ hasText: name });
    await expect(form.getByRole("link", { name: "Open the signed form (signed-form.pdf)" })).toHaveAttribute(
      "href",
      /\/api\/v1\/authorisations\/.+\/evidence$/,
    );
    await expect(form).toContainText("1 High Street, Oldtown");
    await expectNoA11yViolations(staff);
    const href = await form.getByRole("link", { name: /Open the signed form/ }).getAttribute("href");
    const pdf = await staff.request.get(href ?? "");
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    await form.getByRole("button", { name: `Reject the form for ${name}` }).click();
    await expect(staff.getByLabel("Why can the form not be verified?")).toBeFocused();
    await staff.getByRole("button", { name: "Reject the form", exact: true }).click();
    const staffSummary = staff.locator(".app-error-summary");
    await expect(staffSummary).toBeFocused();
    await expect(staffSummary).toContainText("Enter why the authorisation form cannot be verified");
    await expect(staff).toHaveTitle(/^Error: Authorisation forms to check/);
    await expectNoA11yViolations(staff);
    await staff.getByRole("button", { name: "Cancel" }).click();

    await form.getByRole("button", { name: `Verify the form for ${name}` }).click();
    await expect(staff.getByRole("status").filter({ hasText: `Verified. Adam Advocate can now act for ${name}.` })).toBeVisible();
    await expect(form).toHaveCount(0);
    await expectNoA11yViolations(staff);
    await staff.context().close();

    await page.reload();
    await expect(card).toContainText("Active");
    await expect(card).not.toContainText("Form waiting to be checked");
  });
});
