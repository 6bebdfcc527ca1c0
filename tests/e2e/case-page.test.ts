import type { Referral } from "@linkwork/core/referral/schema";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "./support/accessibility";
import { appUnderTest } from "./support/app-under-test";
import { openApp, saveScreenshot } from "./support/browser";
import { devApi } from "./support/dev-api";
import { signInAs, signOut } from "./support/sign-in";
import { workflowApi } from "./support/workflow-api";

const app = appUnderTest();
const worker = "worker.vcs@linkwork.test";
const mobile = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };

const fullName = (referral: Referral) => `${referral.person.givenName} ${referral.person.familyName}`;

/** A UK calendar date some days from now, as the date boxes take it and as the page shows it. */
function daysAhead(days: number) {
  const date = new Date(Date.now() + days * 86_400_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London",
      day: "numeric",
      month: "numeric",
      year: "numeric",
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  const iso = `${parts.year}-${String(parts.month).padStart(2, "0")}-${String(parts.day).padStart(2, "0")}`;
  const shown = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" }).format(
    new Date(`${iso}T12:00:00Z`),
  );
  return { day: String(parts.day), month: String(parts.month), year: String(parts.year), iso, shown };
}

const errorLink = (page: Page, message: string) =>
  page.locator(".nhsuk-error-summary").getByRole("link", { name: message });

async function openCase(page: Page, referral: Referral) {
  await page.goto(`/referrals/${referral.id}/case`);
  await page.getByRole("heading", { name: fullName(referral), level: 1 }).waitFor();
}

async function fillReviewDate(page: Page, date: { day: string; month: string; year: string }) {
  const review = page.getByTestId("plan-form").getByRole("group", { name: "Next review" });
  await review.getByLabel("Day").fill(date.day);
  await review.getByLabel("Month").fill(date.month);
  await review.getByLabel("Year").fill(date.year);
}

