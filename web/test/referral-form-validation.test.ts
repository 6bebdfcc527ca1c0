import { describe, expect, it } from "vitest";
import { readDateOfBirth } from "../src/components/referral-form/date-of-birth";
import { errorTarget, fieldFor } from "../src/components/referral-form/fields";
import { emptyReferralForm, type ReferralFormValues } from "../src/components/referral-form/form-values";
import { errorsFromDetails, validateReferral } from "../src/components/referral-form/validate";

function completeForm(changes: Partial<ReferralFormValues> = {}): ReferralFormValues {
  return {
    ...emptyReferralForm(),
    source: "gp",
    practiceOds: "a81001",
    nhsNumber: "943 476 5919",
    givenName: "Edith",
    familyName: "Thornton",
    dateOfBirth: { day: "2", month: "6", year: "1941" },
    postcode: "ns1 4ab",
    reason: "Lives alone since her husband died",
    needs: ["loneliness_isolation"],
    consent: "yes",
    ...changes,
  };
}

describe("reading the date of birth boxes", () => {
  it("pads day and month into an ISO date", () => {
    expect(readDateOfBirth({ day: "2", month: "6", year: "1941" })).toEqual({
      ok: true,
      isoDate: "1941-06-02",
    });
  });

  it("asks for the date when all three boxes are empty", () => {
    expect(readDateOfBirth({ day: "", month: " ", year: "" })).toMatchObject({
      ok: false,
      message: "Enter the person's date of birth",
    });
  });

  it("names the missing parts and highlights only those boxes", () => {
    expect(readDateOfBirth({ day: "2", month: "", year: "" })).toEqual({
      ok: false,
      message: "Date of birth must include a month and a year",
      parts: ["month", "year"],
    });
  });

  it("wants a four-digit year", () => {
    expect(readDateOfBirth({ day: "2", month: "6", year: "41" })).toMatchObject({
      ok: false,
      parts: ["year"],
    });
  });
});

describe("validating the referral form with the shared schema", () => {
  it("accepts a complete form and normalises what the API would", () => {
    const result = validateReferral(completeForm({ interpreterNeeded: "no", ethnicity: "A" }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.referral.person.nhsNumber).toBe("9434765919");
    expect(result.referral.person.postcode).toBe("NS1 4AB");
    expect(result.referral.practiceOds).toBe("A81001");
    expect(result.referral.person.interpreterNeeded).toBe(false);
    expect(result.referral.person).not.toHaveProperty("email");
    expect(result.referral.consent).toEqual({ shareWithProviders: true });
  });

  it("reports the schema's own messages, one per question, in page order", () => {
    const result = validateReferral(completeForm({ givenName: " ", needs: [], consent: "", nhsNumber: "" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => [error.field, error.message])).toEqual([
      ["person.nhsNumber", "A GP referral must include the person's NHS number"],
      ["person.givenName", "Enter the person's given name"],
      ["needs", "Choose at least one need"],
      [
        "consent.shareWithProviders",
        "Say whether the person agrees to share their details with support providers",
      ],
    ]);
  });

  it("leaves real-date checks to the schema", () => {
    const result = validateReferral(completeForm({ dateOfBirth: { day: "31", month: "2", year: "1950" } }));
    expect(result.ok ? [] : result.errors.map((error) => error.message)).toEqual([
      "Date of birth is not a real date",
    ]);
  });

  it("asks where the referral comes from in plain words when no source is chosen", () => {
    const result = validateReferral(completeForm({ source: "" }));
    expect(result.ok ? [] : result.errors.map((error) => error.message)).toEqual([
      "Select where the referral comes from",
    ]);
  });
});

describe("placing problems against questions", () => {
  it("maps the API's detail paths, including array items, to their question", () => {
    expect(fieldFor("needs.1")).toBe("needs");
    expect(fieldFor("person.nhsNumber")).toBe("person.nhsNumber");
    expect(fieldFor("(body)")).toBeUndefined();
    expect(
      errorsFromDetails([
        { path: "reason", message: "Enter the reason for referral" },
        { path: "person.postcode", message: "Enter a full UK postcode, like NS1 4AB" },
      ]).map((error) => error.field),
    ).toEqual(["person.postcode", "reason"]);
  });

  it("links a date problem to the first box in error", () => {
    expect(errorTarget({ field: "person.dateOfBirth", message: "", dateParts: ["year"] })).toBe(
      "person-dateOfBirth-year",
    );
    expect(errorTarget({ field: "person.dateOfBirth", message: "" })).toBe("person-dateOfBirth-day");
    expect(errorTarget({ field: "consent.shareWithProviders", message: "" })).toBe(
      "consent-shareWithProviders",
    );
  });
});
