import type { Referral } from "@linkwork/core/referral/schema";
import { describe, expect, it } from "vitest";
import { ApiError } from "../src/api/api-error";
import { ReferralConflict } from "../src/api/referral-conflict";
import { describeConflict } from "../src/components/feedback/describe-conflict";
import { isCurrentLink, navigationFor } from "../src/components/navigation";
import { filtersFromParams, filtersHref } from "../src/components/referral-filters";
import {
  emptySelfReferral,
  validateSelfReferral,
} from "../src/components/self-referral/self-referral-values";

function aReferral(changes: Partial<Referral> = {}): Referral {
  return {
    id: "ref_1",
    reference: "LW-AAAA-BBBB",
    version: 4,
    status: "allocated",
    source: "gp",
    receivedAt: "2026-01-05T09:00:00.000Z",
    updatedAt: "2026-01-05T10:00:00.000Z",
    personId: "per_1",
    person: { givenName: "Edith", familyName: "Thornton", dateOfBirth: "1941-06-02", postcode: "NS1 4AB" },
    practiceOds: "A81001",
    reason: "Lonely",
    needs: ["loneliness_isolation"],
    riskFlags: [],
    consent: { shareWithProviders: true },
    organisationId: "org_cc",
    breaches: [],
    hasOtherOpenReferrals: false,
    ...changes,
  } as Referral;
}

const names = (id: string | undefined) => (id === "org_cc" ? "Community Connect" : undefined);
const conflict = (code: string, latest: Referral | undefined) =>
  new ReferralConflict(
    new ApiError(409, code as "version_conflict", "refused", { currentVersion: 4 }),
    "ref_1",
    latest,
  );

describe("explaining a change that lost a race", () => {
  it("says what the referral is now, read after the refusal", () => {
    expect(describeConflict(conflict("version_conflict", aReferral()), names).body).toBe(
      "Someone else changed this referral while you were looking: it is now Allocated to Community Connect.",
    );
    expect(
      describeConflict(
        conflict("invalid_transition", aReferral({ status: "closed", closureReason: "signposted" })),
        names,
      ).body,
    ).toContain("it is now Closed: Signposted at triage.");
  });

  it("says when the referral has moved out of sight altogether", () => {
    expect(describeConflict(conflict("version_conflict", undefined), names).body).toContain(
      "it has moved on and you can no longer see it",
    );
  });

  it("tells someone who picked it up in another tab that it is theirs already", () => {
    const mine = conflict("already_claimed", aReferral({ status: "assigned", assignedTo: "usr_me" }));
    expect(describeConflict(mine, names, "usr_me").heading).toBe("You have already picked this up");
    expect(describeConflict(mine, names, "usr_someone_else").heading).toBe(
      "Another link worker picked this up",
    );
  });

  it("says another link worker picked it up, or that the caseload is full", () => {
    expect(describeConflict(conflict("already_claimed", undefined), names).heading).toBe(
      "Another link worker picked this up",
    );
    expect(
      describeConflict(conflict("capacity_reached", aReferral({ status: "accepted" })), names).heading,
    ).toBe("Your caseload is full");
  });
});

describe("header links by role", () => {
  const linksFor = (...held: string[]) =>
    navigationFor((...roles) => roles.some((role) => held.includes(role))).map((link) => link.text);

  it("gives each role its own work", () => {
    expect(linksFor("triage_coordinator")).toEqual(["Triage queue", "All referrals", "My actions"]);
    expect(linksFor("org_manager")).toEqual(["Incoming", "Link workers", "Our referrals", "My actions"]);
    expect(linksFor("link_worker")).toEqual(["Ready to pick up", "My caseload", "My actions"]);
    expect(linksFor("referrer", "mdt_member")).toEqual(["Refer someone", "My referrals", "My actions"]);
    expect(linksFor("commissioner")).toEqual([]);
    expect(linksFor("admin")).toEqual(["MDT meetings"]);
  });

  it("offers MDT meetings to members of a team whatever their role, and to no one else", () => {
    const links = (memberOfAnMdt: boolean, ...held: string[]) =>
      navigationFor((...roles) => roles.some((role) => held.includes(role)), memberOfAnMdt).map(
        (link) => link.text,
      );
    expect(links(true, "link_worker")).toContain("MDT meetings");
    expect(links(false, "mdt_member")).not.toContain("MDT meetings");
    expect(links(true, "commissioner")).toEqual(["MDT meetings"]);
  });

  it("keeps the triage queue marked while its other filters change", () => {
    expect(
      isCurrentLink("/referrals?status=received", "/referrals", "?status=received&priority=urgent"),
    ).toBe(true);
    expect(isCurrentLink("/referrals", "/referrals", "?status=received")).toBe(false);
    expect(isCurrentLink("/referrals", "/referrals", "?need=housing")).toBe(true);
  });
});

describe("queue filters in the address", () => {
  it("reads only real values, and writes back only those set", () => {
    const filters = filtersFromParams({
      status: "received",
      priority: "urgent",
      need: "nonsense",
      overdue: "true",
    });
    expect(filters).toEqual({
      status: "received",
      priority: "urgent",
      riskFlag: undefined,
      need: undefined,
      overdue: true,
    });
    expect(filtersHref(filters)).toBe("/referrals?status=received&priority=urgent&overdue=true");
    expect(filtersHref({})).toBe("/referrals");
  });
});

describe("the self-referral form", () => {
  it("speaks to the person filling it in", () => {
    const result = validateSelfReferral(emptySelfReferral());
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.errors.map((error) => error.message);
    expect(messages).toEqual([
      "Enter your first name",
      "Enter your last name",
      "Enter your date of birth",
      "Enter your postcode",
      "Choose at least one thing you would like help with",
      "Tell us what you would like help with",
      "Give a phone number or an email address so we can contact you",
      "Tell us if we can share your details with the people who will help you",
    ]);
  });

  it("sends a complete request without the optional answers left blank", () => {
    const result = validateSelfReferral({
      ...emptySelfReferral(),
      givenName: "Sam",
      familyName: "Jones",
      dateOfBirth: { day: "1", month: "2", year: "1980" },
      postcode: "ns1 4ab",
      needs: ["loneliness_isolation"],
      reason: "I feel alone",
      email: "sam@example.com",
      consent: "yes",
    });
    expect(result).toEqual({
      ok: true,
      body: {
        person: {
          givenName: "Sam",
          familyName: "Jones",
          dateOfBirth: "1980-02-01",
          postcode: "NS1 4AB",
          email: "sam@example.com",
        },
        reason: "I feel alone",
        needs: ["loneliness_isolation"],
        consent: { shareWithProviders: true },
      },
    });
  });
});