describe("the case page, through a link worker's working day", () => {
  let sharedCase: Referral | undefined;

  it("logs an attempt and a contact, keeps a half-written plan through a reload, saves it, and records baseline measures and a connection", async () => {
    const referral = await workflowApi(app.runtime.url).caseOnCaseload("Dorota");
    const name = fullName(referral);
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, worker);
    await page.goto("/caseload");
    const card = page.getByTestId("referral-card").filter({ hasText: name });
    expect(await card.getByRole("link", { name: /^07700 900 123/ }).getAttribute("href")).toBe(
      "tel:07700900123",
    );
    await card.getByRole("link", { name: `Open case for ${name}` }).click();
    await page.getByRole("heading", { name, level: 1 }).waitFor();
    expect(await page.getByRole("link", { name: `07700 900 123 (call ${name})` }).getAttribute("href")).toBe(
      "tel:07700900123",
    );

    // A contact in the future is refused before it is sent, with the API's own words, on the date.
    const contact = page.getByTestId("contact-form");
    const year = await contact.getByLabel("Year").inputValue();
    await contact.getByLabel("Year").fill(String(Number(year) + 1));
    await contact.getByLabel("Phone", { exact: true }).check();
    await contact.getByLabel("No answer").check();
    await contact.getByRole("button", { name: "Log contact" }).click();
    await errorLink(page, "A contact cannot be in the future: enter when it happened").click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("contact-at-day");
    await contact.getByLabel("Year").fill(year);
    await contact.getByRole("button", { name: "Log contact" }).click();
    await page.getByText(/^Attempt to contact .* logged \(no answer\)\.$/).waitFor();
    await page
      .getByTestId("failed-attempts")
      .getByText("1 failed attempt in a row since the last contact.")
      .waitFor();

    await contact.getByLabel("Phone", { exact: true }).check();
    await contact.getByLabel("Made contact").check();
    await contact.getByLabel("How long, in minutes (optional)").fill("25");
    await contact.getByLabel("Note (optional)").fill("Talked about the walking group and her bills.");
    await contact.getByRole("button", { name: "Log contact" }).click();
    await page.getByText(/^Contact with .* logged\.$/).waitFor();
    await page.locator(".linkwork-status-line").getByText("Active", { exact: true }).waitFor();
    const contacts = page.getByTestId("contact-list").locator("li");
    expect(await contacts.count()).toBe(2);
    expect(await contacts.first().textContent()).toContain("Made contact");
    expect(await contacts.first().textContent()).toContain("25 minutes");
    expect(await page.getByTestId("failed-attempts").textContent()).toContain("No failed attempts");

    // Half way through the plan, the page reloads: nothing typed is lost.
    const review = daysAhead(30);
    const plan = page.getByTestId("plan-form");
    await plan.getByLabel("What matters to me").fill("Getting out of the house and meeting people again.");
    await plan.getByRole("button", { name: "Add a goal" }).click();
    await plan.getByLabel("The goal, in the person's words").fill("Go to the walking group on Tuesdays");
    await plan.getByLabel("How much it matters to them").selectOption("8");
    await fillReviewDate(page, review);
    await page.reload();
    await page.getByRole("heading", { name, level: 1 }).waitFor();
    await plan.getByTestId("draft-restored").waitFor();
    expect(await plan.getByLabel("What matters to me").inputValue()).toBe(
      "Getting out of the house and meeting people again.",
    );
    expect(await plan.getByLabel("The goal, in the person's words").inputValue()).toBe(
      "Go to the walking group on Tuesdays",
    );
    expect(await plan.getByLabel("How much it matters to them").inputValue()).toBe("8");
    await plan.getByRole("button", { name: "Save plan" }).click();
    await page.getByText(`${name}'s plan is saved. The next review is on ${review.shown}.`).waitFor();
    await page.getByText("Plan history (1 version)").waitFor();
    expect(await plan.getByTestId("draft-restored").count()).toBe(0);

    await page.getByText("Record need domains").click();
    const domains = page.getByTestId("domains-form");
    await domains.getByRole("group", { name: "Loneliness and isolation" }).getByLabel("Not managing").check();
    await domains.getByRole("button", { name: "Save need domains" }).click();
    await errorLink(page, "Select how they are managing with housing").waitFor();
    await domains.getByRole("group", { name: "Housing" }).getByLabel("Getting support").check();
    await domains.getByRole("button", { name: "Save need domains" }).click();
    await page.getByText(`Baseline need domains recorded for ${name}.`).waitFor();

    await page.getByText("Record Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)").click();
    const swemwbs = page.getByTestId("measure-form-swemwbs");
    await swemwbs.getByRole("heading", { name: "Placeholder wording" }).waitFor();
    for (let question = 1; question <= 7; question += 1) {
      await swemwbs
        .getByRole("group", { name: new RegExp(`^Question ${question}:`) })
        .getByLabel("Response 3 of 5 (placeholder label)")
        .check();
    }
    await swemwbs.getByRole("button", { name: "Save SWEMWBS answers" }).click();
    await page.getByText(/SWEMWBS\): baseline recorded for/).waitFor();
    const summary = page.getByTestId("measure-summary");
    expect(await summary.textContent()).toContain("19.25");
    expect(await summary.textContent()).toContain("21 of 35");

    await page.getByText("Add a connection").click();
    const connection = page.getByTestId("connection-form");
    await connection.getByLabel("Service", { exact: true }).fill("Riverside Walking Group");
    await connection.getByLabel("Voluntary and community sector").check();
    await connection.getByLabel("Need it meets").selectOption("loneliness_isolation");
    await connection.getByLabel("Referred", { exact: true }).check();
    await connection.getByRole("button", { name: "Add connection" }).click();
    await page.getByText(`${name}'s connection to Riverside Walking Group is recorded.`).waitFor();
    const connections = page.getByTestId("connection-list");
    await connections.getByLabel("Status of Riverside Walking Group").selectOption("attended");
    await connections.getByRole("button", { name: "Update Riverside Walking Group" }).click();
    await page.getByText("Riverside Walking Group is now marked as attended.").waitFor();

    await saveScreenshot(page, "90-case-page");
    await expectNoSeriousViolations(page, "case-page");
    await page.setViewportSize(mobile);
    await saveScreenshot(page, "90-case-page-390");
    await expectNoSeriousViolations(page, "case-page-390");

    await page.goto("/caseload");
    const onCaseload = page.getByTestId("referral-card").filter({ hasText: name });
    await onCaseload.getByText(review.shown).waitFor();
    await saveScreenshot(page, "91-caseload-390");
    await page.setViewportSize(desktop);
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("says what changed when someone else saved the plan first and keeps what the worker typed; a concern escalated stays flagged; signing out forgets drafts", async () => {
    const referral = await workflowApi(app.runtime.url).caseOnCaseload("Halina");
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, worker);
    await openCase(page, referral);
    const plan = page.getByTestId("plan-form");
    await plan.getByLabel("What matters to me").fill("Feeling less alone in the evenings.");
    await plan.getByRole("button", { name: "Add a goal" }).click();
    await plan.getByLabel("The goal, in the person's words").fill("Join the Thursday lunch club");
    await plan.getByLabel("How much it matters to them").selectOption("9");
    await fillReviewDate(page, daysAhead(40));

    // Meanwhile the same case's plan is saved from elsewhere (another tab, say).
    await devApi(app.runtime.url).call(worker, "PUT", `/api/referrals/${referral.id}/plan`, {
      version: 0,
      whatMatters: "Seeing her grandchildren more.",
      goals: [{ text: "Walk to the shops", importance: 6, status: "active" }],
      reviewOn: daysAhead(20).iso,
    });

    await plan.getByRole("button", { name: "Save plan" }).click();
    const notice = page.getByTestId("conflict-notice");
    await notice.getByRole("heading", { name: "Someone else has changed this plan" }).waitFor();
    expect(await notice.textContent()).toContain("added the goal “Walk to the shops”");
    expect(await notice.textContent()).toContain("changed what matters to the person");
    expect(await plan.getByLabel("The goal, in the person's words").inputValue()).toBe(
      "Join the Thursday lunch club",
    );
    await saveScreenshot(page, "92-case-plan-conflict");
    await expectNoSeriousViolations(page, "case-plan-conflict");

    await notice.getByRole("button", { name: "Reload and try again" }).click();
    expect(await plan.getByLabel("What matters to me").inputValue()).toBe(
      "Feeling less alone in the evenings.",
    );
    await plan.getByRole("button", { name: "Save plan" }).click();
    await page.getByText(/plan is saved\./).waitFor();
    await page.getByText("Plan history (2 versions)").waitFor();

    // A safeguarding concern: flagged at the top of the case until someone resolves it.
    await page.getByText("Escalate a concern").click();
    const escalation = page.getByTestId("escalation-form");
    await escalation.getByRole("button", { name: "Escalate" }).click();
    await errorLink(page, "Select who to escalate to").waitFor();
    await escalation.getByLabel("Safeguarding concern").check();
    await escalation
      .getByLabel("What is the concern?")
      .fill("Bruising on her arm; says her son takes her pension.");
    await escalation.getByRole("button", { name: "Escalate" }).click();
    await page.getByText(/^Safeguarding concern raised for .*\. It is on the case/).waitFor();
    await page.getByRole("heading", { name: "Open escalation" }).waitFor();

    // Signing out forgets anything half-typed in this tab.
    await page.getByTestId("contact-form").getByLabel("Note (optional)").fill("Half a note");
    await signOut(page);
    await signInAs(page, worker);
    await openCase(page, referral);
    expect(await page.getByTestId("contact-form").getByLabel("Note (optional)").inputValue()).toBe("");
    sharedCase = referral;
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("the manager reads the case, answers its escalation and may close it, but records none of the work", async () => {
    const referral = sharedCase;
    if (!referral) throw new Error("The previous test sets up the case");
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "manager.vcs@linkwork.test");
    await openCase(page, referral);
    await page.getByRole("heading", { name: "What matters to me", level: 3 }).waitFor();
    expect(await page.locator("#plan").textContent()).toContain(
      "Join the Thursday lunch club (matters 9 out of 10)",
    );
    expect(await page.getByTestId("contact-form").count()).toBe(0);
    expect(await page.getByTestId("plan-form").count()).toBe(0);
    expect(await page.getByText("Add a connection").count()).toBe(0);
    await page.getByText("Escalate a concern").waitFor();
    await page.getByRole("button", { name: "Close this case" }).waitFor();

    await page.getByRole("heading", { name: "Open escalation" }).waitFor();
    const escalations = page.getByTestId("escalation-list");
    await escalations.getByText("Mark as resolved").first().click();
    await escalations.getByRole("button", { name: "Mark as resolved" }).click();
    await errorLink(page, "Say how the escalation was resolved").waitFor();
    await escalations
      .getByLabel("How was it resolved?")
      .fill("The safeguarding team visited and put a plan in place.");
    await escalations.getByRole("button", { name: "Mark as resolved" }).click();
    await page.getByText("The escalation (safeguarding concern raised) is resolved.").waitFor();
    expect(await page.getByRole("heading", { name: "Open escalation" }).count()).toBe(0);
    expect(await escalations.textContent()).toContain("Resolved");
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("after the area's number of failed attempts, offers to close as unable to contact, with a check before closing", async () => {
    const referral = await workflowApi(app.runtime.url).caseOnCaseload("Wiesia");
    const api = devApi(app.runtime.url);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await api.call(worker, "POST", `/api/referrals/${referral.id}/contacts`, {
        at: new Date().toISOString(),
        method: "phone",
        outcome: "no_answer",
      });
    }
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, worker);
    await openCase(page, referral);
    const prompt = page.getByTestId("unable-to-contact");
    await prompt
      .getByRole("heading", { name: `3 attempts without reaching ${fullName(referral)}` })
      .waitFor();
    await prompt.getByRole("button", { name: "Close as unable to contact" }).click();

    const form = page.getByTestId("close-form");
    expect(await form.getByLabel("Unable to contact").isChecked()).toBe(true);
    expect(await form.textContent()).toContain("Record the final measures first");
    await form.getByRole("button", { name: "Continue" }).click();
    await errorLink(
      page,
      "Write a summary of the support for the message back to the GP and referrer",
    ).waitFor();
    await form
      .getByLabel("Summary for the GP and referrer")
      .fill("We tried to reach her three times by phone over two weeks without an answer.");
    await form.getByRole("button", { name: "Continue" }).click();
    const check = page.getByTestId("close-confirm");
    expect(await check.textContent()).toContain("Unable to contact");
    await page.setViewportSize(mobile);
    await saveScreenshot(page, "93-case-close-check-390");
    await expectNoSeriousViolations(page, "case-close-check-390");
    await page.setViewportSize(desktop);
    await check.getByRole("button", { name: "Close case" }).click();
    await page.getByText(`${fullName(referral)}'s case is closed.`, { exact: false }).waitFor();
    expect(
      await page.getByRole("link", { name: "Read the message back to the GP" }).getAttribute("href"),
    ).toBe(`/referrals/${referral.id}/message-back`);
    expect(await page.getByTestId("contact-form").count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await close();
  });
});
