import { describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "./support/accessibility";
import { appUnderTest } from "./support/app-under-test";
import { openApp, saveScreenshot } from "./support/browser";
import { testNhsNumber } from "./support/nhs-numbers";
import { fillReferralForm, sendReferral, uniqueFamilyName } from "./support/referral-form";
import { signInAs } from "./support/sign-in";

const app = appUnderTest();

describe("the referral form", () => {
  it("sent empty, lists every problem in an error summary that takes focus and links to each question", async () => {
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "gp@linkwork.test");
    await page.goto("/referrals/new");
    await page.getByRole("heading", { name: "Refer someone for social prescribing" }).waitFor();
    await sendReferral(page);

    const summary = page.locator(".nhsuk-error-summary");
    await summary.getByRole("heading", { name: "There is a problem" }).waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.title()).toMatch(/^Error: /);
    const problems = await summary.getByRole("link").allInnerTexts();
    expect(problems).toEqual([
      "A GP referral must include the person's NHS number",
      "Enter the person's given name",
      "Enter the person's family name",
      "Enter the person's date of birth",
      "Enter a full UK postcode, like NS1 4AB",
      "Enter the reason for referral",
      "Choose at least one need",
      "Say whether the person agrees to share their details with support providers",
    ]);
    expect(await page.locator("#person-givenName-error").textContent()).toContain(
      "Enter the person's given name",
    );
    await saveScreenshot(page, "08-referral-form-errors");
    await expectNoSeriousViolations(page, "referral-form-errors");

    await summary.getByRole("link", { name: "Enter the person's given name" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("person-givenName");
    await summary.getByRole("link", { name: "Choose at least one need" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("needs");

    await page.getByLabel("Day").fill("31");
    await page.getByLabel("Month").fill("2");
    await page.getByLabel("Year").fill("1950");
    await page.getByLabel("NHS number", { exact: true }).fill("999 123 4568");
    await sendReferral(page);
    await summary.getByRole("link", { name: "Date of birth is not a real date" }).waitFor();
    await summary
      .getByRole("link", { name: "NHS number is not valid (the check digit does not match)" })
      .waitFor();
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("shows the API's own validation problems against the questions they are about", async () => {
    const { page, close } = await openApp(app.browser, app.runtime.url);
    await page.route("**/api/referrals", (route) =>
      route.request().method() === "POST"
        ? route.fulfill({
            status: 400,
            json: {
              error: {
                code: "validation_failed",
                message: "The request is not valid",
                details: [{ path: "person.postcode", message: "Enter a postcode in England" }],
              },
            },
          })
        : route.continue(),
    );
    await signInAs(page, "gp@linkwork.test");
    await page.goto("/referrals/new");
    await page.getByRole("heading", { name: "Refer someone for social prescribing" }).waitFor();
    await fillReferralForm(page, {
      nhsNumber: testNhsNumber(),
      givenName: "Sam",
      familyName: uniqueFamilyName("Okoro"),
      dateOfBirth: { day: "9", month: "9", year: "1999" },
    });
    await sendReferral(page);
    const problem = page
      .locator(".nhsuk-error-summary")
      .getByRole("link", { name: "Enter a postcode in England" });
    await problem.waitFor();
    expect(await page.locator("#person-postcode-error").textContent()).toContain(
      "Enter a postcode in England",
    );
    await problem.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("person-postcode");
    await close();
  });

  it("sent again after the response was lost, creates one referral: the retry carries the same Idempotency-Key", async () => {
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    const sent: { key: string | undefined; status: number; replayed: string | undefined }[] = [];
    await page.route("**/api/referrals", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      const response = await route.fetch();
      sent.push({
        key: route.request().headers()["idempotency-key"],
        status: response.status(),
        replayed: response.headers()["idempotent-replayed"],
      });
      // The first referral reaches the API, but its answer never reaches the app.browser.
      if (sent.length === 1) return route.abort("connectionreset");
      return route.fulfill({ response });
    });

    await signInAs(page, "gp@linkwork.test");
    await page.goto("/referrals/new");
    await page.getByRole("heading", { name: "Refer someone for social prescribing" }).waitFor();
    const familyName = uniqueFamilyName("Adeyemi");
    await fillReferralForm(page, {
      nhsNumber: testNhsNumber(),
      givenName: "Tolu",
      familyName,
      dateOfBirth: { day: "2", month: "11", year: "1990" },
    });
    await sendReferral(page);
    await page.locator(".nhsuk-error-summary").getByText("Linkwork could not be reached").waitFor();
    await sendReferral(page);
    await page.getByRole("heading", { name: "Referral sent" }).waitFor();

    expect(sent).toHaveLength(2);
    expect(sent[0]?.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sent[1]?.key).toBe(sent[0]?.key);
    expect(sent.map((attempt) => attempt.status)).toEqual([201, 201]);
    expect(sent[1]?.replayed).toBe("true");

    await page.goto("/");
    await page.getByRole("table").waitFor();
    expect(await page.getByRole("row").filter({ hasText: familyName }).count()).toBe(1);
    expect(pageErrors).toEqual([]);
    await close();
  });
});
