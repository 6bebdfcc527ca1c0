import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "./support/accessibility";
import { appUnderTest } from "./support/app-under-test";
import { openApp, saveScreenshot } from "./support/browser";
import { caseworkScene } from "./support/casework-scene";
import { signInAs } from "./support/sign-in";

const app = appUnderTest();
const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));

const summary =
  "Margaret now goes to the Tuesday walking group and has had help with her energy bills. She feels less alone and knows how to come back to us.";

describe("the GP reads the message back of a closed referral", () => {
  it("shows who, when, the support, connections, the change in wellbeing and the SNOMED CT codes, and downloads as a PDF", async () => {
    const scene = caseworkScene(app.runtime);
    const referral = await scene.workflow.caseOnCaseload("Margaret");
    const name = `${referral.person.givenName} ${referral.person.familyName}`;
    await scene.recordContact(referral, "no_answer");
    await scene.recordContact(referral, "made_contact");
    // Raw 15 is a metric score of 15.84; raw 26 is 23.21: up 7.37, a meaningful change.
    await scene.recordMeasure(referral, "swemwbs", "baseline", [2, 2, 2, 3, 2, 2, 2]);
    await scene.recordMeasure(referral, "ons4", "baseline", {
      lifeSatisfaction: 4,
      worthwhile: 5,
      happy: 3,
      anxious: 7,
    });
    await scene.recordMeasure(referral, "domains", "baseline", {
      loneliness_isolation: "not_managing",
      housing: "getting_support",
    });
    await scene.connect(referral, "Tuesday walking group", "vcs", "attended");
    await scene.connect(referral, "Citizens Advice energy clinic", "vcs", "referred");
    await scene.recordMeasure(referral, "swemwbs", "final", [4, 4, 3, 4, 4, 3, 4]);
    await scene.recordMeasure(referral, "ons4", "final", {
      lifeSatisfaction: 7,
      worthwhile: 7,
      happy: 6,
      anxious: 3,
    });
    await scene.recordMeasure(referral, "domains", "final", {
      loneliness_isolation: "managing",
      housing: "managing",
    });
    await scene.close(referral, summary);

    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "gp@linkwork.test");
    await page.goto(`/referrals/${referral.id}`);
    const panel = page.getByTestId("message-back-panel");
    await panel.waitFor();
    expect(await panel.textContent()).toContain(summary);
    expect(await panel.textContent()).toContain("connected to services");
    await saveScreenshot(page, "84-referral-message-back-panel");
    await expectNoSeriousViolations(page, "referral-message-back-panel");

    await panel.getByRole("link", { name: /^Read the full message back/ }).click();
    await page.waitForURL(`**/referrals/${referral.id}/message-back`);
    const message = page.getByTestId("message-back");
    await message.getByRole("heading", { name: /Social prescribing: message back/, level: 1 }).waitFor();
    const text = (await message.textContent()) ?? "";
    expect(text).toContain(name);
    expect(text).toContain(referral.reference);
    expect(text).toContain("Megan Hughes, Community Connect");
    expect(text).toContain("Connected to services");
    expect(await page.getByTestId("message-back-summary").textContent()).toBe(summary);
    expect(text).toContain("Tuesday walking group");
    expect(text).toContain("Citizens Advice energy clinic");
    expect(text).toContain("15.84");
    expect(text).toContain("23.21");
    expect(text).toContain("+7.37");
    expect(await page.getByTestId("swemwbs-meaningful").textContent()).toBe(
      "A meaningful change (3 points or more)",
    );
    expect(text).toContain("Life satisfaction4 (low)7 (high)+3 (better)");
    expect(text).toContain("Anxiety yesterday (lower is better)7 (high)3 (low)−4 (better)");
    expect(text).toContain("Loneliness and isolationNot managingManaging");
    expect(text).toMatch(/Moved out of "not managing": loneliness and isolation/i);
    expect(await page.getByTestId("snomed-code").allTextContents()).toEqual(["871731000000106"]);
    expect(text).toContain("Referral to social prescribing service");
    expect(text).not.toContain("Talked about the walking group");
    expect(await page.title()).toBe(`Message back for ${name} – Linkwork`);
    await saveScreenshot(page, "85-message-back");
    await expectNoSeriousViolations(page, "message-back");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download PDF" }).click(),
    ]);
    const saved = await download.path();
    expect(readFileSync(saved).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await page
      .getByTestId("download-status")
      .getByText(`Saved as ${download.suggestedFilename()}.`)
      .waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, "85-message-back-390");
    await expectNoSeriousViolations(page, "message-back-390");

    // Printed, the page is the message alone: no header, menu, back link or buttons.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".nhsuk-header").isVisible()).toBe(false);
    expect(await page.locator(".nhsuk-back-link").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Print" }).isVisible()).toBe(false);
    expect(await message.isVisible()).toBe(true);
    await saveScreenshot(page, "86-message-back-print");
    mkdirSync(artifacts, { recursive: true });
    await page.pdf({ path: `${artifacts}message-back-print-a4.pdf`, format: "A4", printBackground: true });
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("carries the 'declined' code when the person declined support, and is not found for another organisation", async () => {
    const scene = caseworkScene(app.runtime);
    const referral = await scene.workflow.caseOnCaseload("Doreen");
    await scene.recordContact(referral, "made_contact");
    await scene.close(referral, "Doreen did not want support at the moment.", "person_declined");

    const gp = await openApp(app.browser, app.runtime.url);
    await signInAs(gp.page, "gp@linkwork.test");
    await gp.page.goto(`/referrals/${referral.id}/message-back`);
    await gp.page.getByTestId("message-back").waitFor();
    expect(await gp.page.getByTestId("snomed-code").allTextContents()).toEqual([
      "871731000000106",
      "871711000000103",
    ]);
    expect(await gp.page.getByTestId("message-back").textContent()).toContain("Social prescribing declined");
    expect(await gp.page.getByTestId("message-back").textContent()).toContain(
      "No outcome measures were recorded.",
    );
    await gp.close();

    const otherOrganisation = await openApp(app.browser, app.runtime.url);
    await signInAs(otherOrganisation.page, "manager.pcn@linkwork.test");
    await otherOrganisation.page.goto(`/referrals/${referral.id}/message-back`);
    await otherOrganisation.page.getByRole("heading", { name: "Message back not found", level: 1 }).waitFor();
    expect(await otherOrganisation.page.getByTestId("message-back").count()).toBe(0);
    await otherOrganisation.close();
  });
});
