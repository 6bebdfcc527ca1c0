import { describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "./support/accessibility";
import { appUnderTest } from "./support/app-under-test";
import { openApp, saveScreenshot } from "./support/browser";
import { testNhsNumber } from "./support/nhs-numbers";
import { uniqueFamilyName } from "./support/referral-form";
import { signInAs } from "./support/sign-in";
import { workflowApi } from "./support/workflow-api";
import { timelineLines } from "./support/workflow-pages";

const app = appUnderTest();

describe("a possible match with an existing person", () => {
  const person = { nhsNumber: testNhsNumber(), givenName: "Oksana", familyName: uniqueFamilyName("Bondar") };
  const fullName = `${person.givenName} ${person.familyName}`;
  let possibleMatchPath = "";

  it("is marked in the queue and settled by the coordinator on the referral page", async () => {
    const api = workflowApi(app.runtime.url);
    await api.referral(person.givenName, person);
    const second = await api.referral(person.givenName, { ...person, postcode: "NS2 9ZZ" });
    possibleMatchPath = `/referrals/${second.id}`;

    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "coordinator@linkwork.test");
    await page.getByRole("heading", { name: "Triage queue", level: 1 }).waitFor();
    const marked = page.getByRole("row").filter({ hasText: fullName }).filter({ hasText: "Possible match" });
    await marked.waitFor();
    expect(await page.getByRole("row").filter({ hasText: fullName }).count()).toBe(2);

    await page.goto(possibleMatchPath);
    const panel = page.getByTestId("possible-match");
    await panel.getByRole("heading", { name: "Possible match with an existing person" }).waitFor();
    const postcodeRow = panel.getByRole("row").filter({ hasText: "Postcode" });
    await postcodeRow.waitFor();
    expect(await postcodeRow.textContent()).toContain("Differs");
    expect(await postcodeRow.textContent()).toContain("NS2 9ZZ");
    expect(await postcodeRow.textContent()).toContain("NS2 3PL");
    expect(await panel.textContent()).toContain("some details in this referral differ from their record");
    // Only the existing record is offered for correction: the referral's own is merged away by a confirm.
    expect(await page.getByRole("link", { name: "Correct the person's record", exact: true }).count()).toBe(
      0,
    );
    await saveScreenshot(page, "40-possible-match");
    await expectNoSeriousViolations(page, "possible-match");

    // The existing record is corrected to this referral's postcode: nothing shown differs any more.
    await panel.getByRole("link", { name: "correct the existing person's record" }).click();
    await page.getByRole("heading", { name: "Correct the person's record", level: 1 }).waitFor();
    await page.getByLabel("Postcode", { exact: true }).fill("NS2 9ZZ");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText(/record now has the new postcode\./).waitFor();
    await expect.poll(async () => (await postcodeRow.textContent()) ?? "").not.toContain("NS2 3PL");
    expect(await postcodeRow.textContent()).not.toContain("Differs");
    expect(await panel.getByText("Differs").count()).toBe(0);
    expect(await panel.textContent()).toContain("The details agree with someone already known.");

    await panel.getByRole("button", { name: "Confirm: same person" }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("Confirmed: this referral is now on the existing person's record.").waitFor();
    await panel.waitFor({ state: "detached" });

    // The existing record's version rose with the confirm: correcting it now starts from that version.
    await page.getByRole("link", { name: "Correct the person's record" }).click();
    await page.getByRole("heading", { name: "Correct the person's record", level: 1 }).waitFor();
    await page.getByLabel("Phone number (optional)").fill("01632 960 003");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText(/record now has the new phone number\./).waitFor();
    expect(await page.getByTestId("conflict-notice").count()).toBe(0);
    await expect
      .poll(
        async () =>
          (await timelineLines(page)).some((line) => line.includes("Confirmed as the person already known")),
        {
          timeout: 15_000,
        },
      )
      .toBe(true);
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("a refusal that did not change the referral keeps the API's reason; a match decided meanwhile offers no choice", async () => {
    const api = workflowApi(app.runtime.url);
    const other = { nhsNumber: testNhsNumber(), givenName: "Dmytro", familyName: uniqueFamilyName("Koval") };
    await api.referral(other.givenName, other);
    const second = await api.referral(other.givenName, { ...other, postcode: "NS2 9ZZ" });
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "coordinator@linkwork.test");
    // A 400 to the panel's own read is a fault to retry, not the referral page "not found".
    const matchPath = `**/api/referrals/${second.id}/person-match`;
    await page.route(matchPath, (route) =>
      route.fulfill({
        status: 400,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "validation_failed", message: "The request was not valid" } }),
      }),
    );
    await page.goto(`/referrals/${second.id}`);
    const panel = page.getByTestId("possible-match");
    await panel.getByRole("button", { name: "Try again" }).waitFor();
    expect(await page.getByRole("heading", { name: "Page not found" }).count()).toBe(0);
    await page.getByRole("heading", { name: `${other.givenName} ${other.familyName}`, level: 1 }).waitFor();
    await page.unroute(matchPath);
    await panel.getByRole("button", { name: "Try again" }).click();
    await panel.getByRole("button", { name: "Confirm: same person" }).waitFor();

    const reason = "The existing person's record is no longer in use: say this is not the same person";
    await page.route("**/person-match/confirm", (route) =>
      route.fulfill({
        status: 409,
        contentType: "application/json",
        body: JSON.stringify({
          error: { code: "invalid_transition", message: reason, currentVersion: second.version },
        }),
      }),
    );
    await panel.getByRole("button", { name: "Confirm: same person" }).click();
    const summary = page.locator(".nhsuk-error-summary");
    await summary.getByRole("link", { name: reason }).waitFor();
    expect(await page.getByText(/Someone else changed this referral/).count()).toBe(0);
    await page.unroute("**/person-match/confirm");

    await api.decideMatch(await api.referralAsCoordinator(second.id), "confirm");
    await panel.getByRole("button", { name: "Not the same person" }).click();
    await page.getByTestId("conflict-notice").waitFor();
    await panel.getByTestId("possible-match-decided").waitFor();
    expect(await panel.getByTestId("possible-match-decided").textContent()).toBe(
      "This possible match has been decided: confirmed as the same person.",
    );
    expect(await panel.getByRole("button").count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("is never shown to the referrer", async () => {
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "gp@linkwork.test");
    await page.goto(possibleMatchPath);
    await page.getByRole("heading", { name: fullName, level: 1 }).waitFor();
    expect(await page.getByTestId("possible-match").count()).toBe(0);
    const timeline = (await timelineLines(page)).join("\n");
    expect(timeline).not.toContain("Possible match");
    expect(timeline).not.toContain("already known");
    expect(pageErrors).toEqual([]);
    await close();
  });
});
