import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "./support/accessibility";
import { appUnderTest } from "./support/app-under-test";
import { openApp, saveScreenshot } from "./support/browser";
import { caseworkScene } from "./support/casework-scene";
import { signInAs } from "./support/sign-in";

const app = appUnderTest();
const mobile = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };

const fullName = (referral: { person: { givenName: string; familyName: string } }) =>
  `${referral.person.givenName} ${referral.person.familyName}`;

/** The timeline entry with this title, once the event pipeline has put it there. */
async function timelineEntry(page: Page, title: string): Promise<string> {
  const entry = page.getByTestId("timeline").locator("li").filter({ hasText: title });
  await entry.first().waitFor({ timeout: 30_000 });
  return (await entry.first().textContent()) ?? "";
}

const errorLink = (page: Page, message: string) =>
  page.locator(".nhsuk-error-summary").getByRole("link", { name: message });

beforeAll(async () => {
  // Community Connect's second link worker, who covers Megan Hughes's cases while she is away.
  await caseworkScene(app.runtime).addCommunityConnectWorker("usr_worker_vcs_cover", "Ravi Patel", 20);
});

describe("a manager assigns an accepted referral to a named link worker", () => {
  it("lists the organisation's link workers with their free places, and the case lands on the chosen one's caseload", async () => {
    const scene = caseworkScene(app.runtime);
    const referral = await scene.workflow.acceptedReferral("Agnes");
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "manager.vcs@linkwork.test");
    await page.goto(`/referrals/${referral.id}`);
    await page.getByRole("heading", { name: "Ready for a link worker", level: 2 }).waitFor();
    const form = page.getByTestId("assign-form");
    await form.getByLabel("Ravi Patel").waitFor();
    expect(await form.textContent()).toMatch(/Megan Hughes\d+ free places? \(\d+ of 30 used\)/);
    expect(await form.textContent()).toContain("20 free places (0 of 20 used)");

    await form.getByRole("button", { name: /^Assign/ }).click();
    await errorLink(page, "Choose a link worker").click();
    await saveScreenshot(page, "80-assign-choose-worker");
    await expectNoSeriousViolations(page, "assign-choose-worker");

    await form.getByLabel("Ravi Patel").check();
    await form.getByRole("button", { name: /^Assign/ }).click();
    await page.getByText(`${fullName(referral)} is now on Ravi Patel's caseload.`).waitFor();
    await page.locator(".linkwork-status-line").getByText("Assigned", { exact: true }).waitFor();
    expect(await timelineEntry(page, "Assigned to a link worker at Community Connect")).toContain(
      "by Grace Mensah",
    );
    expect(pageErrors).toEqual([]);
    await close();
  });
});

describe("a manager moves a case to another link worker for cover", () => {
  it("needs the worker and a reason, offers only the others, and the reason shows on the timeline", async () => {
    const scene = caseworkScene(app.runtime);
    const referral = await scene.workflow.caseOnCaseload("Reggie");
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "manager.vcs@linkwork.test");
    await page.goto(`/referrals/${referral.id}`);
    await page.getByRole("heading", { name: "With Megan Hughes", level: 2 }).waitFor();
    expect(await page.getByRole("link", { name: /^Open the case/ }).getAttribute("href")).toBe(
      `/referrals/${referral.id}/case`,
    );

    await page.getByText("Move to another link worker").click();
    const form = page.getByTestId("reassign-form");
    await form.getByLabel("Ravi Patel").waitFor();
    expect(await form.getByLabel("Megan Hughes").count()).toBe(0);
    await form.getByRole("button", { name: /^Move case/ }).click();
    await errorLink(page, "Choose the link worker to move the case to").waitFor();
    await errorLink(page, "Say why the case is moving").waitFor();
    await saveScreenshot(page, "81-reassign-problems");
    await expectNoSeriousViolations(page, "reassign-problems");
    await page.setViewportSize(mobile);
    await saveScreenshot(page, "81-reassign-problems-390");
    await expectNoSeriousViolations(page, "reassign-problems-390");
    await page.setViewportSize(desktop);

    await form.getByLabel("Ravi Patel").check();
    await form.getByLabel("Why is the case moving?").fill("Megan is on annual leave for three weeks.");
    await form.getByRole("button", { name: /^Move case/ }).click();
    await page.getByText(`${fullName(referral)}'s case has moved to Ravi Patel.`).waitFor();
    await page.getByRole("heading", { name: "With Ravi Patel", level: 2 }).waitFor();
    const moved = await timelineEntry(page, "Moved to another link worker");
    expect(moved).toContain("Reason: Megan is on annual leave for three weeks.");
    expect(moved).toContain("by Grace Mensah");
    expect(pageErrors).toEqual([]);
    await close();
  });
});

