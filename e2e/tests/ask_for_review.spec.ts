import { expect, test } from "./fixtures/test";
import { expectNoA11yViolations } from "./fixtures/a11y";
import { acknowledgeThenRespond, expectSentAgainWithTheSameKey, loseFirstAnswer, open, raiseComplaintByApi, registerAs } from "./fixtures/app";

test.describe("asking for a review", () => {
  test("when the answer is lost after the server recorded the request, asking again succeeds and records it once", async ({ page, playwright, baseURL }) => {
    await registerAs(page);
    const complaint = await raiseComplaintByApi(page);
    const staff = await playwright.request.newContext({ baseURL });
    await acknowledgeThenRespond(staff, complaint.id, "not_upheld", "We found no fault.");
    await staff.dispose();

    await open(page, `/cases/${complaint.id}/ask-for-review`);
    await expect(page.locator("main h1")).toHaveText("Ask for a review of your complaint");
    await page.getByLabel("Tell us why you are not happy (optional)").fill("Nobody looked at the photos I sent.");

    const escalation = `**/api/v1/cases/${complaint.id}/escalation`;
    // The server records the request, but the answer never reaches the phone.
    const sent = await loseFirstAnswer(page, escalation);

    await page.getByRole("button", { name: "Ask for a review" }).click();
    await expect(page.getByRole("alert")).toContainText("Your request for a review has not been sent");
    await expectNoA11yViolations(page);
    // The reason is still there to send again.
    await expect(page.getByLabel("Tell us why you are not happy (optional)")).toHaveValue("Nobody looked at the photos I sent.");

    await page.getByRole("button", { name: "Ask for a review" }).click();
    // Not refused as already asked for: the first request's answer, again.
    await expect(page.getByRole("status").filter({ hasText: "You have asked for a review" })).toBeVisible();
    await expect(page.getByTestId("case-status")).toHaveText("Review asked for");
    await expect(page.getByRole("alert")).toHaveCount(0);
    expect(sent.statuses).toEqual([200, 200]);
    expectSentAgainWithTheSameKey(sent);

    const asked = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "You asked for a review" }) });
    await expect(asked).toHaveCount(1);
    await expect(asked).toContainText("Nobody looked at the photos I sent.");
    // And the server has it once, whatever the page shows.
    const detail = await (await page.request.get(`/api/v1/cases/${complaint.id}`)).json();
    const requests = detail.timeline.filter((entry: { event: { type: string } }) => entry.event.type === "escalation_requested");
    expect(requests).toHaveLength(1);
  });
});
