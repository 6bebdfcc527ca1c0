import { caseEvents } from "@linkwork/core/casework/events";
import { describe, expect, it } from "vitest";
import { describeTimelineEvent } from "../src/labels/timeline-labels";

const organisationName = (id: string | undefined) => (id === "org_cc" ? "Community Connect" : undefined);
const describe_ = (type: string, data: Record<string, unknown>) =>
  describeTimelineEvent({ type, data }, organisationName);

describe("casework on the referral's timeline", () => {
  it("every casework event the core publishes has its own wording, not the name-derived fallback", () => {
    for (const type of Object.keys(caseEvents)) {
      const { title } = describe_(type, {});
      expect(title, type).not.toMatch(/^Referral /);
      expect(title.length, type).toBeGreaterThan(0);
    }
  });

  it("a contact says how and with what outcome, and never the worker's note", () => {
    const contact = describe_("case.contact_recorded", {
      contactId: "c1",
      at: "2026-11-30T10:15:00.000Z",
      method: "home_visit",
      outcome: "made_contact",
      durationMinutes: 45,
      note: "Talked about her son's drinking.",
    });
    expect(contact.title).toBe("Contact made");
    expect(contact.details).toEqual([
      "How: Home visit",
      "Outcome: Made contact",
      "When: 30 November 2026 at 10:15",
      "Took 45 minutes",
    ]);
    expect(JSON.stringify(contact)).not.toContain("drinking");
    expect(describe_("case.contact_recorded", { method: "phone", outcome: "no_answer" }).title).toBe(
      "Tried to make contact",
    );
  });

  it("an escalation and its resolution name where it went, never the note", () => {
    const raised = describe_("case.escalated", { to: "safeguarding", note: "Bruises on her arms." });
    expect(raised).toEqual({ title: "Safeguarding concern raised", details: [] });
    const resolved = describe_("case.escalation_resolved", { to: "gp", resolutionNote: "GP called her." });
    expect(resolved).toEqual({ title: "Escalation resolved", details: ["Escalated to: Back to the GP"] });
  });

  it("a plan, a measure and connections read as what happened", () => {
    expect(describe_("case.plan_saved", { planVersion: 1, goals: 2, reviewOn: "2027-01-15" })).toEqual({
      title: "Wellbeing plan agreed",
      details: ["2 goals", "Next review: 15 January 2027"],
    });
    expect(describe_("case.plan_saved", { planVersion: 3, goals: 1 }).title).toBe("Wellbeing plan updated");
    expect(describe_("case.measure_recorded", { tool: "ons4", stage: "baseline" })).toEqual({
      title: "ONS personal wellbeing (ONS4) recorded",
      details: ["Stage: Baseline"],
    });
    expect(
      describe_("case.connection_added", { sector: "vcs", need: "loneliness_isolation", status: "referred" }),
    ).toEqual({
      title: "Connection to a service recorded: referred",
      details: ["Sector: Voluntary and community sector", "For: Loneliness and isolation"],
    });
    expect(
      describe_("case.connection_updated", {
        sector: "statutory",
        need: "housing",
        fromStatus: "referred",
        status: "attended",
      }),
    ).toEqual({
      title: "Connection updated: attended",
      details: ["Was: Referred", "Sector: Statutory service", "For: Housing"],
    });
  });
});

describe("assignment and re-allocation on the timeline", () => {
  it("says who it went to and why it moved", () => {
    expect(describe_("referral.assigned", { organisationId: "org_cc", linkWorkerId: "usr_1" }).title).toBe(
      "Assigned to a link worker at Community Connect",
    );
    expect(
      describe_("referral.reassigned", {
        fromLinkWorkerId: "usr_1",
        linkWorkerId: "usr_2",
        reason: "Annual leave",
      }),
    ).toEqual({ title: "Moved to another link worker", details: ["Reason: Annual leave"] });
    expect(
      describe_("referral.returned_to_triage", { organisationId: "org_cc", reason: "Moved away" }),
    ).toEqual({
      title: "Returned to triage to be allocated again",
      details: ["Reason: Moved away"],
    });
  });
});
