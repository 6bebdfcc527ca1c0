import { readFileSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "./support/accessibility";
import { appUnderTest } from "./support/app-under-test";
import { openApp, saveScreenshot } from "./support/browser";
import { devApi } from "./support/dev-api";
import { signInAs } from "./support/sign-in";

/**
 * The README's casework walk-through, as a new user takes it in the seeded demo world: North Town
 * PCN's link worker picks up Maureen Fletcher (accepted by the PCN yesterday) and works her case
 * through to closure; her GP reads the message back; another organisation finds none of it.
 */
const app = appUnderTest();
const worker = "worker.pcn@linkwork.test";
const name = "Maureen Fletcher";
const mobile = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };
let referralId = "";

/** A UK calendar date some days from now, as the date boxes take it and as the page shows it. */
function daysAhead(days: number) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London",
      day: "numeric",
      month: "numeric",
      year: "numeric",
    })
      .formatToParts(new Date(Date.now() + days * 86_400_000))
      .map((part) => [part.type, part.value]),
  );
  const iso = `${parts.year}-${String(parts.month).padStart(2, "0")}-${String(parts.day).padStart(2, "0")}`;
  const shown = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" }).format(
    new Date(`${iso}T12:00:00Z`),
  );
  return { day: String(parts.day), month: String(parts.month), year: String(parts.year), shown };
}

/** Checks a page the way each key step is checked: a full-page screenshot and axe. */
async function capture(page: Page, file: string) {
  await saveScreenshot(page, file);
  await expectNoSeriousViolations(page, file.replace(/^\d+-/, ""));
}

/** Opens a folded form by its summary line, unless it is open already (saving may leave it open). */
async function unfold(page: Page, summary: string, form: Locator) {
  if (!(await form.isVisible())) await page.getByText(summary, { exact: true }).click();
  await form.waitFor();
}

async function logContact(
  page: Page,
  outcome: "No answer" | "Made contact",
  minutes?: string,
  note?: string,
) {
  const form = page.getByTestId("contact-form");
  await form.getByLabel("Phone", { exact: true }).check();
  await form.getByLabel(outcome).check();
  if (minutes) await form.getByLabel("How long, in minutes (optional)").fill(minutes);
  if (note) await form.getByLabel("Note (optional)").fill(note);
  await form.getByRole("button", { name: "Log contact" }).click();
}

async function fillGoal(goal: Locator, text: string, importance: string, actions: string) {
  await goal.getByLabel("The goal, in the person's words").fill(text);
  await goal.getByLabel("How much it matters to them").selectOption(importance);
  await goal.getByLabel("Actions (optional)").fill(actions);
}

/** Answers every SWEMWBS statement with the same point of the placeholder scale. */
async function recordSwemwbs(page: Page, point: number, stage?: "Review" | "Final") {
  const form = page.getByTestId("measure-form-swemwbs");
  await unfold(page, "Record Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)", form);
  if (stage) await form.getByRole("group", { name: "When is this measure taken?" }).getByLabel(stage).check();
  for (let question = 1; question <= 7; question += 1) {
    await form
      .getByRole("group", { name: new RegExp(`^Question ${question}:`) })
      .getByLabel(`Response ${point} of 5 (placeholder label)`)
      .check();
  }
  await form.getByRole("button", { name: "Save SWEMWBS answers" }).click();
}

/** ONS4's four questions in order: life satisfaction, worthwhile, happy, anxious. */
async function recordOns4(page: Page, answers: [number, number, number, number], stage?: "Final") {
  const form = page.getByTestId("measure-form-ons4");
  await unfold(page, "Record ONS personal wellbeing (ONS4)", form);
  if (stage) await form.getByRole("group", { name: "When is this measure taken?" }).getByLabel(stage).check();
  for (const [index, answer] of answers.entries()) {
    const label = answer === 0 ? "0: not at all" : answer === 10 ? "10: completely" : String(answer);
    await form
      .getByRole("group", { name: new RegExp(`^Question ${index + 1}:`) })
      .getByLabel(label, { exact: true })
      .check();
  }
  await form.getByRole("button", { name: "Save ONS4 answers" }).click();
}

