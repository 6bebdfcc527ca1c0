import type { Page } from "playwright-core";

export interface TestPerson {
  nhsNumber: string;
  givenName: string;
  familyName: string;
  dateOfBirth: { day: string; month: string; year: string };
}

/** A name no other test run uses, so each run finds its own referral in shared lists. */
export function uniqueFamilyName(base: string): string {
  const letters = Array.from({ length: 6 }, () =>
    String.fromCharCode(97 + Math.floor(Math.random() * 26)),
  ).join("");
  return `${base}-${letters[0]?.toUpperCase()}${letters.slice(1)}`;
}

/**
 * Fills the referral form for this person as a keyboard user would for the identity questions
 * (typing, with Tab between them and Space to choose), then the rest of the questions directly.
 */
export async function fillReferralForm(page: Page, person: TestPerson): Promise<void> {
  const { nhsNumber } = person;
  await page.getByLabel("NHS number", { exact: true }).focus();
  await page.keyboard.type(`${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`);
  await page.keyboard.press("Tab");
  await page.keyboard.type(person.givenName);
  await page.keyboard.press("Tab");
  await page.keyboard.type(person.familyName);
  await page.keyboard.press("Tab");
  await page.keyboard.type(person.dateOfBirth.day);
  await page.keyboard.press("Tab");
  await page.keyboard.type(person.dateOfBirth.month);
  await page.keyboard.press("Tab");
  await page.keyboard.type(person.dateOfBirth.year);

  await page.getByLabel("Female", { exact: true }).check();
  await page.getByLabel("Ethnicity (optional)").selectOption("C");
  await page.getByLabel("Address line 1 (optional)").fill("12 Mill Lane");
  await page.getByLabel("Town or city (optional)").fill("North Town");
  await page.getByLabel("Postcode").fill("ns1 4ab");
  await page.getByLabel("Phone number (optional)").fill("07700 900 982");
  await page.getByLabel("Preferred language (optional)").selectOption("pl");
  await page.locator("#person-interpreterNeeded").check();
  await page
    .getByLabel("Reason for referral")
    .fill(
      "Moved to the area last year and knows no one nearby. Low mood since losing her job; would like to meet people and get back into work.",
    );

  await page.getByLabel("Loneliness and isolation").focus();
  await page.keyboard.press("Space");
  await page.getByLabel("Work, training and education").check();
  await page.getByLabel("Safeguarding concern").check();
  await page.getByLabel("Lives alone").check();
  await page.locator("#consent-shareWithProviders").focus();
  await page.keyboard.press("Space");
}

/** Presses "Send referral" from the keyboard. */
export async function sendReferral(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Send referral" }).focus();
  await page.keyboard.press("Enter");
}
