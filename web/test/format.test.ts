import { describe, expect, it } from "vitest";
import { safeReturnPath } from "../src/components/safe-return-path";
import { ageInYears, describeWait, formatCalendarDate, formatDateTime } from "../src/format/dates";
import { formatNhsNumber } from "../src/format/nhs-number";
import { describeTimelineEvent, timelineLabel } from "../src/labels/timeline-labels";

describe("formatting for people to read", () => {
  it("writes NHS numbers in three groups, and leaves anything else alone", () => {
    expect(formatNhsNumber("9434765919")).toBe("943 476 5919");
    expect(formatNhsNumber("12345")).toBe("12345");
  });

  it("writes dates the NHS.UK way, in UK time", () => {
    expect(formatCalendarDate("1950-07-31")).toBe("31 July 1950");
    expect(formatDateTime("2025-06-03T09:04:00Z")).toBe("3 June 2025 at 10:04");
  });

  it("counts age in whole years, from the birthday", () => {
    expect(ageInYears("1950-07-31", new Date("2025-07-30T12:00:00Z"))).toBe(74);
    expect(ageInYears("1950-07-31", new Date("2025-07-31T12:00:00Z"))).toBe(75);
  });

  it("says how long a referral has waited", () => {
    const now = new Date("2025-06-05T12:00:00Z");
    expect(describeWait("2025-06-05T08:00:00Z", now)).toBe("Waiting less than a day");
    expect(describeWait("2025-06-04T08:00:00Z", now)).toBe("Waiting 1 day");
    expect(describeWait("2025-06-01T08:00:00Z", now)).toBe("Waiting 4 days");
  });

  it("labels timeline events, including ones it has not met", () => {
    expect(timelineLabel("referral.received")).toBe("Referral received");
    expect(timelineLabel("referral.sla_breached")).toBe("Referral sla breached");
  });

  it("says what each workflow event did, with the facts it carries", () => {
    const names = (id: string | undefined) => (id === "org_cc" ? "Community Connect" : undefined);
    const describe = (type: string, data: Record<string, unknown> = {}) =>
      describeTimelineEvent({ type, data }, names);
    expect(
      describe("referral.triaged", { priority: "urgent", supportLevel: "intensive", note: "Call first" }),
    ).toEqual({
      title: "Triaged",
      details: ["Priority: Urgent", "Support level: Intensive support", "Note: Call first"],
    });
    expect(
      describe("referral.allocated", { organisationId: "org_cc", eligible: false, note: "Knows her" }),
    ).toEqual({
      title: "Allocated to Community Connect",
      details: ["Allocated although the rules said not eligible", "Note: Knows her"],
    });
    expect(describe("referral.declined", { organisationId: "org_cc", reason: "No capacity" })).toEqual({
      title: "Declined by Community Connect",
      details: ["Reason: No capacity"],
    });
    expect(describe("referral.allocation_expired", { organisationId: "org_gone" }).details).toEqual([
      "The organisation did not accept or decline it in time",
    ]);
    expect(describe("referral.closed", { reason: "goals_met" }).title).toBe("Closed: Goals met");
    expect(describe("referral.signposted", { reason: "signposted" }).title).toBe(
      "Closed as signposted at triage",
    );
    expect(describe("referral.first_contact_overdue", { dueAt: "2025-06-03T09:04:00Z" })).toEqual({
      title: "First contact overdue",
      details: ["It was due 3 June 2025 at 10:04"],
    });
    expect(describe("referral.received", { source: "self", otherOpenReferrals: 1 }).details).toEqual([
      "From: Self-referral",
      "The person already had another open referral",
    ]);
  });
});

describe("returning after sign-in", () => {
  it("only returns to paths inside the app", () => {
    expect(safeReturnPath("/referrals/new")).toBe("/referrals/new");
    expect(safeReturnPath("//evil.example/")).toBe("/");
    expect(safeReturnPath("https://evil.example/")).toBe("/");
    expect(safeReturnPath(undefined)).toBe("/");
  });
});