async function recordDomains(page: Page, statuses: Record<string, string>, stage?: "Review" | "Final") {
  const form = page.getByTestId("domains-form");
  await unfold(page, "Record need domains", form);
  if (stage) await form.getByRole("group", { name: "When is this assessment?" }).getByLabel(stage).check();
  for (const [need, status] of Object.entries(statuses)) {
    await form.getByRole("group", { name: need }).getByLabel(status, { exact: true }).check();
  }
  await form.getByRole("button", { name: "Save need domains" }).click();
}

async function addConnection(page: Page, service: string, need: string) {
  const form = page.getByTestId("connection-form");
  await unfold(page, "Add a connection", form);
  await form.getByLabel("Service", { exact: true }).fill(service);
  await form.getByLabel("Voluntary and community sector").check();
  await form.getByLabel("Need it meets").selectOption(need);
  await form.getByLabel("Referred", { exact: true }).check();
  await form.getByRole("button", { name: "Add connection" }).click();
  await page.getByText(`${name}'s connection to ${service} is recorded.`).waitFor();
}

async function markAttended(page: Page, service: string) {
  const list = page.getByTestId("connection-list");
  await list.getByLabel(`Status of ${service}`).selectOption("attended");
  await list.getByRole("button", { name: `Update ${service}` }).click();
  await page.getByText(`${service} is now marked as attended.`).waitFor();
}

const walkingGroup = "Riverside Walking for Health";
const knitAndNatter = "Northshire Library Knit and Natter";

