import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstMonthOfRecords, monthOf, previousMonth } from "../src/referral/domain/months";

describe("months of the received-order index", () => {
  it("steps back across a year's end", () => {
    expect(previousMonth("2026-01")).toBe("2025-12");
    expect(previousMonth("2026-11")).toBe("2026-10");
    expect(monthOf("2026-11-30T23:59:59.999Z")).toBe("2026-11");
  });

  it("gives the month of the instant 31 days before the first of any month", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
        (at) => {
          const first = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
          const dayBefore = new Date(first.getTime() - 24 * 60 * 60 * 1000);
          expect(previousMonth(monthOf(first))).toBe(monthOf(dayBefore));
        },
      ),
    );
  });

  it("steps back to an earlier month in text order too, so a walk back reaches the first month and stops", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2025, max: 2099 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const current = `${year}-${String(month).padStart(2, "0")}`;
        expect(previousMonth(current) < current).toBe(true);
      }),
    );
    let month = "2026-12";
    let steps = 0;
    while (month > firstMonthOfRecords) {
      month = previousMonth(month);
      steps++;
    }
    expect({ month, steps }).toEqual({ month: firstMonthOfRecords, steps: 23 });
  });
});
