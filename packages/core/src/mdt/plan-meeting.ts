import type { UserActor } from "../actor";
import { toAuditItem } from "../audit/record";
import type { Context } from "../context";
import { createEvent, toOutboxItem } from "../event/outbox";
import { mdtRefusal } from "../policy/domain/meeting-policy";
import { ValidationFailed } from "../util/errors";
import { createId } from "../util/id";
import { commitAttempt } from "./commit";
import { loadMdtForViewer } from "./meeting-access";
import { toMeetingSummary } from "./meeting-view";
import { openActionsForMeeting } from "./open-actions";
import { parseInput } from "./parse-input";
import { type Meeting, MeetingCreate } from "./schema";

/**
 * Plans a meeting of the team, ahead of time (its chair, or an admin): the meeting, its
 * `meeting.planned` event and an audit entry in one transaction. Other members are refused (403);
 * anyone outside the team is told it does not exist.
 */
export async function planMeeting(
  context: Context,
  user: UserActor,
  mdtId: string,
  input: unknown,
): Promise<Meeting> {
  const { mdt, relationships } = await loadMdtForViewer(context, user, mdtId);
  const refusal = mdtRefusal(user, { mdtId }, relationships, "plan_meeting");
  if (refusal) throw refusal;
  const request = parseInput(MeetingCreate, input);
  const now = context.clock.now();
  const startsAt = new Date(request.startsAt);
  if (startsAt.getTime() <= now.getTime()) {
    throw ValidationFailed([{ path: "startsAt", message: "A meeting is planned for a time still to come" }]);
  }
  const at = now.toISOString();
  const meetingId = createId("meeting", now);
  const meetingItem = {
    meetingId,
    mdtId,
    areaId: mdt.areaId,
    version: 1,
    startsAt: startsAt.toISOString(),
    durationMinutes: request.durationMinutes,
    status: "planned" as const,
    attendees: [],
    createdAt: at,
    updatedAt: at,
  };
  const event = createEvent("meeting.planned", {
    actor: user,
    at: now,
    subject: { type: "meeting", id: meetingId },
    data: { mdtId, startsAt: meetingItem.startsAt, durationMinutes: meetingItem.durationMinutes },
  });
  await commitAttempt(context, "Meeting", ({ meeting, outbox, audit }) => [
    meeting.create(meetingItem).commit(),
    outbox.create(toOutboxItem(event)).commit(),
    audit
      .create(
        toAuditItem({
          actor: user,
          action: "meeting.plan",
          subjectType: "meeting",
          subjectId: meetingId,
          purpose: `Planned a meeting of ${mdt.name}`,
          outcome: "granted",
          at: now,
        }),
      )
      .commit(),
  ]);
  return {
    ...toMeetingSummary(meetingItem, mdt, user, relationships),
    items: [],
    openActions: await openActionsForMeeting(context, user, meetingItem, relationships),
  };
}
