import { readCase } from "@linkwork/core/casework/read-case";
import { recordContact } from "@linkwork/core/casework/record-contact";
import { readReferral } from "@linkwork/core/referral/read";
import { transitionReferral } from "@linkwork/core/referral/transition";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestContext } from "../support/database";
import { seedStaff } from "../support/world";
import { assignedReferral, worker } from "./casework-fixtures";

/**
 * The case's contact rules as properties of the stored system: whatever the worker does, in any
 * order, no contact in the future is ever stored, and a closed case takes no contact until reopened.
 */
let setup: Awaited<ReturnType<typeof createTestContext>>;

beforeAll(async () => {
  setup = await createTestContext("2026-11-23T09:00:00.000Z");
  await seedStaff(setup.context);
});

const outcome = fc.constantFrom("made_contact", "no_answer", "left_message", "did_not_attend");
const now = new Date("2026-11-30T12:00:00.000Z");

describe("contact properties", () => {
  it("never stores a contact more than a minute after the server's now", async () => {
    const referral = await assignedReferral(setup.context);
    setup.clock.set(now);
    await fc.assert(
      fc.asyncProperty(
        // From a week back to a day ahead, in seconds, clustered around the edge of the allowed skew.
        fc.oneof(fc.integer({ min: -7 * 86_400, max: 86_400 }), fc.integer({ min: 55, max: 65 })),
        outcome,
        async (offsetSeconds, result) => {
          const at = new Date(now.getTime() + offsetSeconds * 1000).toISOString();
          const before = (await readCase(setup.context, worker, referral.id)).contactCount;
          const accepted = await recordContact(setup.context, worker, referral.id, {
            at,
            method: "phone",
            outcome: result,
          }).then(
            () => true,
            (error: { code: string }) => {
              expect(error.code).toBe("validation_failed");
              return false;
            },
          );
          expect(accepted).toBe(offsetSeconds <= 60);
          const after = await readCase(setup.context, worker, referral.id);
          expect(after.contactCount).toBe(before + (accepted ? 1 : 0));
          for (const contact of after.contacts) {
            expect(Date.parse(contact.at)).toBeLessThanOrEqual(now.getTime() + 60_000);
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it("takes contacts while open and none once closed, until reopened, in any order of events", async () => {
    const step = fc.oneof(
      outcome.map((result) => ({ kind: "contact" as const, outcome: result })),
      fc.constant({ kind: "close" as const }),
      fc.constant({ kind: "reopen" as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 6 }), async (steps) => {
        setup.clock.set("2026-11-23T09:00:00.000Z");
        const referral = await assignedReferral(setup.context);
        setup.clock.set(now);
        let contacts = 0;
        for (const action of steps) {
          const current = await readReferral(setup.context, worker, referral.id);
          const closed = current.status === "closed";
          if (action.kind === "contact") {
            const accepted = await recordContact(setup.context, worker, referral.id, {
              at: now.toISOString(),
              method: "video",
              outcome: action.outcome,
            }).then(
              () => true,
              (error: { code: string }) => {
                expect(error.code).toBe("invalid_transition");
                return false;
              },
            );
            expect(accepted).toBe(!closed);
            if (accepted) contacts += 1;
          } else if (action.kind === "close" && !closed) {
            await transitionReferral(setup.context, worker, referral.id, current.version, {
              type: "close",
              reason: "unable_to_contact",
              summary: "Could not reach her",
            });
          } else if (action.kind === "reopen" && closed) {
            await transitionReferral(setup.context, worker, referral.id, current.version, {
              type: "reopen",
              reason: "She rang back",
            });
          }
        }
        expect((await readCase(setup.context, worker, referral.id)).contactCount).toBe(contacts);
      }),
      { numRuns: 8 },
    );
  });
});
