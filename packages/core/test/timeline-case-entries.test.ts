import { describe, expect, it } from "vitest";
import { caseEventDataFor } from "../src/timeline/domain/case-entries";

describe("what a casework event says on the timeline to each standing", () => {
  const measure = { measureId: "msr_1", tool: "swemwbs", stage: "final", score: { raw: 21, metric: 19.25 } };

  it("gives the case's worker and manager the event as it is", () => {
    expect(caseEventDataFor("case", "case.measure_recorded", measure)).toEqual(measure);
  });

  it("keeps scores off the timeline of everyone who follows only the referral", () => {
    const expected = { measureId: "msr_1", tool: "swemwbs", stage: "final" };
    expect(caseEventDataFor("referral", "case.measure_recorded", measure)).toEqual(expected);
    expect(caseEventDataFor("escalation_queue", "case.measure_recorded", measure)).toEqual(expected);
  });

  it("shows a casework event nobody has listed fields for as nothing but its type", () => {
    expect(caseEventDataFor("referral", "case.note_added", { note: "Private" })).toEqual({});
  });

  it("leaves events that are not casework alone", () => {
    const data = { reason: "person_declined", note: "Moved away" };
    expect(caseEventDataFor("referral", "referral.closed", data)).toEqual(data);
  });
});
