import type { Actor, UserActor } from "../actor";
import type { Context } from "../context";
import { coordinatorOnlyEvents } from "../person/events";
import { answersEscalationQueue, casePolicy } from "../policy/domain/case-policy";
import { seesOtherRecords } from "../referral/domain/access";
import { readReferral } from "../referral/read";
import { type CaseStanding, caseEventDataFor } from "./domain/case-entries";

export interface TimelineItem {
  id: string;
  type: string;
  at: string;
  actorId?: string;
  actorName?: string;
  data: Record<string, unknown>;
}

/** What an event says about the person's other records, which only coordinators may know. */
const otherRecordFacts = ["knownPerson", "otherOpenReferrals"];

/**
 * The timeline as this viewer may see it: for anyone but a coordinator, nothing tells whether the
 * person was already known (no match events, no count of other referrals); casework events carry
 * only what the viewer's standing to the case gives (`caseEventDataFor`). The standing defaults to
 * the least, for timelines shown beyond the case (an MDT's SBAR).
 */
export function timelineFor(
  viewer: Actor,
  items: TimelineItem[],
  standing: CaseStanding = "referral",
): TimelineItem[] {
  const ofCase = items.map((item) => ({ ...item, data: caseEventDataFor(standing, item.type, item.data) }));
  if (seesOtherRecords(viewer)) return ofCase;
  return ofCase
    .filter((item) => !coordinatorOnlyEvents.has(item.type))
    .map((item) => ({
      ...item,
      data: Object.fromEntries(Object.entries(item.data).filter(([key]) => !otherRecordFacts.includes(key))),
    }));
}

/** The case's worker and manager see the casework; coordinators where escalations went. */
function caseStandingOf(user: UserActor, referral: Parameters<typeof casePolicy>[1]): CaseStanding {
  if (casePolicy(user, referral).visible) return "case";
  return answersEscalationQueue(user) ? "escalation_queue" : "referral";
}

/** A referral's timeline, oldest first, for a user who may see the referral (checked and audited). */
export async function readTimeline(
  context: Context,
  user: UserActor,
  referralId: string,
): Promise<TimelineItem[]> {
  const referral = await readReferral(context, user, referralId, "referral.timeline.read");
  const entries = await context.db.entities.timeline.query.byReferral({ referralId }).go({ pages: "all" });
  return timelineFor(
    user,
    entries.data.map((entry) => ({
      id: entry.eventId,
      type: entry.type,
      at: entry.at,
      ...(entry.actorId ? { actorId: entry.actorId } : {}),
      ...(entry.actorName ? { actorName: entry.actorName } : {}),
      data: entry.data,
    })),
    caseStandingOf(user, referral),
  );
}
