import { describe, expect, it } from "vitest";
import type { UserActor } from "../src/actor";
import type { Referral } from "../src/referral/schema";
import { referralFor } from "../src/referral/view";
import { timelineFor } from "../src/timeline/read";
import type { Role } from "../src/user/role";

const viewer = (...roles: Role[]): UserActor => ({
  type: "user",
  userId: "usr_1",
  email: "someone@linkwork.test",
  name: "Someone",
  roles,
  organisationId: "org_1",
});

const referral: Referral = {
  id: "ref_1",
  reference: "LW-AAAA-BBBB",
  version: 1,
  status: "received",
  source: "gp",
  receivedAt: "2026-11-23T09:00:00.000Z",
  updatedAt: "2026-11-23T09:00:00.000Z",
  personId: "per_1",
  person: { givenName: "Ada", familyName: "Okafor", dateOfBirth: "1948-03-14", postcode: "NS1 4AB" },
  reason: "Lonely",
  needs: ["loneliness_isolation"],
  riskFlags: [],
  consent: { shareWithProviders: true },
  breaches: [],
  hasOtherOpenReferrals: true,
  otherOpenReferrals: [
    { id: "ref_0", reference: "LW-CCCC-DDDD", status: "received", receivedAt: "2026-11-22T09:00:00.000Z" },
  ],
  possibleMatch: { basis: "nhs_number", differences: ["postcode"] },
  allowedActions: ["triage", "signpost"],
};
const otherRecordFields = ["personId", "hasOtherOpenReferrals", "otherOpenReferrals", "possibleMatch"];

describe("who sees a person's other records", () => {
  it("shows triage coordinators which record a referral is on, what else is open and who it may be", () => {
    expect(referralFor(viewer("triage_coordinator"), referral)).toEqual(referral);
  });

  it.each<Role[]>([["referrer"], ["referrer", "mdt_member"], ["link_worker"], ["org_manager"], ["admin"]])(
    "shows %s nothing of them",
    (...roles) => {
      const seen = referralFor(viewer(...roles), referral);
      for (const field of otherRecordFields) expect(seen).not.toHaveProperty(field);
      expect(seen).toMatchObject({ id: referral.id, person: referral.person });
    },
  );

  it("keeps match events and counts of other referrals off everyone else's timeline", () => {
    const items = [
      {
        id: "evt_1",
        type: "referral.received",
        at: "2026-11-23T09:00:00.000Z",
        data: { source: "gp", knownPerson: true, otherOpenReferrals: 1 },
      },
      { id: "evt_2", type: "referral.possible_match_found", at: "2026-11-23T09:00:00.000Z", data: {} },
      { id: "evt_3", type: "referral.triaged", at: "2026-11-23T10:00:00.000Z", data: { priority: "soon" } },
    ];
    expect(timelineFor(viewer("triage_coordinator"), items)).toEqual(items);
    expect(timelineFor(viewer("referrer"), items)).toEqual([
      { ...items[0], data: { source: "gp" } },
      items[2],
    ]);
  });
});
