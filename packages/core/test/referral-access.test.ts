import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { UserActor } from "../src/actor";
import { mayOpenRecords, referralAccess } from "../src/referral/domain/access";
import { ReferralStatus } from "../src/referral/schema";
import { Role } from "../src/user/role";

function user(roles: Role[], overrides: Partial<UserActor> = {}): UserActor {
  return {
    type: "user",
    userId: "usr_a",
    email: "a@x.test",
    name: "A",
    roles,
    organisationId: "org_a",
    ...overrides,
  };
}

const referral = {
  status: "assigned" as const,
  organisationId: "org_b",
  referrerId: "usr_b",
  assignedTo: "usr_c",
};

describe("who may see a referral", () => {
  it("lets a triage coordinator see any referral, for triage", () => {
    expect(referralAccess(user(["triage_coordinator"]), referral)).toEqual({
      allowed: true,
      purpose: "Triage and allocation",
    });
  });

  it("lets the manager of the organisation it is allocated to see it", () => {
    expect(referralAccess(user(["org_manager"], { organisationId: "org_b" }), referral).allowed).toBe(true);
    expect(referralAccess(user(["org_manager"], { organisationId: "org_a" }), referral).allowed).toBe(false);
  });

  it("shows link workers their organisation's incoming and ready queue, not colleagues' cases", () => {
    const colleague = user(["link_worker"], { organisationId: "org_b" });
    for (const status of ReferralStatus.options) {
      const expected = status === "allocated" || status === "accepted";
      expect(referralAccess(colleague, { ...referral, status }).allowed).toBe(expected);
    }
    expect(
      referralAccess(user(["link_worker"], { organisationId: "org_a" }), { ...referral, status: "accepted" })
        .allowed,
    ).toBe(false);
  });

  it("lets the link worker it is assigned to see it", () => {
    expect(referralAccess(user(["link_worker"], { userId: "usr_c" }), referral)).toEqual({
      allowed: true,
      purpose: "On the link worker's caseload",
    });
  });

  it("lets the referrer see their own referral and no one else's", () => {
    expect(referralAccess(user(["referrer"], { userId: "usr_b" }), referral).allowed).toBe(true);
    expect(referralAccess(user(["referrer"]), referral).allowed).toBe(false);
  });

  it("never lets commissioners or admins open a person's record", () => {
    expect(mayOpenRecords(user(["commissioner"]))).toBe(false);
    expect(mayOpenRecords(user(["admin"]))).toBe(false);
    expect(mayOpenRecords(user(["admin", "triage_coordinator"]))).toBe(true);
  });

  it("grants nothing without a relationship, whatever else the user holds", () => {
    const ids = fc.constantFrom("usr_a", "usr_b", "usr_c", "usr_d");
    const organisations = fc.constantFrom("org_a", "org_b", "org_c");
    fc.assert(
      fc.property(
        fc.subarray(Role.options.filter((role) => role !== "triage_coordinator")),
        ids,
        organisations,
        fc.record({
          status: fc.constantFrom(...ReferralStatus.options),
          organisationId: fc.option(organisations, { nil: undefined }),
          referrerId: fc.option(ids, { nil: undefined }),
          assignedTo: fc.option(ids, { nil: undefined }),
        }),
        (roles, userId, organisationId, facts) => {
          const actor = user(roles, { userId, organisationId });
          const ofOrganisation = facts.organisationId === organisationId;
          const related =
            (roles.includes("link_worker") && facts.assignedTo === userId) ||
            (roles.includes("org_manager") && ofOrganisation) ||
            (roles.includes("link_worker") &&
              ofOrganisation &&
              ["allocated", "accepted"].includes(facts.status)) ||
            ((roles.includes("referrer") || roles.includes("mdt_member")) && facts.referrerId === userId);
          expect(referralAccess(actor, facts).allowed).toBe(related);
        },
      ),
    );
  });
});
