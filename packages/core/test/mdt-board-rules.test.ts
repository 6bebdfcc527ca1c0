import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agendaRiskFlags, candidateWhy, isCandidate } from "../src/mdt/domain/agenda-candidates";
import {
  accessUntilAfter,
  columnMove,
  listingGivesAccess,
  openAccessUntil,
  seesIdentity,
  standingIn,
} from "../src/mdt/domain/meeting-rules";
import { initialsOf } from "../src/mdt/domain/person-summary";
import { endPosition, indexesInColumn, inOrder, positionAt } from "../src/mdt/domain/positions";
import { prefillSbar } from "../src/mdt/domain/sbar-prefill";
import { OrganisationKind } from "../src/organisation/schema";
import { riskFlags } from "../src/referral/vocabulary";

/** A column built the way the board builds one: appends, then moves, each to a chosen index. */
const operations = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant("append" as const) }),
    fc.record({ kind: fc.constant("move" as const), from: fc.nat(), to: fc.nat({ max: 50 }) }),
  ),
  { maxLength: 40 },
);

type Step = { kind: "append" } | { kind: "move"; from: number; to: number };

function replay(steps: Step[]) {
  let column: { itemId: string; position: number }[] = [];
  let expected: string[] = [];
  steps.forEach((step, index) => {
    if (step.kind === "append" || column.length === 0) {
      const itemId = `itm_${String(index).padStart(3, "0")}`;
      column.push({ itemId, position: endPosition(column) });
      expected.push(itemId);
      return;
    }
    const moved = expected[step.from % expected.length] as string;
    const others = column.filter((item) => item.itemId !== moved);
    const to = step.to;
    column = [...others, { itemId: moved, position: positionAt(others, to) }];
    expected = expected.filter((itemId) => itemId !== moved);
    expected.splice(Math.min(to, expected.length), 0, moved);
  });
  return { column, expected };
}

describe("the order of a board column", () => {
  it("is exactly the order of the appends and moves made to it, each move writing one item", () => {
    fc.assert(
      fc.property(operations, (steps) => {
        const { column, expected } = replay(steps);
        expect(inOrder(column).map((item) => item.itemId)).toEqual(expected);
        const indexes = indexesInColumn(column);
        expect(expected.map((itemId) => indexes.get(itemId))).toEqual(expected.map((_, index) => index));
      }),
    );
  });

  it("puts a card moved past the end at the end, and one moved into an empty column first", () => {
    const column = [
      { itemId: "itm_a", position: 0 },
      { itemId: "itm_b", position: 1 },
    ];
    expect(positionAt(column, 99)).toBeGreaterThan(1);
    expect(positionAt([], 3)).toBe(0);
  });
});

describe("what a card may do between columns", () => {
  it("enters Decided only with its outcome, and never leaves it after one", () => {
    expect(columnMove({ column: "discussing", decided: false }, "decided")).toEqual({
      allowed: false,
      reason: "Record the decision to move this into Decided",
    });
    expect(columnMove({ column: "decided", decided: true }, "to_discuss")).toMatchObject({ allowed: false });
    expect(columnMove({ column: "decided", decided: true }, "decided")).toEqual({ allowed: true });
    expect(columnMove({ column: "to_discuss", decided: false }, "deferred")).toEqual({ allowed: true });
  });
});

