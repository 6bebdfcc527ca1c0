import { describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "./support/accessibility";
import { appUnderTest } from "./support/app-under-test";
import { openApp, saveScreenshot } from "./support/browser";
import { testNhsNumber } from "./support/nhs-numbers";
import { fillReferralForm, sendReferral, uniqueFamilyName } from "./support/referral-form";
import { signInAs } from "./support/sign-in";
import { placesUsed, timelineLines } from "./support/workflow-pages";

const app = appUnderTest();

describe("a referral's journey from the GP to a link worker's caseload", () => {
  const person = {
    nhsNumber: testNhsNumber(),
    givenName: "Irena",
    familyName: uniqueFamilyName("Kowalczyk"),
    dateOfBirth: { day: "3", month: "4", year: "1967" },
  };
  const fullName = `${person.givenName} ${person.familyName}`;
  let referralPath = "";

  it("the GP refers someone through the form", async () => {
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "gp@linkwork.test");
    await page.goto("/referrals/new");
    await page.getByRole("heading", { name: "Refer someone for social prescribing" }).waitFor();
    await fillReferralForm(page, person);
    // English-speaking, and with a housing need: the PCN does not help with housing, Community Connect does.
    await page.getByLabel("Preferred language (optional)").selectOption("");
    await page.getByLabel("Housing", { exact: true }).check();
    await sendReferral(page);
    await page.getByRole("heading", { name: "Referral sent" }).waitFor();
    await page.getByRole("link", { name: "View the referral" }).click();
    await page.getByRole("heading", { name: fullName, level: 1 }).waitFor();
    referralPath = new URL(page.url()).pathname;
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("the coordinator finds it with the queue's filters, triages it and allocates it to Community Connect", async () => {
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "coordinator@linkwork.test");
    await page.getByRole("heading", { name: "Triage queue", level: 1 }).waitFor();
    await page.getByLabel("Risk").selectOption("safeguarding");
    await page.getByLabel("Need").selectOption("housing");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/riskFlag=safeguarding/);
    expect(page.url()).toContain("need=housing");
    const row = page.getByRole("row").filter({ hasText: fullName });
    await row.waitFor();
    expect(await row.textContent()).toContain("Triage due");
    await saveScreenshot(page, "10-triage-queue-filtered");
    await expectNoSeriousViolations(page, "triage-queue-filtered");

    await row.getByRole("link").click();
    await page.getByRole("heading", { name: fullName, level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Triage", level: 2 }).waitFor();
    expect(await page.getByLabel("Housing", { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel("Safeguarding concern").isChecked()).toBe(true);

    await page.getByRole("button", { name: "Save triage" }).click();
    const summary = page.locator(".nhsuk-error-summary");
    await summary.getByRole("link", { name: "Select a priority" }).waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await summary.getByRole("link").allInnerTexts()).toEqual([
      "Select a priority",
      "Select a support level",
    ]);
    await saveScreenshot(page, "11-triage-form-errors");
    await expectNoSeriousViolations(page, "triage-form-errors");

    await page.getByLabel("Soon").check();
    await page.getByLabel("Supported connection").focus();
    await page.keyboard.press("Space");
    await page.getByLabel("Note for the organisation (optional)").fill("Prefers a call after 2pm.");
    await saveScreenshot(page, "12-triage-form");
    await page.getByRole("button", { name: "Save triage" }).focus();
    await page.keyboard.press("Enter");

    const panel = page.getByTestId("allocation-panel");
    await panel.getByRole("heading", { name: "Allocate to an organisation" }).waitFor();
    const options = panel.locator("li.nhsuk-card");
    await options.first().waitFor();
    const first = options.first();
    expect(await first.locator("h3").textContent()).toBe("Community Connect");
    expect(await first.textContent()).toContain("Eligible");
    expect(await first.textContent()).toContain("Best match");
    const pcn = options.filter({ has: page.getByRole("heading", { name: "North Town PCN" }) });
    expect(await pcn.textContent()).toContain("Not eligible");
    expect(await pcn.textContent()).toContain("Does not help with housing");
    await saveScreenshot(page, "13-allocation-panel");
    await expectNoSeriousViolations(page, "allocation-panel");

    // A not-eligible choice needs a note saying why: the API's own message lands on the note.
    await pcn.locator("summary").click();
    await pcn.getByRole("button", { name: "Allocate to North Town PCN anyway" }).click();
    const problem = page
      .locator(".nhsuk-error-summary")
      .getByRole("link", { name: /^North Town PCN is not eligible \(Does not help with housing\)/ });
    await problem.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("allocate-note-org_north_town_pcn");
    expect(await pcn.locator(".nhsuk-error-message").textContent()).toContain(
      "say why you are allocating to it",
    );

    await first.getByRole("button", { name: "Allocate to Community Connect" }).click();
    await page.getByText("Allocated to Community Connect. They have 5 working days").waitFor();
    await page.locator(".linkwork-status-line").getByText("Allocated", { exact: true }).waitFor();
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("Community Connect's manager accepts it from their incoming allocations", async () => {
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "manager.vcs@linkwork.test");
    await page.getByRole("heading", { name: "Incoming allocations", level: 1 }).waitFor();
    expect(await page.getByRole("navigation", { name: "Menu" }).getByRole("link").allInnerTexts()).toEqual([
      "Incoming",
      "Link workers",
      "Our referrals",
      "My actions",
    ]);
    const card = page.getByTestId("referral-card").filter({ hasText: fullName });
    await card.waitFor();
    expect(await card.textContent()).toContain("Prefers a call after 2pm.");
    await saveScreenshot(page, "14-incoming-allocations");
    await expectNoSeriousViolations(page, "incoming-allocations");

    await card.getByRole("button", { name: /^Accept/ }).click();
    await page.getByText(`You accepted`).waitFor();
    await card.waitFor({ state: "detached" });
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("its link worker picks it up, and it is on their caseload with their capacity shown", async () => {
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "worker.vcs@linkwork.test");
    await page
      .getByRole("navigation", { name: "Menu" })
      .getByRole("link", { name: "Ready to pick up" })
      .click();
    await page.getByRole("heading", { name: "Ready to pick up", level: 1 }).waitFor();
    const card = page.getByTestId("referral-card").filter({ hasText: fullName });
    await card.waitFor();
    const before = await placesUsed(page);
    await saveScreenshot(page, "15-ready-to-pick-up");
    await expectNoSeriousViolations(page, "ready-to-pick-up");

    await card.getByRole("button", { name: /^Pick up/ }).click();
    await page.getByText(`${fullName} is now on your caseload.`).waitFor();
    await expect.poll(() => placesUsed(page)).toEqual({ used: before.used + 1, limit: before.limit });

    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "My caseload" }).click();
    await page.getByRole("heading", { name: "My caseload", level: 1 }).waitFor();
    const onCaseload = page.getByTestId("referral-card").filter({ hasText: fullName });
    await onCaseload.waitFor();
    expect(await page.getByTestId("capacity").textContent()).toContain(
      `${before.used + 1} of ${before.limit} places used`,
    );
    await saveScreenshot(page, "16-my-caseload");
    await expectNoSeriousViolations(page, "my-caseload");

    // First contact is logged on the case page, with how it was made.
    await onCaseload.getByRole("link", { name: `Open case for ${fullName}` }).click();
    await page.getByRole("heading", { name: fullName, level: 1 }).waitFor();
    const contact = page.getByTestId("contact-form");
    await contact.getByLabel("Phone", { exact: true }).check();
    await contact.getByLabel("Made contact").check();
    await contact.getByRole("button", { name: "Log contact" }).click();
    await page.getByText(/^Contact with .* logged\.$/).waitFor();
    await page.locator(".linkwork-status-line").getByText("Active", { exact: true }).waitFor();
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("the coordinator sees every step on the referral's timeline, in order, with who did it", async () => {
    expect(referralPath).toMatch(/^\/referrals\/.+/);
    const { page, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "coordinator@linkwork.test");
    await page.goto(referralPath);
    await page.getByRole("heading", { name: fullName, level: 1 }).waitFor();
    await expect
      .poll(() => timelineLines(page), { timeout: 30_000, interval: 500 })
      .toEqual([
        "Referral received — by Dr Priya Shah",
        "Triaged — by Jordan Ellis (you)",
        "Allocated to Community Connect — by Jordan Ellis (you)",
        "Accepted by Community Connect — by Grace Mensah",
        "Picked up by a link worker at Community Connect — by Megan Hughes",
        "First contact made — by Megan Hughes",
        "Contact made — by Megan Hughes",
      ]);
    const timeline = page.getByTestId("timeline");
    expect(await timeline.textContent()).toContain("Priority: Soon");
    expect(await timeline.textContent()).toContain("Support level: Supported connection");
    await saveScreenshot(page, "17-referral-timeline");
    await close();
  });
});
