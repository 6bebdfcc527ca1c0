import type { EventEnvelope, EventType } from "../../event/catalogue";

/** Who is told of an event: the boards of one meeting, or every board in an area. */
export type Audience = { kind: "meeting"; meetingId: string } | { kind: "area"; areaId: string };

/**
 * Referral events that change an organisation's free places or a link worker's caseload, and so
 * the capacity strip of every board: an allocation holds a place, an acceptance or claim takes
 * one, and a decline, expiry, closure, reopening or withdrawal gives one back or takes it again.
 */
export const capacityEventTypes = [
  "referral.allocated",
  "referral.accepted",
  "referral.declined",
  "referral.allocation_expired",
  "referral.claimed",
  "referral.closed",
  "referral.reopened",
  "referral.withdrawn",
  "user.capacity_changed",
] as const satisfies readonly EventType[];

/** Everything the notifier listens to: every meeting and action event, and capacity changes. */
export function liveEventTypes(eventTypes: readonly EventType[]): EventType[] {
  const capacity: readonly EventType[] = capacityEventTypes;
  return eventTypes.filter(
    (type) => type.startsWith("meeting.") || type.startsWith("action.") || capacity.includes(type),
  );
}

/**
 * The boards an event concerns. A meeting's own events concern its board (and, when they move
 * items to the next meeting, that one's too); an action's event concerns the meeting that agreed
 * it; a change of capacity concerns every board in the area, since each shows every
 * organisation's and link worker's free places.
 */
export function audiencesOf(event: EventEnvelope, areaId: string): Audience[] {
  const meeting = (meetingId: string): Audience => ({ kind: "meeting", meetingId });
  switch (event.type) {
    case "meeting.item_rolled_over":
      return [meeting(event.subject.id), meeting(event.data.toMeetingId)];
    case "meeting.ended":
      return event.data.nextMeetingId
        ? [meeting(event.subject.id), meeting(event.data.nextMeetingId)]
        : [meeting(event.subject.id)];
    case "action.completed":
      return [meeting(event.data.meetingId)];
  }
  if (event.subject.type === "meeting") return [meeting(event.subject.id)];
  const capacity: readonly EventType[] = capacityEventTypes;
  if (capacity.includes(event.type)) return [{ kind: "area", areaId }];
  return [];
}

/** What a board is sent: enough to know what to refetch, nothing about any person. */
export interface LiveNotice {
  type: "meeting.changed";
  meetingId: string;
  at: string;
  reason: EventType;
}

export function noticeFor(meetingId: string, event: Pick<EventEnvelope, "type" | "occurredAt">): LiveNotice {
  return { type: "meeting.changed", meetingId, at: event.occurredAt, reason: event.type };
}
