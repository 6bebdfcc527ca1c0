import { describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "./support/accessibility";
import { appUnderTest } from "./support/app-under-test";
import { openApp, saveScreenshot } from "./support/browser";
import { uniqueFamilyName } from "./support/referral-form";
import { signInAs } from "./support/sign-in";

const app = appUnderTest();

describe("a person asks for help themselves", () => {
  const familyName = uniqueFamilyName("Ahmed");
  let reference = "";

  it("from the sign-in page, without signing in, in plain words, and gets a reference", async () => {
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Ask for help from a link worker" }).click();
    await page.waitForURL("**/self-referral");
    await page.getByRole("heading", { name: "Ask for help from a link worker", level: 1 }).waitFor();
    expect(await page.getByRole("button", { name: "Sign out" }).count()).toBe(0);
    await saveScreenshot(page, "21-self-referral");
    await expectNoSeriousViolations(page, "self-referral");

    await page.getByRole("button", { name: "Send" }).click();
    const summary = page.locator(".nhsuk-error-summary");
    await summary.getByRole("heading", { name: "There is a problem" }).waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await summary.getByRole("link").allInnerTexts()).toEqual([
      "Enter your first name",
      "Enter your last name",
      "Enter your date of birth",
      "Enter your postcode",
      "Choose at least one thing you would like help with",
      "Tell us what you would like help with",
      "Give a phone number or an email address so we can contact you",
      "Tell us if we can share your details with the people who will help you",
    ]);
    await saveScreenshot(page, "22-self-referral-errors");
    await expectNoSeriousViolations(page, "self-referral-errors");
    await summary.getByRole("link", { name: "Enter your date of birth" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("self-person-dateOfBirth-day");

    await page.getByLabel("First name").fill("Yasmin");
    await page.getByLabel("Last name").fill(familyName);
    await page.getByLabel("Day", { exact: true }).fill("17");
    await page.getByLabel("Month", { exact: true }).fill("8");
    await page.getByLabel("Year", { exact: true }).fill("1990");
    await page.getByLabel("Postcode").fill("NS3 1AA");
    await page.getByLabel("Feeling lonely or cut off from people").check();
    await page.getByLabel("Money, debt or benefits").check();
    await page
      .getByLabel("Tell us a bit more")
      .fill("I moved here in spring and do not know anyone. Bills are piling up.");
    await page.getByLabel("Email address").fill("yasmin@example.com");
    await page.getByLabel("Yes, you can share my details").check();
    await page.getByRole("button", { name: "Send" }).click();

    await page.getByRole("heading", { name: "Thank you, we have your request" }).waitFor();
    reference = ((await page.getByTestId("self-referral-reference").textContent()) ?? "").trim();
    expect(reference).toMatch(/^LW-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await page.title()).toMatch(/^Request sent/);
    await saveScreenshot(page, "23-self-referral-sent");
    await expectNoSeriousViolations(page, "self-referral-sent");
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("is told plainly to wait when too many requests have come from their connection", async () => {
    const { page, close } = await openApp(app.browser, app.runtime.url);
    await page.route("**/api/self-referrals", (route) =>
      route.fulfill({
        status: 429,
        json: { error: { code: "rate_limited", message: "Too many requests; try again later" } },
      }),
    );
    await page.goto("/self-referral");
    await page.getByLabel("First name").fill("Sam");
    await page.getByLabel("Last name").fill("Jones");
    await page.getByLabel("Day", { exact: true }).fill("1");
    await page.getByLabel("Month", { exact: true }).fill("2");
    await page.getByLabel("Year", { exact: true }).fill("1985");
    await page.getByLabel("Postcode").fill("NS1 4AB");
    await page.getByLabel("Something else").check();
    await page.getByLabel("Tell us a bit more").fill("I would like to meet people.");
    await page.getByLabel("Phone number").fill("07700 900 555");
    await page.getByLabel("No, do not share my details").check();
    await page.getByRole("button", { name: "Send" }).click();
    await page
      .locator(".nhsuk-error-summary")
      .getByText("Please wait 15 minutes, then send this again. Your answers are still here.")
      .waitFor();
    expect(await page.getByLabel("First name").inputValue()).toBe("Sam");
    await close();
  });

  it("reaches the coordinator's triage queue as a self-referral", async () => {
    expect(reference).not.toBe("");
    const { page, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "coordinator@linkwork.test");
    await page.getByRole("heading", { name: "Triage queue", level: 1 }).waitFor();
    await page.getByLabel("Need").selectOption("finance_debt_benefits");
    await page.getByRole("button", { name: "Apply filters" }).click();
    const row = page.getByRole("row").filter({ hasText: reference });
    await row.waitFor();
    expect(await row.textContent()).toContain(`Yasmin ${familyName}`);
    expect(await row.textContent()).toContain("Self-referral");
    await row.getByRole("link").click();
    await page.getByRole("heading", { name: "Triage", level: 2 }).waitFor();
    await page.getByTestId("timeline").getByText("by the person, online").waitFor({ timeout: 30_000 });
    await close();
  });
});
