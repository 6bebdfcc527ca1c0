import { describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "./support/accessibility";
import { appUnderTest } from "./support/app-under-test";
import { openApp, saveScreenshot } from "./support/browser";
import { testNhsNumber } from "./support/nhs-numbers";
import { fillReferralForm, sendReferral, uniqueFamilyName } from "./support/referral-form";
import { signInAs } from "./support/sign-in";

const app = appUnderTest();

describe("a GP's referral reaches the triage coordinator", () => {
  const person = {
    nhsNumber: testNhsNumber(),
    givenName: "Marta",
    familyName: uniqueFamilyName("Nowak"),
    dateOfBirth: { day: "14", month: "6", year: "1968" },
  };
  let reference = "";
  let referralPath = "";

  it("the GP signs in from the keyboard, refers someone through the form and sees the confirmation", async () => {
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await page.goto("/");
    await page.waitForURL("**/sign-in");
    await page.getByRole("heading", { name: "Sign in", level: 1 }).waitFor();
    await saveScreenshot(page, "01-sign-in");
    await expectNoSeriousViolations(page, "sign-in");

    await page.getByLabel("gp@linkwork.test").focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "My referrals", level: 1 }).waitFor();
    await page
      .getByTestId("signed-in-user")
      .filter({ hasText: "Dr Priya Shah, Riverside Surgery" })
      .waitFor();
    await page.getByRole("table").waitFor();
    await saveScreenshot(page, "02-gp-home");

    await page.getByRole("main").getByRole("link", { name: "Refer someone" }).click();
    await page.getByRole("heading", { name: "Refer someone for social prescribing" }).waitFor();
    expect(await page.getByLabel("GP practice ODS code").inputValue()).toBe("A81001");
    expect(await page.getByLabel("GP", { exact: true }).isChecked()).toBe(true);
    await saveScreenshot(page, "03-referral-form");
    await expectNoSeriousViolations(page, "referral-form");

    await fillReferralForm(page, person);
    await sendReferral(page);
    await page.getByRole("heading", { name: "Referral sent" }).waitFor();
    reference = ((await page.getByTestId("referral-reference").textContent()) ?? "").trim();
    expect(reference).toMatch(/^LW-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await saveScreenshot(page, "04-referral-sent");
    await expectNoSeriousViolations(page, "referral-sent");
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("the coordinator sees it in the triage queue, opens it and sees 'Referral received' on its timeline", async () => {
    expect(reference).not.toBe("");
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "coordinator@linkwork.test");
    await page.waitForURL("**/referrals?status=received");
    await page.getByRole("heading", { name: "Triage queue", level: 1 }).waitFor();

    const link = page.getByRole("link", { name: new RegExp(reference) });
    for (let pages = 0; pages < 20 && !(await link.isVisible()); pages++) {
      const loadMore = page.getByRole("button", { name: "Load more" });
      if (!(await loadMore.isVisible())) break;
      await loadMore.click();
      await page.getByRole("button", { name: "Load more" }).or(link).first().waitFor();
    }
    const row = page.getByRole("row").filter({ has: link });
    const rowText = (await row.textContent()) ?? "";
    expect(rowText).toContain(`${person.givenName} ${person.familyName}`);
    expect(rowText).toContain("Safeguarding concern");
    expect(rowText).toContain("Loneliness and isolation");
    expect(rowText).toContain("Waiting less than a day");
    await saveScreenshot(page, "05-triage-queue");
    await expectNoSeriousViolations(page, "triage-queue");

    await link.click();
    await page.getByRole("heading", { name: `${person.givenName} ${person.familyName}`, level: 1 }).waitFor();
    const formattedNhsNumber = `${person.nhsNumber.slice(0, 3)} ${person.nhsNumber.slice(3, 6)} ${person.nhsNumber.slice(6)}`;
    await page.getByText(formattedNhsNumber, { exact: true }).waitFor();
    await page.getByText("14 June 1968", { exact: false }).waitFor();
    referralPath = new URL(page.url()).pathname;
    await page.getByRole("heading", { name: "Referral received", level: 3 }).waitFor({ timeout: 30_000 });
    await saveScreenshot(page, "06-referral-page");
    await expectNoSeriousViolations(page, "referral-page");
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("the queue shows one page at a time and 'Load more' follows the API's cursor", async () => {
    const { page, close } = await openApp(app.browser, app.runtime.url);
    const pageSize = 3;
    await page.route("**/api/referrals?*", async (route) => {
      const url = new URL(route.request().url());
      const cursor = url.searchParams.get("cursor");
      url.searchParams.delete("cursor");
      const { items } = (await (await route.fetch({ url: url.toString() })).json()) as { items: unknown[] };
      const start = cursor ? Number(cursor) : 0;
      const next = start + pageSize < items.length ? String(start + pageSize) : undefined;
      await route.fulfill({
        json: { items: items.slice(start, start + pageSize), ...(next ? { cursor: next } : {}) },
      });
    });
    await signInAs(page, "coordinator@linkwork.test");
    await page.getByRole("heading", { name: "Triage queue", level: 1 }).waitFor();
    const rows = page.locator("tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(pageSize);
    const loadMore = page.getByRole("button", { name: "Load more" });
    while (await loadMore.isVisible()) {
      const shown = await rows.count();
      await loadMore.click();
      await page.waitForFunction((count) => document.querySelectorAll("tbody tr").length > count, shown);
    }
    expect(await rows.count()).toBeGreaterThan(pageSize);
    await page.getByRole("link", { name: new RegExp(reference) }).waitFor();
    await close();
  });

  it("a link worker of an organisation it is not allocated to, or given a broken link, is told the referral is not found", async () => {
    expect(referralPath).toMatch(/^\/referrals\/.+/);
    const { page, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "worker.vcs@linkwork.test");
    await page.goto(referralPath);
    await page.getByRole("heading", { name: "Referral not found", level: 1 }).waitFor();
    await saveScreenshot(page, "07-referral-not-found");
    await page.goto("/referrals/ref_01aaaaaaaaaaaaaaaaaaaaaaaa");
    await page.getByRole("heading", { name: "Referral not found", level: 1 }).waitFor();
    // An address whose id is not a referral id at all (the API's 400) names nothing either.
    await page.goto("/referrals/not-a-referral");
    await page.getByRole("heading", { name: "Referral not found", level: 1 }).waitFor();
    await close();
  });
});
