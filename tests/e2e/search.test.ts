import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "./support/accessibility";
import { appUnderTest } from "./support/app-under-test";
import { openApp, saveScreenshot } from "./support/browser";
import { signInAs } from "./support/sign-in";
import { workflowApi } from "./support/workflow-api";

const app = appUnderTest();

/** Uses the header's search box as staff do from any page. */
async function searchFromHeader(page: Page, q: string) {
  const box = page.getByRole("searchbox", {
    name: "Find a person by name, NHS number or referral reference",
  });
  await box.fill(q);
  await box.press("Enter");
  await page.getByRole("heading", { name: "Find a person", level: 1 }).waitFor();
}

const count = (page: Page) => page.getByTestId("search-count");
const cardNames = (page: Page) => page.getByTestId("referral-card").getByRole("heading").allTextContents();

describe("staff find a person by name, NHS number or reference", () => {
  it("a coordinator finds a referral from the header by name, NHS number and reference, and is told what to try when nothing matches", async () => {
    const api = workflowApi(app.runtime.url);
    const referral = await api.referral("Zoë");
    const { familyName } = referral.person;
    const nhsNumber = referral.person.nhsNumber ?? "";
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "coordinator@linkwork.test");
    await page.getByRole("search", { name: "Find a person" }).waitFor();
    // The header comes before the page under it: check the page once its heading is there.
    await page.getByRole("heading", { name: "Triage queue", level: 1 }).waitFor();
    expect(await expectNoSeriousViolations(page, "header-search")).toEqual([]);
    await saveScreenshot(page, "94-header-search");
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.getByRole("searchbox").isVisible()).toBe(true);
    await saveScreenshot(page, "94-header-search-390");
    await page.setViewportSize({ width: 1280, height: 900 });

    await searchFromHeader(page, `ZOË ${familyName.slice(0, 7)}`);
    await count(page).filter({ hasText: "1 referral found for" }).waitFor();
    expect(await cardNames(page)).toEqual([`Zoë ${familyName}, referral ${referral.reference}`]);
    expect(new URL(page.url()).searchParams.get("q")).toBe(`ZOË ${familyName.slice(0, 7)}`);
    expect(await page.getByTestId("referral-card").getByText("Received").count()).toBeGreaterThan(0);
    expect(await expectNoSeriousViolations(page, "search-results")).toEqual([]);
    await saveScreenshot(page, "95-search-results");

    const field = page.getByLabel("Name, NHS number or referral reference");
    await field.fill(`${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await count(page).filter({ hasText: "1 referral found for" }).waitFor();
    expect((await cardNames(page))[0]).toContain(familyName);

    await field.fill(referral.reference.toLowerCase());
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await count(page)
      .filter({ hasText: `for “${referral.reference.toLowerCase()}”` })
      .waitFor();
    expect((await cardNames(page))[0]).toContain(familyName);

    await page.getByTestId("referral-card").getByRole("link").first().click();
    await page.getByRole("heading", { name: `Zoë ${familyName}`, level: 1 }).waitFor();
    await page.goBack();
    await count(page).filter({ hasText: "1 referral found for" }).waitFor();

    await field.fill("Nobody Matchesthis");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.getByTestId("search-empty").waitFor();
    expect(await count(page).textContent()).toBe("No referrals found for “Nobody Matchesthis”");
    expect(await page.getByTestId("search-empty").textContent()).toContain("whole NHS number");
    expect(await expectNoSeriousViolations(page, "search-empty")).toEqual([]);
    await saveScreenshot(page, "96-search-nothing-found");

    await field.fill("z");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const summary = page.locator(".nhsuk-error-summary");
    await summary.getByRole("link", { name: /at least 2 characters/ }).waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.locator(".nhsuk-error-message").textContent()).toContain("at least 2 characters");
    expect(await page.title()).toMatch(/^Error: Find a person/);
    expect(await expectNoSeriousViolations(page, "search-problem")).toEqual([]);
    await saveScreenshot(page, "97-search-problem");
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("another organisation's staff find nothing of a referral that is not theirs, and commissioners have no search", async () => {
    const api = workflowApi(app.runtime.url);
    const referral = await api.acceptedReferral("Gwendolyn");
    const { familyName } = referral.person;

    const vcs = await openApp(app.browser, app.runtime.url);
    await signInAs(vcs.page, "manager.vcs@linkwork.test");
    await searchFromHeader(vcs.page, familyName);
    await count(vcs.page).filter({ hasText: "1 referral found for" }).waitFor();
    await vcs.close();

    const pcn = await openApp(app.browser, app.runtime.url);
    await signInAs(pcn.page, "manager.pcn@linkwork.test");
    await searchFromHeader(pcn.page, familyName);
    await pcn.page.getByTestId("search-empty").waitFor();
    expect(await pcn.page.getByTestId("referral-card").count()).toBe(0);
    await pcn.close();

    const commissioner = await openApp(app.browser, app.runtime.url);
    await signInAs(commissioner.page, "commissioner@linkwork.test");
    expect(await commissioner.page.getByRole("searchbox").count()).toBe(0);
    expect(commissioner.pageErrors).toEqual([]);
    await commissioner.close();
  });
});
