import { describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "./support/accessibility";
import { appUnderTest } from "./support/app-under-test";
import { openApp, saveScreenshot } from "./support/browser";
import { signInAs } from "./support/sign-in";
import { workflowApi } from "./support/workflow-api";
import { placesUsed } from "./support/workflow-pages";

const app = appUnderTest();

describe("an organisation declines an allocation", () => {
  it("needs a reason, and the referral returns to the coordinator's queue with the reason on its timeline", async () => {
    const api = workflowApi(app.runtime.url);
    const referral = await api.allocate(await api.triagedReferral("Declan"), "org_community_connect");
    const fullName = `${referral.person.givenName} ${referral.person.familyName}`;

    const manager = await openApp(app.browser, app.runtime.url);
    await signInAs(manager.page, "manager.vcs@linkwork.test");
    const card = manager.page.getByTestId("referral-card").filter({ hasText: fullName });
    await card.getByText("Decline this referral").click();
    await card.getByRole("button", { name: /^Decline referral/ }).click();
    const summary = manager.page.locator(".nhsuk-error-summary");
    await summary.getByRole("link", { name: "Say why the organisation cannot take this referral" }).click();
    expect(await manager.page.evaluate(() => document.activeElement?.id)).toBe(
      `decline-reason-${referral.id}`,
    );
    await saveScreenshot(manager.page, "18-decline-reason-missing");
    await expectNoSeriousViolations(manager.page, "decline-reason-missing");
    await manager.page.keyboard.type("Our housing caseworker is on leave until next month.");
    await card.getByRole("button", { name: /^Decline referral/ }).click();
    await manager.page.getByText(`You declined ${referral.reference} for ${fullName}.`).waitFor();
    await card.waitFor({ state: "detached" });
    expect(manager.pageErrors).toEqual([]);
    await manager.close();

    const coordinator = await openApp(app.browser, app.runtime.url);
    await signInAs(coordinator.page, "coordinator@linkwork.test");
    await coordinator.page.getByRole("link", { name: "Waiting for allocation" }).click();
    await coordinator.page.getByRole("heading", { name: "Waiting for allocation", level: 1 }).waitFor();
    await coordinator.page.getByRole("row").filter({ hasText: fullName }).getByRole("link").click();
    await coordinator.page.getByTestId("allocation-panel").waitFor();
    const declined = coordinator.page
      .getByTestId("timeline")
      .locator("li")
      .filter({ hasText: "Declined by Community Connect" });
    await declined.waitFor({ timeout: 30_000 });
    expect(await declined.textContent()).toContain(
      "Reason: Our housing caseworker is on leave until next month.",
    );
    expect(await declined.textContent()).toContain("by Grace Mensah");
    await coordinator.close();
  });
});

describe("two coordinators allocate the same referral at once", () => {
  it("the second is told what happened, in plain words, and can reload", async () => {
    const api = workflowApi(app.runtime.url);
    const referral = await api.triagedReferral("Clara");
    const fullName = `${referral.person.givenName} ${referral.person.familyName}`;
    const first = await openApp(app.browser, app.runtime.url);
    const second = await openApp(app.browser, app.runtime.url);
    for (const { page } of [first, second]) {
      await signInAs(page, "coordinator@linkwork.test");
      await page.goto(`/referrals/${referral.id}`);
      await page
        .getByTestId("allocation-panel")
        .getByRole("button", { name: "Allocate to Community Connect" })
        .waitFor();
    }

    await first.page.getByRole("button", { name: "Allocate to Community Connect" }).click();
    await first.page.getByText("Allocated to Community Connect. They have 5 working days").waitFor();

    await second.page.getByRole("button", { name: "Allocate to Community Connect" }).click();
    const notice = second.page.getByTestId("conflict-notice");
    await notice.getByRole("heading", { name: "This referral has changed" }).waitFor();
    expect(await notice.textContent()).toContain(
      "Someone else changed this referral while you were looking: it is now Allocated to Community Connect.",
    );
    expect(await notice.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await second.page.title()).toMatch(/^Error: /);
    await saveScreenshot(second.page, "19-allocation-conflict");
    await expectNoSeriousViolations(second.page, "allocation-conflict");

    await notice.getByRole("button", { name: "Reload and try again" }).click();
    await notice.waitFor({ state: "detached" });
    await second.page.locator(".linkwork-status-line").getByText("Allocated", { exact: true }).waitFor();
    expect(await second.page.getByTestId("allocation-panel").count()).toBe(0);
    await second.page.getByRole("heading", { name: fullName, level: 1 }).waitFor();
    expect([...first.pageErrors, ...second.pageErrors]).toEqual([]);
    await first.close();
    await second.close();
  });
});

describe("a manager sets a link worker's caseload limit", () => {
  it("checks the number, saves it, and the new limit shows at once", async () => {
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "manager.vcs@linkwork.test");
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Link workers" }).click();
    await page.getByRole("heading", { name: "Link workers", level: 1 }).waitFor();
    const worker = page.getByTestId("link-worker").filter({ hasText: "Megan Hughes" });
    const limit = worker.getByLabel("Caseload limit for Megan Hughes");
    await limit.fill("twelve");
    await worker.getByRole("button", { name: /^Save limit/ }).click();
    await page
      .locator(".nhsuk-error-summary")
      .getByRole("link", { name: "Enter the caseload limit as a whole number" })
      .waitFor();
    await limit.fill("300");
    await worker.getByRole("button", { name: /^Save limit/ }).click();
    await page
      .locator(".nhsuk-error-summary")
      .getByRole("link", { name: /cannot be more than 250/ })
      .waitFor();

    await limit.fill("35");
    await worker.getByRole("button", { name: /^Save limit/ }).click();
    await page.getByText("Megan Hughes's caseload limit is now 35.").waitFor();
    await expect
      .poll(async () => (await worker.getByTestId("capacity").textContent()) ?? "")
      .toMatch(/of 35 places used/);
    await saveScreenshot(page, "20-link-workers");
    await expectNoSeriousViolations(page, "link-workers");
    expect(pageErrors).toEqual([]);
    await close();
  });
});