/** Takes link workers off (or back on) Community Connect's list, as if they had left. */
async function setActive(userIds: string[], active: boolean): Promise<void> {
  for (const userId of userIds) {
    await app.runtime.context.db.entities.user.patch({ userId }).set({ active }).go();
  }
}

describe("a manager with nobody to choose", () => {
  it("reads why, and is offered no reason box or button that could only fail", async () => {
    const scene = caseworkScene(app.runtime);
    const onCaseload = await scene.workflow.caseOnCaseload("Nora");
    const accepted = await scene.workflow.acceptedReferral("Nell");
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    try {
      await setActive(["usr_worker_vcs_cover"], false);
      await signInAs(page, "manager.vcs@linkwork.test");
      await page.goto(`/referrals/${onCaseload.id}`);
      await page.getByText("Move to another link worker").click();
      const reassign = page.getByTestId("reassign-form");
      await reassign
        .getByText("There is no other link worker in your organisation to move this case to.", {
          exact: false,
        })
        .waitFor();
      expect(await reassign.getByLabel("Why is the case moving?").count()).toBe(0);
      expect(await reassign.getByRole("button").count()).toBe(0);

      await setActive(["usr_worker_vcs"], false);
      await page.goto(`/referrals/${accepted.id}`);
      const assign = page.getByTestId("assign-form");
      await assign
        .getByText("There is no link worker in your organisation to assign this referral to.", {
          exact: false,
        })
        .waitFor();
      expect(await assign.getByRole("button").count()).toBe(0);
      await saveScreenshot(page, "80-assign-nobody-to-choose");
      await expectNoSeriousViolations(page, "assign-nobody-to-choose");
      expect(pageErrors).toEqual([]);
    } finally {
      await setActive(["usr_worker_vcs", "usr_worker_vcs_cover"], true);
      await close();
    }
  });
});

describe("a referral goes back to triage to be allocated again", () => {
  it("needs a reason, releases the case, and the coordinator finds it waiting for allocation", async () => {
    const scene = caseworkScene(app.runtime);
    const referral = await scene.workflow.caseOnCaseload("Tessa");
    const manager = await openApp(app.browser, app.runtime.url);
    await signInAs(manager.page, "manager.vcs@linkwork.test");
    await manager.page.goto(`/referrals/${referral.id}`);
    await manager.page.getByText("Return to triage to allocate again").click();
    const form = manager.page.getByTestId("return-to-triage-form");
    await form.getByRole("button", { name: "Return to triage" }).click();
    await errorLink(manager.page, "Say why the referral is going back to triage").waitFor();
    await manager.page.setViewportSize(mobile);
    await saveScreenshot(manager.page, "82-return-to-triage-390");
    await expectNoSeriousViolations(manager.page, "return-to-triage-390");
    await manager.page.setViewportSize(desktop);
    await form
      .getByLabel("Why does this referral need allocating again?")
      .fill("She has moved to Southvale, outside the area we cover.");
    await form.getByRole("button", { name: "Return to triage" }).click();
    await manager.page
      .getByText(`${fullName(referral)}'s referral has gone back to the triage team to be allocated again.`)
      .waitFor();
    await manager.page.locator(".linkwork-status-line").getByText("Triaged", { exact: true }).waitFor();
    await saveScreenshot(manager.page, "82-return-to-triage-done");
    expect(manager.pageErrors).toEqual([]);
    await manager.close();

    const coordinator = await openApp(app.browser, app.runtime.url);
    await signInAs(coordinator.page, "coordinator@linkwork.test");
    await coordinator.page.getByRole("link", { name: "Waiting for allocation" }).click();
    await coordinator.page
      .getByRole("row")
      .filter({ hasText: fullName(referral) })
      .getByRole("link")
      .click();
    await coordinator.page.getByTestId("allocation-panel").waitFor();
    expect(await timelineEntry(coordinator.page, "Returned to triage to be allocated again")).toContain(
      "Reason: She has moved to Southvale, outside the area we cover.",
    );
    await coordinator.close();
  });
});

