import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CaseFacts, casePolicy, caseRefusal } from "../src/policy/domain/case-policy";
import type { PolicyActor } from "../src/policy/domain/relationships";
import { ReferralStatus } from "../src/referral/schema";
import { Role } from "../src/user/role";

// A small world, so that generated actors often are the case's worker or in its organisation.
const userIds = ["usr_a", "usr_b", "usr_c"] as const;
const organisationIds = ["org_x", "org_y"] as const;

const actor: fc.Arbitrary<PolicyActor> = fc.record({
  userId: fc.constantFrom(...userIds),
  roles: fc.subarray([...Role.options], { minLength: 1 }),
  organisationId: fc.constantFrom(...organisationIds),
});

const facts: fc.Arbitrary<CaseFacts> = fc.record(
  {
    status: fc.constantFrom(...ReferralStatus.options),
    organisationId: fc.constantFrom(...organisationIds),
    assignedTo: fc.constantFrom(...userIds),
    referrerId: fc.constantFrom(...userIds),
    version: fc.integer({ min: 1, max: 50 }),
  },
  { requiredKeys: ["status", "version"] },
);

describe("the case rules, for any actor and any referral", () => {
  it("lets only the link worker the case is assigned to record a measure, and only while it is open", () => {
    fc.assert(
      fc.property(actor, facts, (who, referral) => {
        const allowed = casePolicy(who, referral).allowedActions.includes("record_measure");
        const isAssignedWorker =
          who.roles.includes("link_worker") &&
          referral.assignedTo !== undefined &&
          referral.assignedTo === who.userId;
        expect(allowed).toBe(isAssignedWorker && ["assigned", "active"].includes(referral.status));
        expect(caseRefusal(who, referral, "record_measure") === undefined).toBe(allowed);
      }),
    );
  });

  it("lets nobody record a contact on a closed case until it is reopened", () => {
    fc.assert(
      fc.property(actor, facts, (who, referral) => {
        const closed = { ...referral, status: "closed" as const };
        expect(casePolicy(who, closed).allowedActions).not.toContain("record_contact");
        const refusal = caseRefusal(who, closed, "record_contact");
        expect(refusal).toBeDefined();
        // Whoever could record on the open case hears that it must be reopened, with its version.
        const reopened = { ...referral, status: "active" as const };
        if (casePolicy(who, reopened).allowedActions.includes("record_contact")) {
          expect(refusal?.code).toBe("invalid_transition");
          expect(refusal?.currentVersion).toBe(referral.version);
        }
      }),
    );
  });

  it("never shows the case to anyone outside the organisation holding it but the worker holding it", () => {
    fc.assert(
      fc.property(actor, facts, (who, referral) => {
        if (who.organisationId === referral.organisationId || who.userId === referral.assignedTo) return;
        expect(casePolicy(who, referral).visible).toBe(false);
        expect(caseRefusal(who, referral, "record_contact")?.code).toBe("not_found");
      }),
    );
  });
});
