import type { UserActor } from "@linkwork/core/actor";
import { testRangeNhsNumber } from "@linkwork/core/person/domain/nhs-number";
import type { ReferralCreateInput } from "@linkwork/core/referral/schema";

let nextSeed = Math.floor(Math.random() * 900_000);

export function uniqueNhsNumber(): string {
  nextSeed += 7;
  return testRangeNhsNumber(nextSeed);
}

export function aReferral(overrides: Partial<ReferralCreateInput> = {}): ReferralCreateInput {
  return {
    person: {
      nhsNumber: uniqueNhsNumber(),
      givenName: "Ada",
      familyName: "Okafor",
      dateOfBirth: "1948-03-14",
      postcode: "NS1 4AB",
      preferredLanguage: "en",
      phone: "01632 960 001",
    },
    source: "gp",
    practiceOds: "A81001",
    reason: "Lives alone since her husband died; low mood and not leaving the house.",
    needs: ["loneliness_isolation", "mental_wellbeing"],
    riskFlags: ["lives_alone"],
    consent: { shareWithProviders: true },
    ...overrides,
  };
}

export function aUser(overrides: Partial<UserActor> = {}): UserActor {
  return {
    type: "user",
    userId: "usr_gp",
    email: "gp@linkwork.test",
    name: "Dr Priya Shah",
    roles: ["referrer", "mdt_member"],
    organisationId: "org_riverside",
    ...overrides,
  };
}

/** People in the test world, as their tokens describe them. */
export const people = {
  gp: {
    userId: "usr_gp",
    email: "gp@linkwork.test",
    name: "Dr Priya Shah",
    roles: ["referrer", "mdt_member"],
    organisationId: "org_riverside",
  },
  otherGp: {
    userId: "usr_other_gp",
    email: "gp2@linkwork.test",
    name: "Dr Tom Reid",
    roles: ["referrer"],
    organisationId: "org_hillside",
  },
  coordinator: {
    userId: "usr_coordinator",
    email: "coordinator@linkwork.test",
    name: "Sam Patel",
    roles: ["triage_coordinator"],
    organisationId: "org_hub",
  },
  pcnManager: {
    userId: "usr_pcn_manager",
    email: "manager.pcn@linkwork.test",
    name: "Jo Evans",
    roles: ["org_manager"],
    organisationId: "org_pcn",
  },
  pcnWorker: {
    userId: "usr_pcn_worker",
    email: "worker.pcn@linkwork.test",
    name: "Lee Chen",
    roles: ["link_worker"],
    organisationId: "org_pcn",
  },
  vcsWorker: {
    userId: "usr_vcs_worker",
    email: "worker.vcs@linkwork.test",
    name: "Amara Obi",
    roles: ["link_worker"],
    organisationId: "org_vcs",
  },
  commissioner: {
    userId: "usr_commissioner",
    email: "commissioner@linkwork.test",
    name: "Chris Lowe",
    roles: ["commissioner"],
    organisationId: "org_council",
  },
  admin: {
    userId: "usr_admin",
    email: "admin@linkwork.test",
    name: "Alex Kim",
    roles: ["admin"],
    organisationId: "org_hub",
  },
} satisfies Record<string, Omit<UserActor, "type">>;
