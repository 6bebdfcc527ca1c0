import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type IdentityFacts,
  identityKey,
  matchVerdict,
  verdictFor,
} from "../src/person/domain/identity-match";
import { transliterateName } from "../src/person/domain/name";
import { testRangeNhsNumber } from "../src/person/domain/nhs-number";

const ada: IdentityFacts = {
  nhsNumber: testRangeNhsNumber(1),
  givenName: "Ada",
  familyName: "Okafor",
  dateOfBirth: "1948-03-14",
  postcode: "NS1 4AB",
  phone: "01632 960 001",
  email: "ada@example.com",
};
const withoutNhsNumber = ({ nhsNumber: _nhsNumber, ...rest }: IdentityFacts): IdentityFacts => rest;

describe("deciding whether a referral is about a known person", () => {
  it("is the same person when the NHS number and every compared detail agree", () => {
    expect(matchVerdict(ada, { ...ada, givenName: " ADA ", phone: "+44 1632 960001" })).toEqual({
      kind: "same_person",
    });
  });

  it("is only a possible match when the NHS number agrees but the details do not", () => {
    expect(matchVerdict(ada, { ...ada, givenName: "Eve", postcode: "NS2 7QT" })).toEqual({
      kind: "possible_match",
      basis: "nhs_number",
      differences: ["givenName", "postcode"],
    });
    expect(matchVerdict(ada, { ...ada, email: "someone.else@example.com" })).toEqual({
      kind: "possible_match",
      basis: "nhs_number",
      differences: ["email"],
    });
  });

  it("does not count a contact detail one side lacks as a difference", () => {
    const { phone: _phone, email: _email, ...bare } = ada;
    expect(matchVerdict(ada, bare)).toEqual({ kind: "same_person" });
  });

  it("never takes a self-referral as certain, even when every detail agrees", () => {
    expect(verdictFor("public", matchVerdict(ada, ada))).toEqual({
      kind: "possible_match",
      basis: "nhs_number",
      differences: [],
    });
    expect(verdictFor("staff", matchVerdict(ada, ada))).toEqual({ kind: "same_person" });
  });

  it("treats different NHS numbers as different people, whatever else agrees", () => {
    expect(matchVerdict(ada, { ...ada, nhsNumber: testRangeNhsNumber(2) })).toEqual({
      kind: "different_person",
    });
  });

  it("never decides alone without an NHS number on both sides: a full agreement is only possible", () => {
    expect(matchVerdict(withoutNhsNumber(ada), withoutNhsNumber(ada))).toEqual({
      kind: "possible_match",
      basis: "identity",
      differences: [],
    });
    expect(matchVerdict(ada, withoutNhsNumber(ada))).toMatchObject({ kind: "possible_match" });
  });

  it("does not join twins: same family name, birth date and postcode, different given names", () => {
    const twin = { ...withoutNhsNumber(ada), givenName: "Grace" };
    expect(matchVerdict(withoutNhsNumber(ada), twin)).toEqual({ kind: "different_person" });
  });

  it("does not join people whose names are in non-Latin scripts and differ", () => {
    const li = { ...withoutNhsNumber(ada), givenName: "伟", familyName: "李" };
    const wang = { ...li, familyName: "王" };
    expect(matchVerdict(li, wang)).toEqual({ kind: "different_person" });
    const ivanov = { ...withoutNhsNumber(ada), givenName: "Иван", familyName: "Иванов" };
    expect(matchVerdict(ivanov, { ...ivanov, familyName: "Петров" })).toEqual({ kind: "different_person" });
    expect(identityKey(li)).not.toBe(identityKey(wang));
    expect(identityKey(ivanov)).not.toBe(identityKey({ ...ivanov, familyName: "Петров" }));
  });

  it("offers names differing only in accents as a possible match, marked as a difference", () => {
    const muller = { ...withoutNhsNumber(ada), familyName: "Müller" };
    expect(matchVerdict(muller, { ...muller, familyName: "Muller" })).toEqual({
      kind: "possible_match",
      basis: "identity",
      differences: ["familyName"],
    });
    expect(identityKey(muller)).toBe(identityKey({ ...muller, familyName: "MULLER" }));
  });

  it("separates people born on another day or living elsewhere when there is no NHS number", () => {
    const base = withoutNhsNumber(ada);
    expect(matchVerdict(base, { ...base, dateOfBirth: "1948-03-15" }).kind).toBe("different_person");
    expect(matchVerdict(base, { ...base, postcode: "NS9 9ZZ" }).kind).toBe("different_person");
  });
});

