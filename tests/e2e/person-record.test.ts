import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "./support/accessibility";
import { appUnderTest } from "./support/app-under-test";
import { openApp, saveScreenshot } from "./support/browser";
import { signInAs } from "./support/sign-in";
import { workflowApi } from "./support/workflow-api";

const app = appUnderTest();

/** From the referral page, as a coordinator would: the link beside the person's details. */
async function openRecordFromReferral(page: Page, referralId: string): Promise<string> {
  await page.goto(`/referrals/${referralId}`);
  await page.getByRole("link", { name: "Correct the person's record" }).click();
  await page.getByRole("heading", { name: "Correct the person's record", level: 1 }).waitFor();
  const personId = /\/people\/([^/]+)\/edit/.exec(new URL(page.url()).pathname)?.[1];
  if (!personId) throw new Error(`Not on a person's record: ${page.url()}`);
  return decodeURIComponent(personId);
}

const fieldValue = (page: Page, label: string) => page.getByLabel(label, { exact: true }).inputValue();

describe("a triage coordinator corrects a person's stored record", () => {
  it("from the referral, starting from the current values, and the stored record has the new ones", async () => {
    const api = workflowApi(app.runtime.url);
    const referral = await api.referral("Marta");
    const fullName = `${referral.person.givenName} ${referral.person.familyName}`;
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "coordinator@linkwork.test");

    const personId = await openRecordFromReferral(page, referral.id);
    expect(await fieldValue(page, "Given name")).toBe("Marta");
    expect(await fieldValue(page, "Family name")).toBe(referral.person.familyName);
    expect(await fieldValue(page, "Day")).toBe("12");
    expect(await fieldValue(page, "Month")).toBe("9");
    expect(await fieldValue(page, "Year")).toBe("1961");
    expect(await fieldValue(page, "Postcode")).toBe("NS2 3PL");
    expect(await fieldValue(page, "Phone number (optional)")).toBe("07700 900 123");
    const nhsNumber = referral.person.nhsNumber ?? "";
    const shownNhsNumber = `${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`;
    expect(await page.locator(".nhsuk-summary-list").first().textContent()).toContain(shownNhsNumber);
    expect(await page.getByRole("textbox", { name: "NHS number" }).count()).toBe(0);
    await page
      .getByText(
        "Your change corrects this person's record for every referral about them, and is recorded in the audit trail. Each referral keeps the person's details as they were referred.",
      )
      .waitFor();
    expect(await expectNoSeriousViolations(page, "person-record")).toEqual([]);
    await saveScreenshot(page, "41-person-record");

    await page.getByLabel("Postcode", { exact: true }).fill("ns1 4ab");
    await page.getByLabel("Phone number (optional)").fill("01632 960 001");
    await page.getByRole("button", { name: "Save changes" }).click();

    const confirmation = `${fullName}'s record now has the new postcode and phone number. This referral keeps the details as they were referred.`;
    await page.getByText(confirmation).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/referrals/${referral.id}`);
    const banner = page.locator(".nhsuk-notification-banner--success");
    expect(await banner.evaluate((element) => element === document.activeElement)).toBe(true);
    const stored = await api.person(personId);
    expect(stored.details).toMatchObject({ postcode: "NS1 4AB", phone: "01632 960 001", givenName: "Marta" });
    expect(stored.nhsNumber).toBe(nhsNumber);
    const asReferred = await page
      .locator(".nhsuk-summary-list")
      .filter({ hasText: "Date of birth" })
      .textContent();
    expect(asReferred).toContain("NS2 3PL");
    expect(asReferred).toContain("07700 900 123");

    await page.reload();
    await page.getByRole("heading", { name: fullName, level: 1 }).waitFor();
    expect(await page.getByText(confirmation).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("clearing the email address removes it from the stored record", async () => {
    const api = workflowApi(app.runtime.url);
    const referral = await api.referral("Grace", { email: "grace@example.com" });
    const fullName = `${referral.person.givenName} ${referral.person.familyName}`;
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "coordinator@linkwork.test");
    const personId = await openRecordFromReferral(page, referral.id);
    const loaded = await api.person(personId);
    expect(await fieldValue(page, "Email address (optional)")).toBe("grace@example.com");

    await page.getByLabel("Email address (optional)").fill("");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page
      .getByText(
        `${fullName}'s record no longer has the email address. This referral keeps the details as they were referred.`,
      )
      .waitFor();
    const stored = await api.person(personId);
    expect(stored.details).not.toHaveProperty("email");
    expect(stored.details).toMatchObject({ phone: "07700 900 123", postcode: "NS2 3PL" });
    expect(stored.version).toBe(loaded.version + 1);
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("a save after someone else changed the record says what changed, and reloading keeps what was typed", async () => {
    const api = workflowApi(app.runtime.url);
    const referral = await api.referral("Tomasz");
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "coordinator@linkwork.test");
    const personId = await openRecordFromReferral(page, referral.id);
    await page.getByLabel("Phone number (optional)").fill("01632 960 002");

    const loaded = await api.person(personId);
    await api.correctPerson(personId, { version: loaded.version, details: { email: "tomasz@example.com" } });

    await page.getByRole("button", { name: "Save changes" }).click();
    const notice = page.getByTestId("conflict-notice");
    await notice.getByRole("heading", { name: "This person's record has changed" }).waitFor();
    expect(await notice.textContent()).toContain(
      "Someone else changed this person's record while you were working on it: the email address is different now.",
    );
    expect(await notice.evaluate((element) => element === document.activeElement)).toBe(true);
    expect((await api.person(personId)).details.phone).toBe("07700 900 123");

    await notice.getByRole("button", { name: "Reload and try again" }).click();
    await page.getByTestId("record-reloaded").waitFor();
    expect(await page.getByTestId("conflict-notice").count()).toBe(0);
    expect(await fieldValue(page, "Phone number (optional)")).toBe("01632 960 002");
    expect(await fieldValue(page, "Email address (optional)")).toBe("tomasz@example.com");

    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText(/record now has the new phone number\./).waitFor();
    const stored = await api.person(personId);
    expect(stored.details).toMatchObject({ phone: "01632 960 002", email: "tomasz@example.com" });
    expect(stored.version).toBe(loaded.version + 2);
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("a save after the record was joined to another promises nothing kept, and reloading moves focus to where corrections go", async () => {
    const api = workflowApi(app.runtime.url);
    const known = await api.referral("Halina");
    const arrival = await api.referral("Halina", {
      nhsNumber: known.person.nhsNumber,
      familyName: known.person.familyName,
      postcode: "NS2 9ZZ",
    });
    const knownPersonId = (await api.referralAsCoordinator(known.id)).personId ?? "";
    const arrivalPersonId = (await api.referralAsCoordinator(arrival.id)).personId ?? "";
    expect(arrivalPersonId).not.toBe(knownPersonId);
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "coordinator@linkwork.test");
    await page.goto(`/people/${arrivalPersonId}/edit?referral=${arrival.id}`);
    await page.getByRole("heading", { name: "Correct the person's record", level: 1 }).waitFor();
    await page.getByLabel("Phone number (optional)").fill("01632 960 004");

    await api.decideMatch(await api.referralAsCoordinator(arrival.id), "confirm");
    await page.getByRole("button", { name: "Save changes" }).click();
    const notice = page.getByTestId("conflict-notice");
    await notice.getByRole("heading", { name: "This record has been joined to another" }).waitFor();
    expect(await notice.textContent()).not.toContain("Nothing you entered has been lost");
    expect(await notice.textContent()).toContain("what you entered was not saved");

    await notice.getByRole("button", { name: "Reload and try again" }).click();
    const heading = page.getByRole("heading", { name: "This record has been joined to another", level: 1 });
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.title()).toBe("This record has been joined to another – Linkwork");
    expect(
      await page.getByRole("link", { name: "Correct the record that was kept" }).getAttribute("href"),
    ).toBe(`/people/${encodeURIComponent(knownPersonId)}/edit?referral=${encodeURIComponent(arrival.id)}`);
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("a bad postcode is shown on its field, whether the form or the API finds it", async () => {
    const api = workflowApi(app.runtime.url);
    const referral = await api.referral("Ines");
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "coordinator@linkwork.test");
    const personId = await openRecordFromReferral(page, referral.id);
    const postcodeError = "Enter a full UK postcode, like NS1 4AB";
    const postcodeGroup = page
      .locator(".nhsuk-form-group")
      .filter({ has: page.locator("#person-record-postcode") });

    await page.getByLabel("Postcode", { exact: true }).fill("not a postcode");
    await page.getByRole("button", { name: "Save changes" }).click();
    const summary = page.locator(".nhsuk-error-summary");
    await summary.getByRole("heading", { name: "There is a problem" }).waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await postcodeGroup.locator(".nhsuk-error-message").textContent()).toContain(postcodeError);
    await summary.getByRole("link", { name: postcodeError }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("person-record-postcode");

    // The API checks the same rule: a request that slips past the form is refused on the same field.
    await page.route("**/api/people/**", async (route) => {
      if (route.request().method() !== "PATCH") return route.continue();
      const body = route.request().postDataJSON() as { details: Record<string, unknown> };
      return route.continue({
        postData: JSON.stringify({ ...body, details: { ...body.details, postcode: "not a postcode" } }),
      });
    });
    await page.getByLabel("Postcode", { exact: true }).fill("NS1 4AB");
    const refused = page.waitForResponse(
      (response) => response.url().includes("/api/people/") && response.request().method() === "PATCH",
    );
    await page.getByRole("button", { name: "Save changes" }).click();
    expect((await refused).status()).toBe(400);
    await expect
      .poll(async () => (await postcodeGroup.locator(".nhsuk-error-message").textContent()) ?? "")
      .toContain(postcodeError);
    await summary.getByRole("link", { name: postcodeError }).waitFor();
    expect((await api.person(personId)).details.postcode).toBe("NS2 3PL");
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("an address whose id is not a person's id is a person not found", async () => {
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "coordinator@linkwork.test");
    const answered = page.waitForResponse((response) => response.url().includes("/api/people/not-a-person"));
    await page.goto("/people/not-a-person/edit");
    expect((await answered).status()).toBe(400);
    await page.getByRole("heading", { name: "Person not found", level: 1 }).waitFor();
    expect(pageErrors).toEqual([]);
    await close();
  });

  it("is not offered to the GP who referred, who cannot open it either", async () => {
    const api = workflowApi(app.runtime.url);
    const referral = await api.referral("Olu");
    const personId = (await api.referralAsCoordinator(referral.id)).personId;
    expect(personId).toBeDefined();
    const { page, pageErrors, close } = await openApp(app.browser, app.runtime.url);
    await signInAs(page, "gp@linkwork.test");
    await page.goto(`/referrals/${referral.id}`);
    await page
      .getByRole("heading", { name: `${referral.person.givenName} ${referral.person.familyName}`, level: 1 })
      .waitFor();
    await page.getByRole("heading", { name: "Person", level: 2 }).waitFor();
    expect(await page.getByRole("link", { name: "Correct the person's record" }).count()).toBe(0);

    await page.goto(`/people/${personId}/edit?referral=${referral.id}`);
    await page.getByRole("heading", { name: "You cannot use this page", level: 1 }).waitFor();
    expect(await page.getByRole("textbox", { name: "Postcode" }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await close();
  });
});
