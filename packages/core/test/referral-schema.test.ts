import { describe, expect, it } from "vitest";
import { ReferralCreate } from "../src/referral/schema";

const valid = {
  person: {
    nhsNumber: "9990000018",
    givenName: "Ada",
    familyName: "Okafor",
    dateOfBirth: "1948-03-14",
    postcode: "NS1 4AB",
  },
  source: "gp",
  practiceOds: "A81001",
  reason: "Low mood since bereavement",
  needs: ["loneliness_isolation"],
  consent: { shareWithProviders: true },
};

function problems(input: unknown) {
  const result = ReferralCreate.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("a new referral", () => {
  it("accepts the contract's required fields and defaults risk flags to none", () => {
    const parsed = ReferralCreate.parse(valid);
    expect(parsed.riskFlags).toEqual([]);
    expect(parsed.person.nhsNumber).toBe("9990000018");
  });

  it.each([
    ["2023-02-30", "not a real date"],
    ["14/03/1948", "like 1950-07-31"],
    ["3000-01-01", "cannot be in the future"],
    ["1850-01-01", "more than 130 years ago"],
  ])("refuses the date of birth %s", (dateOfBirth, message) => {
    expect(problems({ ...valid, person: { ...valid.person, dateOfBirth } }).join()).toContain(message);
  });

  it("refuses a need or risk flag given twice", () => {
    expect(problems({ ...valid, needs: ["housing", "housing"] })).toEqual([
      "needs: Each need may be chosen once",
    ]);
    expect(problems({ ...valid, riskFlags: ["crisis", "crisis"] })).toEqual([
      "riskFlags: Each risk flag may be chosen once",
    ]);
  });

  it("refuses a referral with no needs", () => {
    expect(problems({ ...valid, needs: [] })).toEqual(["needs: Choose at least one need"]);
  });

  it("checks contact details when they are given", () => {
    const person = { ...valid.person, email: "not-an-email", phone: "call me", preferredLanguage: "Polish" };
    expect(problems({ ...valid, person }).map((problem) => problem.split(":")[0])).toEqual([
      "person.preferredLanguage",
      "person.phone",
      "person.email",
    ]);
  });

  it("accepts the full set of PRSB person details", () => {
    const person = {
      ...valid.person,
      addressLine1: "4 Mill Lane",
      town: "North Town",
      gender: "female",
      ethnicity: "N",
      preferredLanguage: "yo",
      interpreterNeeded: true,
      sameSexWorkerRequested: true,
      accessibleFormat: "large_print",
      communicationNeeds: "Hard of hearing; prefers face to face",
      phone: "07700 900982",
      email: "ada@example.com",
      preferredContactMethod: "phone",
    };
    expect(problems({ ...valid, person })).toEqual([]);
  });

  it("refuses unknown enum values", () => {
    expect(problems({ ...valid, source: "fax" })[0]).toMatch(/^source: Invalid option/);
    expect(problems({ ...valid, riskFlags: ["bored"] })[0]).toMatch(/^riskFlags.0: Invalid option/);
  });
});
