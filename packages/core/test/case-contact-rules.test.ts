import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clockSkewMilliseconds,
  contactTimeProblem,
  countsOf,
  promptsUnableToContact,
} from "../src/casework/domain/contact-rules";
import { contactOutcomes } from "../src/casework/vocabulary";

const instant = fc.date({
  min: new Date("2020-01-01T00:00:00Z"),
  max: new Date("2035-01-01T00:00:00Z"),
  noInvalidDate: true,
});

describe("when a contact may have happened", () => {
  it("never accepts a contact more than a minute after now, however the times fall", () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 10 * 365 * 86_400_000 }),
        fc.integer({ min: 0, max: 86_400_000 }),
        (now, ahead, sinceReceipt) => {
          const at = new Date(now.getTime() + clockSkewMilliseconds + ahead);
          const receivedAt = new Date(now.getTime() - sinceReceipt);
          expect(contactTimeProblem({ at, now, receivedAt })).toMatch(/future/);
        },
      ),
    );
  });

  it("accepts any time from receipt to a minute after now", () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 365 * 86_400_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (now, sinceReceipt, fraction) => {
          const receivedAt = new Date(now.getTime() - sinceReceipt);
          const span = sinceReceipt + clockSkewMilliseconds;
          const at = new Date(receivedAt.getTime() + Math.floor(span * fraction));
          expect(contactTimeProblem({ at, now, receivedAt })).toBeUndefined();
        },
      ),
    );
  });

  it("never accepts a contact before the referral was received", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 365 * 86_400_000 }), (receivedAt, before) => {
        const at = new Date(receivedAt.getTime() - before);
        expect(
          contactTimeProblem({ at, now: new Date(receivedAt.getTime() + 86_400_000), receivedAt }),
        ).toMatch(/before the referral/);
      }),
    );
  });
});

describe("counting attempts", () => {
  it("counts failed attempts since the last contact made, and every contact", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...contactOutcomes), { maxLength: 30 }), (outcomes) => {
        const contacts = outcomes.map((outcome, index) => ({
          at: new Date(Date.UTC(2026, 0, 1, 9, index)).toISOString(),
          outcome,
        }));
        const lastMade = outcomes.lastIndexOf("made_contact");
        const expected = { failedAttempts: outcomes.length - 1 - lastMade, contactCount: outcomes.length };
        expect(countsOf(contacts)).toEqual(expected);
        // Logged in any order, the contacts count by when they happened.
        expect(countsOf([...contacts].reverse())).toEqual(expected);
      }),
    );
  });

  it("keeps attempts made after a contact that is logged later, back-dated", () => {
    const today = (hour: number) => new Date(Date.UTC(2026, 5, 2, hour)).toISOString();
    const failures = [9, 10, 11].map((hour) => ({ at: today(hour), outcome: "no_answer" as const }));
    const yesterday = {
      at: new Date(Date.UTC(2026, 5, 1, 10, 15)).toISOString(),
      outcome: "made_contact" as const,
    };
    expect(countsOf([...failures, yesterday])).toEqual({ failedAttempts: 3, contactCount: 4 });
    const laterToday = { at: today(14), outcome: "made_contact" as const };
    expect(countsOf([...failures, yesterday, laterToday])).toEqual({ failedAttempts: 0, contactCount: 5 });
  });

  it("prompts to close as unable to contact at the area's threshold, and never on a closed case", () => {
    expect(promptsUnableToContact(2, 3, true)).toBe(false);
    expect(promptsUnableToContact(3, 3, true)).toBe(true);
    expect(promptsUnableToContact(7, 3, true)).toBe(true);
    expect(promptsUnableToContact(7, 3, false)).toBe(false);
  });
});
