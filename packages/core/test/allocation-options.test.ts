import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ageOn,
  allocationOptions,
  type OrganisationProfile,
  type ReferralNeeds,
} from "../src/allocation/domain/options";
import { NeedDomain, SupportLevel } from "../src/referral/schema";

const today = "2026-11-23";

function provider(overrides: Partial<OrganisationProfile> = {}): OrganisationProfile {
  return {
    organisationId: "org_pcn",
    name: "North Town PCN",
    practices: ["A81001"],
    postcodeDistricts: [],
    needs: NeedDomain.options,
    supportLevels: SupportLevel.options,
    languages: ["en"],
    interpreterAccess: true,
    linkWorkers: [{ userId: "usr_1", gender: "female", caseloadLimit: 30, activeCaseload: 20, active: true }],
    waiting: { count: 0, longestWorkingDays: 0 },
    ...overrides,
  };
}

const referral: ReferralNeeds = {
  practiceOds: "A81001",
  postcode: "NS1 4AB",
  dateOfBirth: "1948-03-14",
  needs: ["loneliness_isolation", "housing"],
  supportLevel: "intensive",
};

describe("allocation options", () => {
  it("explains an eligible organisation's place in plain English", () => {
    const [option] = allocationOptions(referral, [provider()], today);
    expect(option).toMatchObject({ organisationId: "org_pcn", eligible: true, freeCapacity: 10 });
    expect(option?.reasons).toEqual([
      "Covers the person's practice (A81001)",
      "Helps with loneliness and isolation and housing",
      "Offers intensive support",
      "10 free places across 1 link worker",
      "Nobody waiting to be picked up",
    ]);
  });

  it("says why an organisation is not eligible, first", () => {
    const vcs = provider({
      organisationId: "org_vcs",
      name: "Community Connect",
      practices: [],
      postcodeDistricts: ["NS2"],
      needs: ["loneliness_isolation"],
      supportLevels: ["signposting", "supported_connection"],
      minAge: 18,
      maxAge: 64,
    });
    const [option] = allocationOptions(referral, [vcs], today);
    expect(option?.eligible).toBe(false);
    expect(option?.score).toBe(0);
    expect(option?.notEligibleBecause).toEqual(option?.reasons.slice(0, 4));
    expect(option?.reasons.slice(0, 4)).toEqual([
      "Does not cover practice A81001 or postcode district NS1",
      "Works with people aged 18 to 64; this person is 78",
      "Does not help with housing",
      "Does not offer intensive support",
    ]);
  });

  it("covers a person by postcode district when their practice is not listed", () => {
    const [option] = allocationOptions(
      referral,
      [provider({ practices: [], postcodeDistricts: ["NS1"] })],
      today,
    );
    expect(option?.reasons[0]).toBe("Covers postcode district NS1");
    expect(option?.eligible).toBe(true);
  });

  it("needs a speaker of the person's language or an interpreter service", () => {
    const polish = { ...referral, preferredLanguage: "pl" };
    const speaks = allocationOptions(
      polish,
      [provider({ languages: ["en", "pl"], interpreterAccess: false })],
      today,
    )[0];
    const interprets = allocationOptions(polish, [provider({ interpreterAccess: true })], today)[0];
    const neither = allocationOptions(polish, [provider({ interpreterAccess: false })], today)[0];
    expect(speaks?.reasons).toContain("Has staff who speak Polish");
    expect(interprets?.reasons).toContain("Can arrange a Polish interpreter");
    expect(neither).toMatchObject({ eligible: false });
    expect(neither?.reasons[0]).toBe("No Polish speakers and no interpreter service");
  });

  it("needs a link worker of the same sex with space when the person asks for one", () => {
    const asks = { ...referral, sameSexWorkerRequested: true, gender: "male" };
    const [option] = allocationOptions(asks, [provider()], today);
    expect(option?.eligible).toBe(false);
    expect(option?.reasons[0]).toBe("No male link worker with space, and the person asked for one");
    const withMan = provider({
      linkWorkers: [{ userId: "usr_2", gender: "male", caseloadLimit: 30, activeCaseload: 29, active: true }],
    });
    expect(allocationOptions(asks, [withMan], today)[0]?.eligible).toBe(true);
  });

  it("ranks eligible organisations by free capacity and waiting, ineligible ones last", () => {
    const options = allocationOptions(
      referral,
      [
        provider({
          organisationId: "org_full",
          name: "Full",
          linkWorkers: [{ userId: "a", caseloadLimit: 10, activeCaseload: 10, active: true }],
        }),
        provider({ organisationId: "org_away", name: "Away", practices: [] }),
        provider({
          organisationId: "org_roomy",
          name: "Roomy",
          linkWorkers: [{ userId: "b", caseloadLimit: 40, activeCaseload: 5, active: true }],
        }),
        provider({
          organisationId: "org_queue",
          name: "Queue",
          waiting: { count: 6, longestWorkingDays: 4 },
          linkWorkers: [{ userId: "c", caseloadLimit: 40, activeCaseload: 5, active: true }],
        }),
      ],
      today,
    );
    expect(options.map((option) => option.organisationId)).toEqual([
      "org_roomy",
      "org_queue",
      "org_full",
      "org_away",
    ]);
    expect(options.find((option) => option.organisationId === "org_full")?.reasons).toContain(
      "No free places at the moment",
    );
    expect(options.find((option) => option.organisationId === "org_queue")?.reasons).toContain(
      "6 people waiting to be picked up, the longest for 4 working days",
    );
  });

  it("does not count inactive link workers' places", () => {
    const [option] = allocationOptions(
      referral,
      [provider({ linkWorkers: [{ userId: "x", caseloadLimit: 30, activeCaseload: 0, active: false }] })],
      today,
    );
    expect(option?.freeCapacity).toBe(0);
  });

  it("gives every option a reason, scores only eligible ones above zero, and puts them first", () => {
    const profile = fc.record({
      organisationId: fc.uuid(),
      name: fc.string({ minLength: 1 }),
      practices: fc.subarray(["A81001", "A81002"]),
      postcodeDistricts: fc.subarray(["NS1", "NS2"]),
      needs: fc.subarray([...NeedDomain.options]),
      supportLevels: fc.subarray([...SupportLevel.options]),
      languages: fc.subarray(["en", "pl", "ur"]),
      interpreterAccess: fc.boolean(),
      linkWorkers: fc.array(
        fc.record({
          userId: fc.uuid(),
          gender: fc.constantFrom("female", "male"),
          caseloadLimit: fc.integer({ min: 0, max: 50 }),
          activeCaseload: fc.integer({ min: 0, max: 60 }),
          active: fc.boolean(),
        }),
        { maxLength: 4 },
      ),
      waiting: fc.record({ count: fc.nat(20), longestWorkingDays: fc.nat(15) }),
    });
    fc.assert(
      fc.property(fc.array(profile, { maxLength: 6 }), (organisations) => {
        const options = allocationOptions(referral, organisations, today);
        expect(options).toHaveLength(organisations.length);
        const firstIneligible = options.findIndex((option) => !option.eligible);
        for (const [index, option] of options.entries()) {
          expect(option.reasons.length).toBeGreaterThan(0);
          expect(option.freeCapacity).toBeGreaterThanOrEqual(0);
          expect(option.eligible).toBe(option.notEligibleBecause.length === 0);
          if (option.eligible) {
            expect(option.score).toBeGreaterThan(0);
            if (firstIneligible >= 0) expect(index).toBeLessThan(firstIneligible);
          } else expect(option.score).toBe(0);
        }
      }),
    );
  });

  it("never ranks an organisation lower for having more free capacity, all else equal", () => {
    fc.assert(
      fc.property(fc.nat(40), fc.nat(40), (smaller, extra) => {
        const a = provider({
          organisationId: "a",
          name: "A",
          linkWorkers: [{ userId: "1", caseloadLimit: 100, activeCaseload: 100 - smaller, active: true }],
        });
        const b = provider({
          organisationId: "b",
          name: "B",
          linkWorkers: [
            { userId: "2", caseloadLimit: 100, activeCaseload: 100 - smaller - extra, active: true },
          ],
        });
        const [scoreA, scoreB] = ["a", "b"].map(
          (id) =>
            allocationOptions(referral, [a, b], today).find((option) => option.organisationId === id)
              ?.score ?? 0,
        );
        expect(scoreB).toBeGreaterThanOrEqual(scoreA as number);
      }),
    );
  });
});

describe("age", () => {
  it("counts whole years, birthday included", () => {
    expect(ageOn("1948-03-14", "2026-03-13")).toBe(77);
    expect(ageOn("1948-03-14", "2026-03-14")).toBe(78);
  });
});