describe("casework from pick-up to the message back, as the README walks it", () => {
  it("the PCN's link worker picks Maureen up and works her case through to closure", async () => {
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, worker);
    await page.getByRole("heading", { name: "My caseload", level: 1 }).waitFor();
    // Yvonne Baptiste's case, already in progress, is on the caseload with its review date.
    await page.getByTestId("referral-card").filter({ hasText: "Yvonne Baptiste" }).waitFor();

    await page
      .getByRole("navigation", { name: "Menu" })
      .getByRole("link", { name: "Ready to pick up" })
      .click();
    await page.getByRole("heading", { name: "Ready to pick up", level: 1 }).waitFor();
    const card = page.getByTestId("referral-card").filter({ hasText: name });
    await card.waitFor();
    await capture(page, "70-casework-ready-to-pick-up");
    await card.getByRole("button", { name: /^Pick up/ }).click();
    await page.getByText(`${name} is now on your caseload.`).waitFor();

    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "My caseload" }).click();
    const onCaseload = page.getByTestId("referral-card").filter({ hasText: name });
    await onCaseload.getByRole("link", { name: `Open case for ${name}` }).click();
    await page.getByRole("heading", { name, level: 1 }).waitFor();
    referralId = new URL(page.url()).pathname.split("/")[2] ?? "";
    expect(page.url()).toContain(`/referrals/${referralId}/case`);
    expect(await page.getByRole("link", { name: `07700 900 815 (call ${name})` }).getAttribute("href")).toBe(
      "tel:07700900815",
    );
    await capture(page, "71-casework-case-picked-up");

    await logContact(page, "No answer");
    await page.getByText(/^Attempt to contact Maureen Fletcher .* logged \(no answer\)\.$/).waitFor();
    await page
      .getByTestId("failed-attempts")
      .getByText("1 failed attempt in a row since the last contact.")
      .waitFor();
    await logContact(
      page,
      "Made contact",
      "30",
      "Happy to talk. Misses her mother; would like a gentle walking group.",
    );
    await page.getByText(/^Contact with Maureen Fletcher .* logged\.$/).waitFor();
    await page.locator(".linkwork-status-line").getByText("Active", { exact: true }).waitFor();
    expect(await page.getByTestId("failed-attempts").textContent()).toContain("No failed attempts");

    const review = daysAhead(28);
    const plan = page.getByTestId("plan-form");
    await plan
      .getByLabel("What matters to me")
      .fill('"Having a reason to get dressed and out of the house, and people to talk to."');
    await plan.getByRole("button", { name: "Add a goal" }).click();
    await fillGoal(
      plan.getByTestId("goal").nth(0),
      "Walk with a group once a week",
      "9",
      "Tom to refer her to Walking for Health.",
    );
    await plan.getByRole("button", { name: "Add another goal" }).click();
    await fillGoal(
      plan.getByTestId("goal").nth(1),
      "Meet people who like crafts",
      "7",
      "Maureen to try the library's Knit and Natter.",
    );
    const reviewDate = plan.getByRole("group", { name: "Next review" });
    await reviewDate.getByLabel("Day").fill(review.day);
    await reviewDate.getByLabel("Month").fill(review.month);
    await reviewDate.getByLabel("Year").fill(review.year);
    await plan.getByRole("button", { name: "Save plan" }).click();
    await page.getByText(`${name}'s plan is saved. The next review is on ${review.shown}.`).waitFor();

    await recordDomains(page, {
      "Loneliness and isolation": "Not managing",
      "Physical activity": "Not managing",
      "Mental wellbeing": "Getting support",
    });
    await page.getByText(`Baseline need domains recorded for ${name}.`).waitFor();
    // Raw 14: a metric score of 15.32.
    await recordSwemwbs(page, 2);
    await page.getByText(/SWEMWBS\): baseline recorded for Maureen Fletcher/).waitFor();
    await recordOns4(page, [4, 5, 3, 7]);
    await page.getByText(/ONS4\): baseline recorded for Maureen Fletcher/).waitFor();

    await addConnection(page, walkingGroup, "physical_activity");
    await addConnection(page, knitAndNatter, "loneliness_isolation");
    await capture(page, "72-casework-plan-baseline-connections");

    // The review: she went to both; the walking goal is met; how she is managing now.
    await markAttended(page, walkingGroup);
    await markAttended(page, knitAndNatter);
    await plan.getByTestId("goal").nth(0).getByLabel("Achieved").check();
    await plan.getByRole("button", { name: "Save plan" }).click();
    await page.getByText(`${name}'s plan is saved.`, { exact: false }).waitFor();
    await page.getByText("Plan history (2 versions)").waitFor();
    await recordDomains(
      page,
      {
        "Loneliness and isolation": "Getting support",
        "Physical activity": "Managing",
        "Mental wellbeing": "Getting support",
      },
      "Review",
    );
    await page.getByText(`Review need domains recorded for ${name}.`, { exact: false }).waitFor();

    // The end of support: final measures, then closing with a summary for the GP.
    await recordDomains(
      page,
      {
        "Loneliness and isolation": "Managing",
        "Physical activity": "Managing",
        "Mental wellbeing": "Managing",
      },
      "Final",
    );
    await page.getByText(`Final need domains recorded for ${name}.`, { exact: false }).waitFor();
    // Raw 28: a metric score of 25.03, up 9.71 on the baseline.
    await recordSwemwbs(page, 4, "Final");
    await page.getByText(/SWEMWBS\): final recorded for Maureen Fletcher/).waitFor();
    await recordOns4(page, [7, 8, 7, 3], "Final");
    await page.getByText(/ONS4\): final recorded for Maureen Fletcher/).waitFor();
    const measures = page.getByTestId("measure-summary");
    expect(await measures.textContent()).toContain("15.32");
    expect(await measures.textContent()).toContain("25.03");
    await page.setViewportSize(mobile);
    await capture(page, "73-casework-case-page-390");
    await page.setViewportSize(desktop);

    await page.getByRole("button", { name: "Close this case" }).click();
    const form = page.getByTestId("close-form");
    expect(await form.textContent()).not.toContain("Record the final measures first");
    await form.getByLabel("Goals met").check();
    await form
      .getByLabel("Summary for the GP and referrer")
      .fill(
        "Maureen now walks with Riverside Walking for Health every week and goes to the library's Knit and Natter. She says she has people to talk to again, and her wellbeing has improved.",
      );
    await form.getByRole("button", { name: "Continue" }).click();
    const check = page.getByTestId("close-confirm");
    expect(await check.textContent()).toContain("Goals met");
    await capture(page, "74-casework-close-check");
    await check.getByRole("button", { name: "Close case" }).click();
    await page.getByText(`${name}'s case is closed.`, { exact: false }).waitFor();
    await page.getByRole("link", { name: "Read the message back to the GP" }).waitFor();
    expect(await page.getByTestId("contact-form").count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("the GP reads the message back with its codes and the change in wellbeing, and downloads the PDF", async () => {
    expect(referralId).not.toBe("");
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "gp@linkwork.test");
    await page.getByRole("heading", { name: "My referrals", level: 1 }).waitFor();
    // The demo's case closed weeks ago has its message back waiting too.
    await page.getByRole("row").filter({ hasText: "Graham Whitfield" }).getByRole("link").first().click();
    const panel = page.getByTestId("message-back-panel");
    expect(await panel.textContent()).toContain("North Town Men's Shed");
    await page.goBack();
    await page.getByRole("row").filter({ hasText: name }).getByRole("link").first().click();
    await page.getByRole("heading", { name, level: 1 }).waitFor();
    await panel.waitFor();
    expect(await panel.textContent()).toContain("goals met");
    await panel.getByRole("link", { name: /^Read the full message back/ }).click();
    await page.waitForURL(`**/referrals/${referralId}/message-back`);
    const message = page.getByTestId("message-back");
    await message.getByRole("heading", { name: /Social prescribing: message back/, level: 1 }).waitFor();
    const text = (await message.textContent()) ?? "";
    expect(text).toContain(name);
    expect(text).toContain("Tom Gallagher, North Town PCN");
    expect(text).toContain(walkingGroup);
    expect(text).toContain(knitAndNatter);
    expect(text).toContain("+9.71");
    expect(await page.getByTestId("swemwbs-meaningful").textContent()).toBe(
      "A meaningful change (3 points or more)",
    );
    expect(text).toContain("Loneliness and isolationNot managingManaging");
    expect(await page.getByTestId("snomed-code").allTextContents()).toEqual(["871731000000106"]);
    expect(text).not.toContain("Misses her mother");
    await capture(page, "75-casework-message-back");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download PDF" }).click(),
    ]);
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
    await page
      .getByTestId("download-status")
      .getByText(`Saved as ${download.suggestedFilename()}.`)
      .waitFor();
    await page.setViewportSize(mobile);
    await capture(page, "76-casework-message-back-390");
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("Community Connect's manager, of another organisation, gets not found for the referral, the case and the message back", async () => {
    expect(referralId).not.toBe("");
    const manager = "manager.vcs@linkwork.test";
    const token = await devApi(app.runtime.url).tokenFor(manager);
    for (const path of ["", "/case", "/message-back"]) {
      const response = await fetch(`${app.runtime.url}/api/referrals/${referralId}${path}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status, path || "the referral").toBe(404);
    }
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, manager);
    for (const [path, heading] of [
      ["", "Referral not found"],
      ["/case", "Case not found"],
      ["/message-back", "Message back not found"],
    ] as const) {
      await page.goto(`/referrals/${referralId}${path}`);
      await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
      expect(await page.getByText(name).count()).toBe(0);
    }
    await capture(page, "77-casework-other-organisation-not-found");
    expect(pageErrors).toEqual([]);
    await close();
  });
});
