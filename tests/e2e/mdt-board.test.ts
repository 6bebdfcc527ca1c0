import type { AgendaItem, Mdt, Meeting } from "@linkwork/core/mdt/schema";
import type { Referral, ReferralCreateInput } from "@linkwork/core/referral/schema";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "./support/accessibility";
import { appUnderTest } from "./support/app-under-test";
import { type AppPage, openApp, saveScreenshot } from "./support/browser";
import { devApi } from "./support/dev-api";
import { testNhsNumber } from "./support/nhs-numbers";
import { uniqueFamilyName } from "./support/referral-form";
import { signInAs } from "./support/sign-in";

const app = appUnderTest();

const chair = "gp@linkwork.test";
const member = "manager.pcn@linkwork.test";

/** The scene set through the API: a team chaired by the GP, a meeting, and three people listed on it. */
function mdtApi(baseUrl: string) {
  const { call } = devApi(baseUrl);
  return {
    call,
    referral: (givenName: string, familyName: string) => {
      const body: ReferralCreateInput = {
        person: {
          nhsNumber: testNhsNumber(),
          givenName,
          familyName,
          dateOfBirth: "1948-02-17",
          postcode: "NS1 4AB",
          phone: "07700 900 456",
        },
        source: "gp",
        practiceOds: "A81001",
        reason: "Three A&E visits since the summer after a fall; lives alone and rarely goes out.",
        needs: ["loneliness_isolation", "physical_activity"],
        riskFlags: ["frequent_attender", "lives_alone"],
        consent: { shareWithProviders: true },
      };
      return call<Referral>(chair, "POST", "/api/referrals", body);
    },
    meeting: (meetingId: string) => call<Meeting>(chair, "GET", `/api/meetings/${meetingId}`),
  };
}

async function columnOf(page: Page, name: string): Promise<string | null> {
  const card = page.getByTestId("board-card").filter({ hasText: name });
  return card.evaluate((element) => element.closest("[data-column]")?.getAttribute("data-column") ?? null);
}

/** Waits (with the locator's deadline) until the named person's card is drawn in that column. */
async function cardInColumn(page: Page, name: string, column: string) {
  await page
    .locator(`[data-column="${column}"]`)
    .getByTestId("board-card")
    .filter({ hasText: name })
    .waitFor();
}

