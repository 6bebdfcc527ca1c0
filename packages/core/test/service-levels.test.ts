import { describe, expect, it } from "vitest";
import { englandAndWalesCalendar } from "../src/calendar/domain/working-days";
import {
  defaultServiceLevels,
  dueDates,
  isOverdue,
  nextSweepAt,
  type ServiceLevelFacts,
  sweepAction,
} from "../src/referral/domain/service-levels";

const calendar = englandAndWalesCalendar();
const received: ServiceLevelFacts = { status: "received", receivedAt: "2026-11-23T09:00:00.000Z" };

describe("service levels", () => {
  it("gives triage two working days from receipt", () => {
    expect(dueDates(received, defaultServiceLevels, calendar).triageDueAt).toBe("2026-11-25T23:59:59.999Z");
  });

  it("gives acceptance five working days from allocation, and first contact five (one if urgent) from acceptance", () => {
    const accepted = {
      ...received,
      status: "accepted" as const,
      allocatedAt: "2026-11-24T10:00:00.000Z",
      acceptedAt: "2026-11-25T10:00:00.000Z",
    };
    expect(dueDates(accepted, defaultServiceLevels, calendar)).toEqual({
      triageDueAt: "2026-11-25T23:59:59.999Z",
      acceptanceDueAt: "2026-12-01T23:59:59.999Z",
      firstContactDueAt: "2026-12-02T23:59:59.999Z",
    });
    const urgent = { ...accepted, priority: "urgent" as const };
    expect(dueDates(urgent, defaultServiceLevels, calendar).firstContactDueAt).toBe(
      "2026-11-26T23:59:59.999Z",
    );
  });

  it("returns an allocation not accepted in time to triage", () => {
    const allocated = { ...received, status: "allocated" as const, allocatedAt: "2026-11-24T10:00:00.000Z" };
    const dates = dueDates(allocated, defaultServiceLevels, calendar);
    expect(sweepAction(allocated, dates, new Date("2026-12-01T12:00:00Z"))).toEqual({ type: "none" });
    expect(sweepAction(allocated, dates, new Date("2026-12-02T00:00:00Z"))).toEqual({
      type: "expire_allocation",
    });
  });

  it("raises a triage breach once, and keeps showing the referral as overdue", () => {
    const dates = dueDates(received, defaultServiceLevels, calendar);
    const late = new Date("2026-11-26T08:00:00Z");
    expect(sweepAction(received, dates, late)).toEqual({
      type: "breach",
      kind: "triage",
      dueAt: dates.triageDueAt,
    });
    const breached = { ...received, breaches: ["triage" as const] };
    expect(sweepAction(breached, dates, late)).toEqual({ type: "none" });
    expect(nextSweepAt(breached, dates)).toBeUndefined();
    expect(isOverdue(breached, dates, late)).toBe(true);
  });

  it("stops the timers once the referral has moved on", () => {
    const active = { ...received, status: "active" as const, acceptedAt: "2026-11-24T10:00:00.000Z" };
    const dates = dueDates(active, defaultServiceLevels, calendar);
    expect(nextSweepAt(active, dates)).toBeUndefined();
    expect(isOverdue(active, dates, new Date("2027-01-01T00:00:00Z"))).toBe(false);
  });
});
