import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bankHolidays, easterSunday } from "../src/calendar/domain/bank-holidays";
import {
  addWorkingDays,
  endOfLondonDay,
  englandAndWalesCalendar,
  londonDate,
  workingDaysBetween,
} from "../src/calendar/domain/working-days";

describe("England and Wales bank holidays", () => {
  it.each([
    [
      2020,
      [
        "2020-01-01",
        "2020-04-10",
        "2020-04-13",
        "2020-05-08",
        "2020-05-25",
        "2020-08-31",
        "2020-12-25",
        "2020-12-28",
      ],
    ],
    [
      2022,
      [
        "2022-01-03",
        "2022-04-15",
        "2022-04-18",
        "2022-05-02",
        "2022-06-02",
        "2022-06-03",
        "2022-08-29",
        "2022-09-19",
        "2022-12-26",
        "2022-12-27",
      ],
    ],
    [
      2023,
      [
        "2023-01-02",
        "2023-04-07",
        "2023-04-10",
        "2023-05-01",
        "2023-05-08",
        "2023-05-29",
        "2023-08-28",
        "2023-12-25",
        "2023-12-26",
      ],
    ],
    [
      2024,
      [
        "2024-01-01",
        "2024-03-29",
        "2024-04-01",
        "2024-05-06",
        "2024-05-27",
        "2024-08-26",
        "2024-12-25",
        "2024-12-26",
      ],
    ],
    [
      2025,
      [
        "2025-01-01",
        "2025-04-18",
        "2025-04-21",
        "2025-05-05",
        "2025-05-26",
        "2025-08-25",
        "2025-12-25",
        "2025-12-26",
      ],
    ],
    [
      2026,
      [
        "2026-01-01",
        "2026-04-03",
        "2026-04-06",
        "2026-05-04",
        "2026-05-25",
        "2026-08-31",
        "2026-12-25",
        "2026-12-28",
      ],
    ],
    [
      2027,
      [
        "2027-01-01",
        "2027-03-26",
        "2027-03-29",
        "2027-05-03",
        "2027-05-31",
        "2027-08-30",
        "2027-12-27",
        "2027-12-28",
      ],
    ],
  ])("match the published list for %i", (year, published) => {
    expect(bankHolidays(year)).toEqual(published);
  });

  it("puts Easter on a Sunday between 22 March and 25 April", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), (year) => {
        const { month, day } = easterSunday(year);
        const date = new Date(Date.UTC(year, month - 1, day));
        expect(date.getUTCDay()).toBe(0);
        expect(month * 100 + day).toBeGreaterThanOrEqual(322);
        expect(month * 100 + day).toBeLessThanOrEqual(425);
      }),
    );
  });

  it("never falls on a weekend", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), (year) => {
        for (const date of bankHolidays(year))
          expect([0, 6]).not.toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
      }),
    );
  });
});

describe("working days", () => {
  const calendar = englandAndWalesCalendar();

  it("makes something received on Monday morning due by the end of Wednesday in two working days", () => {
    expect(addWorkingDays(new Date("2026-11-23T09:30:00Z"), 2, calendar).toISOString()).toBe(
      "2026-11-25T23:59:59.999Z",
    );
  });

  it("skips the weekend", () => {
    expect(londonDate(addWorkingDays(new Date("2026-11-27T16:00:00Z"), 2, calendar))).toBe("2026-12-01");
  });

  it("starts counting after a weekend arrival on the next working day", () => {
    expect(londonDate(addWorkingDays(new Date("2026-11-28T12:00:00Z"), 1, calendar))).toBe("2026-11-30");
  });

  it("skips Christmas, the Boxing Day substitute and the weekend between them", () => {
    expect(londonDate(addWorkingDays(new Date("2026-12-24T10:00:00Z"), 1, calendar))).toBe("2026-12-29");
  });

  it("skips Easter", () => {
    expect(londonDate(addWorkingDays(new Date("2026-04-02T10:00:00Z"), 1, calendar))).toBe("2026-04-07");
  });

  it("honours local closure days", () => {
    const local = englandAndWalesCalendar(["2026-11-24"]);
    expect(londonDate(addWorkingDays(new Date("2026-11-23T09:00:00Z"), 1, local))).toBe("2026-11-25");
  });

  it("ends the day at midnight in England, in summer time too", () => {
    expect(endOfLondonDay("2026-07-01").toISOString()).toBe("2026-07-01T22:59:59.999Z");
    expect(endOfLondonDay("2026-01-15").toISOString()).toBe("2026-01-15T23:59:59.999Z");
    expect(endOfLondonDay("2026-03-29").toISOString()).toBe("2026-03-29T22:59:59.999Z");
    expect(endOfLondonDay("2026-10-25").toISOString()).toBe("2026-10-25T23:59:59.999Z");
  });

  it("uses the date in England, not in UTC", () => {
    expect(londonDate(new Date("2026-07-01T23:30:00Z"))).toBe("2026-07-02");
  });

  it("counts the working days something has waited", () => {
    expect(
      workingDaysBetween(new Date("2026-11-20T10:00:00Z"), new Date("2026-11-24T10:00:00Z"), calendar),
    ).toBe(2);
    expect(
      workingDaysBetween(new Date("2026-11-24T10:00:00Z"), new Date("2026-11-24T17:00:00Z"), calendar),
    ).toBe(0);
  });

  it("always lands on a working day, after the start, and further for more days", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2024-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }),
        fc.integer({ min: 1, max: 10 }),
        (start, days) => {
          const due = addWorkingDays(start, days, calendar);
          expect(calendar.isWorkingDay(londonDate(due))).toBe(true);
          expect(due.getTime()).toBeGreaterThan(start.getTime());
          expect(addWorkingDays(start, days + 1, calendar).getTime()).toBeGreaterThan(due.getTime());
          expect(workingDaysBetween(start, due, calendar)).toBe(days);
        },
      ),
    );
  });
});