describe("the MDT's live board, shared by the chair and another member", () => {
  const familyName = uniqueFamilyName("Board");
  const people = ["Arthur", "Beatrice", "Cyril"].map((given) => `${given} ${familyName}`);
  let meetingId = "";

  it("the chair plans the team's next meeting from the MDT meetings page", async () => {
    const api = mdtApi(app.runtime.url);
    await api.call<Mdt>("admin@linkwork.test", "POST", "/api/mdts", {
      name: `Riverside MDT ${familyName}`,
      practices: ["A81001", "A81002"],
      chairUserId: "usr_gp",
      memberUserIds: ["usr_manager_pcn", "usr_manager_vcs"],
      cadenceDays: 14,
    });
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, chair);
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "MDT meetings" }).click();
    await page.getByRole("heading", { name: "MDT meetings", level: 1 }).waitFor();
    const team = page.getByTestId("mdt").filter({ hasText: `Riverside MDT ${familyName}` });
    await team.getByText("No meetings are planned yet.").waitFor();
    await team.locator("summary").filter({ hasText: "Plan a meeting" }).click();
    await team.getByRole("button", { name: "Plan the meeting" }).click();
    await team
      .locator(".nhsuk-error-summary")
      .getByRole("link", { name: /Enter when the meeting starts/ })
      .waitFor();

    const tomorrow = new Date(Date.now() + 24 * 60 * 60_000);
    const pad = (value: number) => String(value).padStart(2, "0");
    await team
      .getByLabel("Starts at")
      .fill(`${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T14:00`);
    await team.getByLabel("Length in minutes").fill("60");
    await saveScreenshot(page, "60-mdt-plan-meeting");
    await expectNoSeriousViolations(page, "mdt-plan-meeting");
    await team.getByRole("button", { name: "Plan the meeting" }).click();
    await page.waitForURL(/\/mdt\/meetings\/mtg_/);
    meetingId = new URL(page.url()).pathname.split("/").pop() ?? "";
    await page.getByRole("heading", { name: /^Riverside MDT .*Meeting on .* at 14:00$/, level: 1 }).waitFor();
    await page.getByText("No one is on the agenda yet.").waitFor();
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("members prepare the agenda: a suggested person is added with a reason, the SBAR filled in from the record is corrected, and the chair starts the meeting", async () => {
    const api = mdtApi(app.runtime.url);
    for (const name of people) {
      const [given = "", family = ""] = name.split(" ");
      const referral = await api.referral(given, family);
      await api.call<AgendaItem>(chair, "POST", `/api/meetings/${meetingId}/items`, {
        referralId: referral.id,
        reason: `Frequent A&E attender: ${given}`,
      });
    }
    await api.referral("Dorothy", familyName);
    const dorothy = `Dorothy ${familyName}`;

    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, chair);
    await page.goto(`/mdt/meetings/${meetingId}`);
    await page.getByRole("heading", { name: "Agenda", level: 2 }).waitFor();
    expect(await page.getByTestId("agenda-item").count()).toBe(3);

    const suggested = page.getByTestId("candidate").filter({ hasText: dorothy });
    expect(await suggested.textContent()).toContain("Frequent attender");
    await suggested
      .getByLabel(`Why discuss ${dorothy}`)
      .fill("Three A&E visits since the summer; lives alone.");
    await suggested.getByRole("button", { name: `Add ${dorothy} to the agenda` }).click();
    await page.getByTestId("agenda-notice").getByText(`${dorothy} is on the agenda`).waitFor();
    await suggested.waitFor({ state: "detached" });

    const listed = page.getByTestId("agenda-item").filter({ hasText: dorothy });
    await listed.locator("summary").click();
    const situation = listed.getByLabel("Situation");
    expect(await situation.inputValue()).toContain("Referred on");
    await situation.fill("Three A&E visits since the summer after a fall at home.");
    // Another member records attendance meanwhile: the page refetches, and what was typed stays.
    const planned = await api.meeting(meetingId);
    await api.call(member, "PUT", `/api/meetings/${meetingId}/attendance`, {
      version: planned.version,
      attendees: ["usr_gp", "usr_manager_pcn"],
    });
    await page.getByText("60 minutes, 2 present").waitFor();
    expect(await situation.inputValue()).toBe("Three A&E visits since the summer after a fall at home.");
    await listed.getByRole("button", { name: "Save the SBAR" }).click();
    await page.getByTestId("agenda-notice").getByText(`The SBAR for ${dorothy} is saved.`).waitFor();
    const saved = (await api.meeting(meetingId)).items.find((item) => item.person.name === dorothy);
    expect(saved?.sbar?.situation).toBe("Three A&E visits since the summer after a fall at home.");
    await saveScreenshot(page, "61-mdt-agenda");
    await expectNoSeriousViolations(page, "mdt-agenda");

    await page.getByRole("button", { name: "Start the meeting" }).click();
    await page.getByRole("heading", { name: "Board", level: 2 }).waitFor();
    await page.getByTestId("meeting-clock").waitFor();
    expect(await page.getByTestId("board-card").count()).toBe(4);
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("the chair drags one card and moves another from the keyboard, and records an outcome; the member's board follows without reloading", async () => {
    const chairApp: AppPage = await openApp(app.browser, app.runtime.url);
    const memberApp: AppPage = await openApp(app.browser, app.runtime.url);
    const [arthur = "", beatrice = ""] = people;
    for (const [{ page }, email] of [
      [chairApp, chair],
      [memberApp, member],
    ] as const) {
      await signInAs(page, email);
      await page.goto(`/mdt/meetings/${meetingId}`);
      await page.getByRole("heading", { name: "Board", level: 2 }).waitFor();
      await page.locator('[data-testid="live-status"][data-state="live"]').waitFor();
      await cardInColumn(page, arthur, "to_discuss");
    }
    const chairPage = chairApp.page;
    const memberPage = memberApp.page;
    await memberPage.getByTestId("capacity-strip").getByTestId("link-worker-capacity").first().waitFor();

    // A card nobody moves keeps its very element through every refetch: the board does not redraw it.
    const [, , cyril = ""] = people;
    await memberPage
      .getByTestId("board-card")
      .filter({ hasText: cyril })
      .evaluate((element) => element.setAttribute("data-kept", "yes"));
    // Screen readers hear each column's count and each button's purpose with no stray spaces.
    await memberPage.getByRole("heading", { name: /^To discuss \(\d+ people\)$/, level: 3 }).waitFor();
    await memberPage.getByRole("button", { name: `Up: move ${arthur} up`, exact: true }).waitFor();

    // Drag Arthur by his name onto the Discussing column.
    const handle = chairPage.getByTestId("board-card").filter({ hasText: arthur }).locator("h4");
    await handle.scrollIntoViewIfNeeded();
    const from = await handle.boundingBox();
    const to = await chairPage.locator('[data-column="discussing"]').boundingBox();
    if (!from || !to) throw new Error("The board is not drawn");
    await chairPage.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await chairPage.mouse.down();
    await chairPage.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 12 });
    await chairPage.mouse.up();
    await cardInColumn(chairPage, arthur, "discussing");
    await cardInColumn(memberPage, arthur, "discussing");
    expect(await memberPage.getByTestId("board-announcer").textContent()).toContain(
      `${arthur} is now in Discussing`,
    );

    // Beatrice goes to Deferred with the keyboard alone: her "Move to" list, then Enter.
    const beatriceCard = chairPage.getByTestId("board-card").filter({ hasText: beatrice });
    await beatriceCard.getByLabel(/Move to/).focus();
    await beatriceCard.getByLabel(/Move to/).selectOption("deferred");
    await chairPage.keyboard.press("Enter");
    await cardInColumn(chairPage, beatrice, "deferred");
    expect(await chairPage.getByTestId("board-announcer").textContent()).toContain(
      `Moved ${beatrice} to Deferred, 1 of 1.`,
    );
    // Once the move lands, focus is back on her "Move to" list, in the column she moved to.
    await chairPage.waitForFunction(() => document.activeElement?.id.endsWith("-move-to") === true);
    expect(
      await chairPage.evaluate(() =>
        document.activeElement?.closest("[data-column]")?.getAttribute("data-column"),
      ),
    ).toBe("deferred");
    await cardInColumn(memberPage, beatrice, "deferred");
    await saveScreenshot(memberPage, "62-mdt-board-member-follows");
    await expectNoSeriousViolations(memberPage, "mdt-board-member");

    // The chair opens Arthur's card and starts the decision, with one action.
    await chairPage
      .getByTestId("board-card")
      .filter({ hasText: arthur })
      .getByRole("button", { name: /^Open/ })
      .click();
    const panel = chairPage.getByTestId("item-panel");
    await panel.getByRole("heading", { name: arthur, level: 2 }).waitFor();
    await panel.getByLabel("Decision").fill("Community Connect to offer a walking group and a home visit.");
    await panel.getByRole("button", { name: "Add an action" }).click();
    await panel.getByLabel("What is to be done").fill("Arrange a home visit within two weeks");
    await panel.getByLabel("Owner organisation").selectOption({ label: "Community Connect" });
    await panel.getByLabel("Due date").fill("2026-12-18");
    await saveScreenshot(chairPage, "63-mdt-board-outcome-form");
    await expectNoSeriousViolations(chairPage, "mdt-board-outcome-form");

    // Support allocated from the board: triaged first, then through the same ranked options as triage.
    await panel
      .locator("summary")
      .filter({ hasText: `Allocate support for ${arthur}` })
      .click();
    const allocation = panel.getByTestId("allocate-support");
    await allocation.getByRole("button", { name: "Save triage" }).waitFor();
    await allocation.getByLabel("Soon").check();
    await allocation.getByLabel("Supported connection").check();
    await allocation.getByRole("button", { name: "Save triage" }).click();
    const communityConnect = allocation.getByRole("button", { name: "Allocate to Community Connect" });
    await communityConnect.waitFor();
    await saveScreenshot(chairPage, "65-mdt-board-allocate-support");
    await expectNoSeriousViolations(chairPage, "mdt-board-allocate-support");
    await communityConnect.click();
    await chairPage.getByText("Allocated to Community Connect. They have 5 working days").waitFor();
    // Allocating is not deciding: the decision is written for the chair, after what they typed, and focused.
    const decision = panel.getByLabel("Decision");
    await panel.getByText("Record the decision to finish this person's discussion").waitFor();
    await chairPage.waitForFunction(() => document.activeElement?.id.endsWith("-decision") === true);
    expect(await decision.inputValue()).toBe(
      "Community Connect to offer a walking group and a home visit.\nSupport allocated to Community Connect.",
    );
    expect(await panel.getByTestId("outcome").count()).toBe(0);
    await saveScreenshot(chairPage, "66-mdt-board-allocation-decision");
    await expectNoSeriousViolations(chairPage, "mdt-board-allocation-decision");

    // Recording the outcome is then one click.
    await panel.getByRole("button", { name: "Record the outcome" }).click();
    await panel.getByTestId("outcome").waitFor();
    await chairPage.waitForFunction(() => document.activeElement?.textContent?.trim() === "Outcome");
    await cardInColumn(chairPage, arthur, "decided");

    await cardInColumn(memberPage, arthur, "decided");
    const memberCard = memberPage.getByTestId("board-card").filter({ hasText: arthur });
    expect(await memberCard.textContent()).toContain("Community Connect to offer a walking group");
    expect(
      await memberPage.getByTestId("board-card").filter({ hasText: cyril }).getAttribute("data-kept"),
    ).toBe("yes");
    await saveScreenshot(memberPage, "64-mdt-board-member-sees-outcome");
    await expectNoSeriousViolations(memberPage, "mdt-board-member-outcome");

    // A capacity change made outside the meeting reaches the member's strip too.
    const api = mdtApi(app.runtime.url);
    await api.call("manager.vcs@linkwork.test", "PUT", "/api/link-workers/usr_worker_vcs/capacity", {
      caseloadLimit: 27,
    });
    await memberPage
      .getByTestId("link-worker-capacity")
      .filter({ hasText: "Megan Hughes" })
      .filter({ hasText: "of 27)" })
      .waitFor();

    expect(chairApp.pageErrors).toEqual([]);
    expect(memberApp.pageErrors).toEqual([]);
    await chairApp.close();
    await memberApp.close();
  });

  it("when two members move the same card, the one who loses sees the board as it is now", async () => {
    const api = mdtApi(app.runtime.url);
    const memberApp = await openApp(app.browser, app.runtime.url);
    const page = memberApp.page;
    const cyril = people[2] ?? "";
    await signInAs(page, member);
    await page.goto(`/mdt/meetings/${meetingId}`);
    await cardInColumn(page, cyril, "to_discuss");
    const seen = (await api.meeting(meetingId)).items.find((item) => item.person.name === cyril);
    if (!seen) throw new Error("Cyril is not on the agenda");

    // The member's move is held back until the chair's move of the same card has landed.
    await page.route("**/api/meetings/*/items/*", async (route) => {
      if (route.request().method() !== "PATCH") return route.continue();
      await api.call(chair, "PATCH", `/api/meetings/${meetingId}/items/${seen.id}`, {
        version: seen.version,
        column: "deferred",
      });
      await route.continue();
    });
    const card = page.getByTestId("board-card").filter({ hasText: cyril });
    await card.getByLabel(/Move to/).selectOption("discussing");
    await card.getByRole("button", { name: `Move ${cyril}`, exact: true }).click();
    await page
      .getByTestId("move-refused")
      .getByText(/Someone else changed/)
      .waitFor();
    await cardInColumn(page, cyril, "deferred");
    expect(await columnOf(page, cyril)).toBe("deferred");
    await saveScreenshot(page, "66-mdt-board-move-refused");
    await expectNoSeriousViolations(page, "mdt-board-move-refused");
    expect(memberApp.pageErrors).toEqual([]);
    await memberApp.close();
  });

  it("while the live connection is down the board says it is reconnecting, keeps up by polling, and goes live again", async () => {
    const api = mdtApi(app.runtime.url);
    const memberApp = await openApp(app.browser, app.runtime.url);
    const page = memberApp.page;
    const beatrice = people[1] ?? "";
    await signInAs(page, member);
    await page.route("**/api/live/tickets", (route) => route.abort());
    await page.goto(`/mdt/meetings/${meetingId}`);
    await page
      .locator('[data-testid="live-status"][data-state="reconnecting"]')
      .getByText("Reconnecting…")
      .waitFor();
    await cardInColumn(page, beatrice, "deferred");

    const item = (await api.meeting(meetingId)).items.find((candidate) => candidate.person.name === beatrice);
    if (!item) throw new Error("Beatrice is not on the agenda");
    await api.call(chair, "PATCH", `/api/meetings/${meetingId}/items/${item.id}`, {
      version: item.version,
      column: "to_discuss",
    });
    await cardInColumn(page, beatrice, "to_discuss");
    await saveScreenshot(page, "67-mdt-board-reconnecting");

    await page.unroute("**/api/live/tickets");
    await page.locator('[data-testid="live-status"][data-state="live"]').waitFor({ timeout: 30_000 });
    expect(memberApp.pageErrors).toEqual([]);
    await memberApp.close();
  });

  it("the chair ends the meeting and reads the summary, with the undecided people carried over", async () => {
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, chair);
    await page.goto(`/mdt/meetings/${meetingId}`);
    await page.getByRole("button", { name: "End the meeting" }).click();
    await page.getByText("3 people have no decision and will be carried over").waitFor();
    await page.getByRole("button", { name: "Yes, end the meeting" }).click();
    const summary = page.getByTestId("meeting-summary");
    await summary.getByRole("heading", { name: "Summary" }).waitFor();
    const arthur = summary.getByTestId("summary-entry").filter({ hasText: people[0] ?? "" });
    await arthur.waitFor();
    expect(await arthur.textContent()).toContain("Community Connect to offer a walking group");
    const carried = summary.getByTestId("summary-entry").filter({ hasText: "carried over" });
    expect(await carried.count()).toBe(3);
    await saveScreenshot(page, "68-mdt-meeting-summary");
    await expectNoSeriousViolations(page, "mdt-meeting-summary");
    // An ended meeting no longer changes: nothing on it claims to be live.
    expect(await page.getByTestId("live-status").count()).toBe(0);

    // The action agreed for Arthur is still open, so the next meeting follows it up.
    await carried.first().getByRole("link", { name: "the next meeting" }).click();
    const openActions = page.getByTestId("open-actions");
    await openActions.getByRole("heading", { name: "Open actions from earlier meetings" }).waitFor();
    const homeVisit = openActions
      .getByTestId("open-action")
      .filter({ hasText: "Arrange a home visit within two weeks" });
    await homeVisit.waitFor();
    expect(await homeVisit.textContent()).toContain("Community Connect");
    expect(await homeVisit.textContent()).toContain("Due 18 December 2026");
    await saveScreenshot(page, "6a-mdt-next-meeting-open-actions");
    await expectNoSeriousViolations(page, "mdt-next-meeting-open-actions");
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("the action's owner organisation finds it on My actions and marks it done", async () => {
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "manager.vcs@linkwork.test");
    await page.goto("/actions");
    await page.getByRole("heading", { name: "My actions", level: 1 }).waitFor();
    const action = page
      .getByTestId("action")
      .filter({ hasText: "Arrange a home visit within two weeks" })
      .first();
    await action.waitFor();
    expect(await action.textContent()).toContain("Due 18 December 2026");
    // Community Connect's manager is on the team, so the meeting it came from is a link.
    await action.getByRole("link", { name: "The meeting it came from" }).waitFor();
    // The demo's earlier action, past its due date, is from a team she is not on: named, overdue, no link.
    const overdue = page.getByTestId("action").filter({ hasText: "Match Albert with a male befriender" });
    await overdue.getByText("Megan Hughes", { exact: false }).waitFor();
    expect(await overdue.getByText("Overdue", { exact: true }).count()).toBe(1);
    expect(await overdue.getByRole("link").count()).toBe(0);
    expect(await overdue.textContent()).toContain("Agreed at a meeting of an MDT you are not a member of.");
    await saveScreenshot(page, "69-my-actions");
    await expectNoSeriousViolations(page, "my-actions");
    await action.getByRole("button", { name: /^Mark as done/ }).click();
    await page.getByText("Marked done: Arrange a home visit within two weeks").waitFor();
    await action.getByText("Done", { exact: true }).waitFor();
    expect(pageErrors).toEqual([]);
    await close();
  });
});
