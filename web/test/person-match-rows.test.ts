import type { PersonMatch } from "@linkwork/core/person/requests";
import type { Referral } from "@linkwork/core/referral/schema";
import { describe, expect, it } from "vitest";
import { explainMatch } from "../src/components/person-match/match-labels";
import { differingFields, matchRows, nhsNumberCells } from "../src/components/person-match/match-rows";

const referred: Referral["person"] = {
  nhsNumber: "9434765919",
  givenName: "Oksana",
  familyName: "Bondar",
  dateOfBirth: "1961-09-12",
  postcode: "NS2 9ZZ",
  phone: "07700 900 123",
};

const existing: PersonMatch["candidate"] = {
  personId: "per_1",
  nhsNumber: "9434765919",
  givenName: "Oksana",
  familyName: "Bondar",
  dateOfBirth: "1961-09-12",
  postcode: "NS2 3PL",
  openReferrals: 1,
};

describe("a possible match's compared details", () => {
  it("marks a detail as differing from the existing record as it is now, not as it was found", () => {
    expect(differingFields(matchRows(referred, existing))).toEqual(["postcode"]);
    const corrected = { ...existing, postcode: "NS2 9ZZ" };
    expect(differingFields(matchRows(referred, corrected))).toEqual([]);
    expect(explainMatch("nhs_number", differingFields(matchRows(referred, corrected)), "gp")).toBe(
      "The details agree with someone already known. This referral joins their record only when you confirm it.",
    );
  });

  it("compares the dates as shown, and a detail one side does not know does not differ", () => {
    const rows = matchRows(referred, { ...existing, dateOfBirth: "1961-09-13", email: "o@example.com" });
    expect(rows.find((row) => row.field === "dateOfBirth")).toMatchObject({
      referral: "12 September 1961",
      existing: "13 September 1961",
      differs: true,
    });
    expect(rows.find((row) => row.field === "email")).toMatchObject({ referral: undefined, differs: false });
    expect(rows.find((row) => row.field === "phone")).toMatchObject({ existing: undefined, differs: false });
  });

  it("says details differ only when a shown detail does", () => {
    expect(explainMatch("nhs_number", ["postcode"], "gp")).toBe(
      "Someone with this NHS number is already known, but some details in this referral differ from their record.",
    );
    expect(explainMatch("nhs_number", [], "self")).toContain("A self-referral joins their record");
  });

  it("shows a missing NHS number as not given on the referral and not recorded on the existing record", () => {
    expect(nhsNumberCells(undefined, "9434765919")).toEqual({
      referral: "Not given",
      existing: "943 476 5919",
    });
    expect(nhsNumberCells("9434765919", undefined)).toEqual({
      referral: "943 476 5919",
      existing: "Not recorded",
    });
  });
});