const nameArbitrary = fc.oneof(
  fc.constantFrom("Ada", "Grace", "李", "王", "Иванов", "Петров", "Müller", "Muller", "O'Brien", "Obrien"),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }),
);
const factsArbitrary: fc.Arbitrary<IdentityFacts> = fc.record(
  {
    nhsNumber: fc.integer({ min: 0, max: 3 }).map(testRangeNhsNumber),
    givenName: nameArbitrary,
    familyName: nameArbitrary,
    dateOfBirth: fc.constantFrom("1948-03-14", "1990-01-01"),
    postcode: fc.constantFrom("NS1 4AB", "NS2 7QT"),
    phone: fc.constantFrom("01632 960 001", "07700 900 982"),
    email: fc.constantFrom("a@example.com", "b@example.com"),
  },
  { requiredKeys: ["givenName", "familyName", "dateOfBirth", "postcode"] },
);

describe("matching (properties)", () => {
  it("never takes two records as the same person without the same NHS number on both", () => {
    fc.assert(
      fc.property(factsArbitrary, factsArbitrary, (record, referral) => {
        if (matchVerdict(record, referral).kind === "same_person") {
          expect(record.nhsNumber).toBeDefined();
          expect(record.nhsNumber).toBe(referral.nhsNumber);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("is symmetric", () => {
    fc.assert(
      fc.property(factsArbitrary, factsArbitrary, (record, referral) => {
        const forwards = matchVerdict(record, referral);
        const backwards = matchVerdict(referral, record);
        expect(backwards).toEqual(forwards);
      }),
      { numRuns: 3000 },
    );
  });

  it("finds every possible match by its identity key", () => {
    fc.assert(
      fc.property(factsArbitrary, factsArbitrary, (record, referral) => {
        const verdict = matchVerdict(record, referral);
        if (verdict.kind === "possible_match" && verdict.basis === "identity")
          expect(identityKey(referral)).toBe(identityKey(record));
      }),
      { numRuns: 3000 },
    );
  });

  it("separates people whose given names differ even without accents, when no NHS number joins them", () => {
    fc.assert(
      fc.property(factsArbitrary, nameArbitrary, (record, otherGivenName) => {
        const referral = { ...withoutNhsNumber(record), givenName: otherGivenName };
        const verdict = matchVerdict(withoutNhsNumber(record), referral);
        const apart = transliterateName(otherGivenName) !== transliterateName(record.givenName);
        if (apart && transliterateName(otherGivenName) !== "" && transliterateName(record.givenName) !== "")
          expect(verdict).toEqual({ kind: "different_person" });
      }),
    );
  });

  it("is unmoved by case, spacing and punctuation in names", () => {
    fc.assert(
      fc.property(factsArbitrary, factsArbitrary, (record, referral) => {
        const shouted = {
          ...referral,
          givenName: ` ${referral.givenName.toUpperCase()}.`,
          familyName: `${referral.familyName.toLowerCase()} `,
        };
        const plain = matchVerdict(record, referral);
        const noisy = matchVerdict(record, shouted);
        if (/[\p{L}\p{N}]/u.test(referral.givenName) && /[\p{L}\p{N}]/u.test(referral.familyName))
          expect(noisy.kind).toBe(plain.kind);
      }),
      { numRuns: 3000 },
    );
  });
});
