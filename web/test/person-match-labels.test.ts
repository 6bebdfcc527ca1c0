import { describe, expect, it } from "vitest";
import { describeTimelineEvent } from "../src/labels/timeline-labels";

const describe_ = (type: string, data: Record<string, unknown> = {}) =>
  describeTimelineEvent({ type, data }, () => undefined);

describe("possible matches on a coordinator's timeline", () => {
  it("says why the referral may be about someone known, and what the coordinator decided", () => {
    expect(
      describe_("referral.possible_match_found", { basis: "nhs_number", differences: ["postcode"] }),
    ).toEqual({
      title: "Possible match with an existing person",
      details: ["The NHS number is known, but other details differ"],
    });
    expect(
      describe_("referral.possible_match_found", { basis: "identity", differences: [] }).details,
    ).toEqual([
      "Same name, date of birth and postcode as someone known, without an NHS number to confirm it",
    ]);
    expect(describe_("referral.possible_match_confirmed", { basis: "identity" }).title).toBe(
      "Confirmed as the person already known",
    );
    expect(describe_("referral.possible_match_split", { basis: "identity" }).title).toBe(
      "Not the person already known: kept as a different person",
    );
  });
});