describe("a person already known to the service", () => {
  it("is marked in the queue, and the coordinator is warned with links to their other open referrals", async () => {
    const api = workflowApi(app.runtime.url);
    const earlier = await api.referral("Olive");
    const later = await api.referral("Olive", {
      nhsNumber: earlier.person.nhsNumber,
      familyName: earlier.person.familyName,
    });
    const fullName = `${later.person.givenName} ${later.person.familyName}`;
    const { page, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "coordinator@linkwork.test");
    await page.getByRole("heading", { name: "Triage queue", level: 1 }).waitFor();
    const row = page.getByRole("row").filter({ hasText: later.reference });
    await row.waitFor();
    expect(await row.textContent()).toContain("Also has an open referral");

    await row.getByRole("link").click();
    await page.getByRole("heading", { name: fullName, level: 1 }).waitFor();
    const warning = page
      .locator(".nhsuk-card--warning")
      .filter({ hasText: "This person has other open referrals" });
    await warning.getByRole("link", { name: earlier.reference }).click();
    await page.waitForURL(`**/referrals/${earlier.id}`);
    await page.getByText(`Referral ${earlier.reference}`).waitFor();
    await close();
  });
});

describe("a link worker closes a case", () => {
  it("asks why, then frees the place on their caseload", async () => {
    const api = workflowApi(app.runtime.url);
    const referral = await api.caseOnCaseload("Bernard");
    const fullName = `${referral.person.givenName} ${referral.person.familyName}`;
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "worker.vcs@linkwork.test");
    await page.getByRole("heading", { name: "My caseload", level: 1 }).waitFor();
    const card = page.getByTestId("referral-card").filter({ hasText: fullName });
    await card.waitFor();
    const before = await placesUsed(page);

    // Cases close on the case page, with a reason, a summary for the GP and a check first.
    await card.getByRole("link", { name: `Open case for ${fullName}` }).click();
    await page.getByRole("heading", { name: fullName, level: 1 }).waitFor();
    await page.getByRole("button", { name: "Close this case" }).click();
    const form = page.getByTestId("close-form");
    await form.getByRole("button", { name: "Continue" }).click();
    await page
      .locator(".nhsuk-error-summary")
      .getByRole("link", { name: "Select why the case is closing" })
      .waitFor();
    await form.getByLabel("Connected to services").check();
    await form.getByLabel("Summary for the GP and referrer").fill("Joined the Tuesday walking group.");
    await form.getByRole("button", { name: "Continue" }).click();
    await page.getByTestId("close-confirm").getByRole("button", { name: "Close case" }).click();
    await page.getByText(`${fullName}'s case is closed.`, { exact: false }).waitFor();

    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "My caseload" }).click();
    await page.getByRole("heading", { name: "My caseload", level: 1 }).waitFor();
    await expect.poll(() => placesUsed(page)).toEqual({ used: before.used - 1, limit: before.limit });
    expect(await page.getByTestId("referral-card").filter({ hasText: fullName }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await close();
  });
});

describe("a link worker whose caseload is full", () => {
  it("is warned on the list, and told plainly when picking up is refused", async () => {
    const api = workflowApi(app.runtime.url);
    const referral = await api.acceptedReferral("Wilfred");
    const fullName = `${referral.person.givenName} ${referral.person.familyName}`;
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "worker.vcs@linkwork.test");
    await page.goto("/ready");
    const card = page.getByTestId("referral-card").filter({ hasText: fullName });
    await card.waitFor();
    const { used, limit } = await placesUsed(page);
    // The manager lowers the limit to what is held now, after this page has loaded.
    await api.setCommunityConnectLimit(used);
    try {
      await card.getByRole("button", { name: /^Pick up/ }).click();
      const notice = page.getByTestId("conflict-notice");
      await notice.getByRole("heading", { name: "Your caseload is full" }).waitFor();
      expect(await notice.evaluate((element) => element === document.activeElement)).toBe(true);
      await notice.getByRole("button", { name: "Reload and try again" }).click();
      await page.getByRole("heading", { name: "Your caseload is full", level: 2 }).waitFor();
      expect(await page.getByTestId("capacity").textContent()).toMatch(
        new RegExp(`^${used} of ${used} places? used`),
      );
      await card.waitFor();
      expect(pageErrors).toEqual([]);
    } finally {
      await api.setCommunityConnectLimit(limit);
      await close();
    }
  });
});