describe("how much of a person a member sees", () => {
  it("is everything for NHS members, and for anyone else only with consent to share", () => {
    for (const kind of OrganisationKind.options) {
      const nhs = ["pcn", "gp_practice", "hub"].includes(kind);
      expect(seesIdentity(kind, { shareWithProviders: false }), kind).toBe(nhs);
      expect(seesIdentity(kind, { shareWithProviders: true }), kind).toBe(true);
    }
    expect(seesIdentity(undefined, { shareWithProviders: false })).toBe(false);
  });

  it("shows initials from any script, one per name", () => {
    expect(initialsOf("Ada", "Okafor")).toBe("A. O.");
    expect(initialsOf("élodie", "de la Cruz")).toBe("É. D.");
    expect(initialsOf("李", "王")).toBe("李. 王.");
  });

  it("lasts while the meeting is to come or under way, then until 30 days after it ends", () => {
    expect(listingGivesAccess(openAccessUntil, new Date("2099-01-01T00:00:00Z"))).toBe(true);
    const until = accessUntilAfter("2026-11-26T15:00:00.000Z");
    expect(until).toBe("2026-12-26T15:00:00.000Z");
    expect(listingGivesAccess(until, new Date("2026-12-26T14:59:59.999Z"))).toBe(true);
    expect(listingGivesAccess(until, new Date("2026-12-26T15:00:00.000Z"))).toBe(false);
  });
});

describe("candidates for the agenda", () => {
  it("are exactly the referrals at the team's practices carrying one of the four agenda flags", () => {
    fc.assert(
      fc.property(
        fc.subarray([...riskFlags]),
        fc.constantFrom("A81001", "A81005", undefined),
        (flags, practiceOds) => {
          const referral = {
            practiceOds,
            riskFlags: flags,
            status: "triaged" as const,
            receivedAt: "2026-11-20T09:00:00Z",
          };
          const expected = practiceOds === "A81001" && flags.some((flag) => agendaRiskFlags.includes(flag));
          expect(isCandidate(referral, ["A81001", "A81002"])).toBe(expected);
          if (expected) {
            const why = candidateWhy(referral, "Riverside Surgery");
            expect(why).toHaveLength(flags.filter((flag) => agendaRiskFlags.includes(flag)).length + 1);
            expect(why.at(-1)).toBe(
              "Referred at Riverside Surgery (A81001) on 20 November 2026, triaged and waiting to be allocated",
            );
          }
        },
      ),
    );
  });
});

describe("the pre-filled SBAR", () => {
  it("keeps only the five latest timeline entries, and says so when there are none", () => {
    const facts = {
      listingReason: "Falls",
      referralReason: "Lonely",
      needs: ["loneliness_isolation" as const],
      riskFlags: [],
      status: "received" as const,
      receivedAt: "2026-11-01T09:00:00Z",
    };
    const timeline = Array.from({ length: 7 }, (_, day) => ({
      type: "referral.triaged",
      at: `2026-11-0${day + 1}T09:00:00Z`,
    }));
    const sbar = prefillSbar({ ...facts, timeline });
    expect(sbar.background).toContain("Recently: 3 November 2026 Triaged;");
    expect(sbar.background).not.toContain("2 November 2026");
    expect(sbar.assessment).toBe("Risks: none recorded.\nNot yet triaged.");
    expect(prefillSbar({ ...facts, timeline: [] }).background).toContain(
      "Nothing recorded since the referral.",
    );
    expect(sbar.situation).toBe("Falls. Referred on 1 November 2026, waiting for triage.");
  });
});

describe("standing in a team", () => {
  const team = { chairUserId: "usr_chair", memberUserIds: ["usr_member"] };

  it("follows the team's lists for anyone whose role sees people", () => {
    expect(standingIn(team, { userId: "usr_chair", roles: ["referrer"] })).toEqual({
      member: true,
      chair: true,
      admin: false,
    });
    expect(standingIn(team, { userId: "usr_member", roles: ["link_worker"] }).member).toBe(true);
    expect(standingIn(team, { userId: "usr_other", roles: ["link_worker"] }).member).toBe(false);
  });

  it("gives none to a member or chair whose role has since become one that never sees people", () => {
    expect(standingIn(team, { userId: "usr_member", roles: ["commissioner"] }).member).toBe(false);
    expect(standingIn(team, { userId: "usr_chair", roles: ["commissioner"] })).toMatchObject({
      member: false,
      chair: false,
    });
  });
});