describe("a referrer withdraws a referral before triage; a manager closes a case with a summary and reopens it", () => {
  it("each asks for what it needs, and the timeline keeps the reasons", async () => {
    const scene = caseworkScene(app.runtime);
    const received = await scene.workflow.referral("Winifred");
    const gp = await openApp(app.browser, app.runtime.url);
    await signInAs(gp.page, "gp@linkwork.test");
    await gp.page.goto(`/referrals/${received.id}`);
    await gp.page.getByText("Withdraw this referral").click();
    await gp.page.getByRole("button", { name: "Withdraw referral" }).click();
    await errorLink(gp.page, "Say why the referral is being withdrawn").waitFor();
    await gp.page.getByLabel("Why is the referral being withdrawn?").fill("Sent for the wrong patient.");
    await gp.page.getByRole("button", { name: "Withdraw referral" }).click();
    await gp.page.getByText(`${fullName(received)}'s referral is withdrawn.`).waitFor();
    expect(await timelineEntry(gp.page, "Withdrawn")).toContain("Reason: Sent for the wrong patient.");
    expect(gp.pageErrors).toEqual([]);
    await gp.close();

    const closed = await scene.workflow.caseOnCaseload("Rosa");
    const manager = await openApp(app.browser, app.runtime.url);
    await signInAs(manager.page, "manager.vcs@linkwork.test");
    await manager.page.goto(`/referrals/${closed.id}`);
    await manager.page.getByText("Close this case").click();
    await manager.page.getByLabel("Goals met").check();
    await manager.page.getByRole("button", { name: /^Close case/ }).click();
    await errorLink(
      manager.page,
      "Write a summary of the support for the message back to the GP and referrer",
    ).waitFor();
    await manager.page
      .getByLabel("Summary for the GP and referrer")
      .fill("Rosa now goes to the Tuesday walking group.");
    await manager.page.getByRole("button", { name: /^Close case/ }).click();
    await manager.page.getByText(`${fullName(closed)}'s case is closed (goals met).`).waitFor();
    const panel = manager.page.getByTestId("message-back-panel");
    expect(await panel.textContent()).toContain("Rosa now goes to the Tuesday walking group.");
    await saveScreenshot(manager.page, "84-closed-by-manager");
    await manager.page.getByText("Reopen this referral").click();
    await manager.page
      .getByLabel("Why is the referral being reopened?")
      .fill("Rosa has asked for more help.");
    await manager.page.getByRole("button", { name: "Reopen referral" }).click();
    await manager.page.getByText(`${fullName(closed)}'s referral is open again.`).waitFor();
    expect(await timelineEntry(manager.page, "Reopened")).toContain("Reason: Rosa has asked for more help.");
    expect(manager.pageErrors).toEqual([]);
    await manager.close();
  });
});

describe("open escalations reach the coordinator's queue and the manager's page", () => {
  it("show where, when and by whom with a link to the referral, and go once resolved with a note", async () => {
    const scene = caseworkScene(app.runtime);
    const referral = await scene.workflow.caseOnCaseload("Edith");
    await scene.escalate(referral, "safeguarding", "Signs of financial abuse by a relative.");
    const name = fullName(referral);

    const manager = await openApp(app.browser, app.runtime.url);
    await signInAs(manager.page, "manager.vcs@linkwork.test");
    await manager.page.getByRole("heading", { name: "Incoming allocations", level: 1 }).waitFor();
    const managersCard = manager.page.getByTestId("escalation").filter({ hasText: name });
    await managersCard.waitFor();
    expect(await managersCard.textContent()).toContain("Safeguarding concern raised");
    await manager.close();

    const coordinator = await openApp(app.browser, app.runtime.url);
    await signInAs(coordinator.page, "coordinator@linkwork.test");
    await coordinator.page.getByRole("heading", { name: "Triage queue", level: 1 }).waitFor();
    const card = coordinator.page.getByTestId("escalation").filter({ hasText: name });
    await card.waitFor();
    const text = (await card.textContent()) ?? "";
    expect(text).toContain("Safeguarding concern raised");
    expect(text).toContain("Megan Hughes");
    expect(text).toContain(referral.reference);
    // The coordinator answers the concern, so they read what was raised.
    expect(text).toContain("Signs of financial abuse by a relative.");
    expect(await card.getByRole("link", { name: new RegExp(name) }).getAttribute("href")).toBe(
      `/referrals/${referral.id}`,
    );
    await saveScreenshot(coordinator.page, "83-escalation-queue");
    await expectNoSeriousViolations(coordinator.page, "escalation-queue");
    await coordinator.page.setViewportSize(mobile);
    await saveScreenshot(coordinator.page, "83-escalation-queue-390");
    await expectNoSeriousViolations(coordinator.page, "escalation-queue-390");
    await coordinator.page.setViewportSize(desktop);

    await card.getByText("Mark as resolved").first().click();
    await card.getByRole("button", { name: /^Mark as resolved/ }).click();
    await errorLink(coordinator.page, "Say how the escalation was resolved").waitFor();
    await card
      .getByLabel("What was done about it?")
      .fill("Raised with the council's safeguarding team, reference SG-1182.");
    await card.getByRole("button", { name: /^Mark as resolved/ }).click();
    await coordinator.page
      .getByText(`Safeguarding concern raised for ${name} is marked as resolved.`)
      .waitFor();
    await card.waitFor({ state: "detached" });

    await coordinator.page.goto(`/referrals/${referral.id}`);
    await timelineEntry(coordinator.page, "Safeguarding concern raised");
    await timelineEntry(coordinator.page, "Escalation resolved");
    expect(await coordinator.page.getByTestId("timeline").textContent()).not.toContain("SG-1182");
    expect(coordinator.pageErrors).toEqual([]);
    await coordinator.close();
  });
});
