import type { UserActor } from "../actor";
import { toAuditItem } from "../audit/record";
import type { Context } from "../context";
import type { EventTypeAbout, TypedEvent } from "../event/catalogue";
import { toOutboxItem } from "../event/outbox";
import { VersionConflict } from "../util/errors";
import { commitAttempt } from "./commit";
import type { MeetingRecord } from "./records";
import { withRetries } from "./retry";

export interface MeetingChange {
  meeting: MeetingRecord;
  /** The version the caller loaded; the write holds only while it is still current. */
  expectedVersion: number;
  set: Partial<Pick<MeetingRecord, "status" | "attendees" | "startedAt" | "endedAt">>;
  event: TypedEvent<EventTypeAbout<"meeting">>;
  audit: { action: string; purpose: string };
}

/**
 * Commits a change to the meeting itself (status, attendance): the update, conditional on the
 * version the caller loaded, its event in the outbox and an audit entry, in one transaction. A
 * lost race is a 409 carrying the version that won.
 */
export async function commitMeetingChange(
  context: Context,
  user: UserActor,
  change: MeetingChange,
): Promise<MeetingRecord> {
  const { meeting, expectedVersion, set, event, audit } = change;
  if (meeting.version !== expectedVersion) throw VersionConflict(meeting.version);
  const now = context.clock.now();
  const updatedAt = now.toISOString();
  const write = () =>
    commitAttempt(
      context,
      "Meeting",
      ({ meeting: meetings, outbox, audit: audits }) => [
        meetings
          .patch({ meetingId: meeting.meetingId })
          .set({ ...set, updatedAt })
          .add({ version: 1 })
          .where((attributes, { eq }) => eq(attributes.version, expectedVersion))
          .commit(),
        outbox.create(toOutboxItem(event)).commit(),
        audits
          .create(
            toAuditItem({
              actor: user,
              action: audit.action,
              subjectType: "meeting",
              subjectId: meeting.meetingId,
              purpose: audit.purpose,
              outcome: "granted",
              at: now,
            }),
          )
          .commit(),
      ],
      {
        position: 0,
        refusal: async () => {
          const latest = await context.db.entities.meeting
            .get({ meetingId: meeting.meetingId })
            .go({ consistent: true });
          return VersionConflict(latest.data?.version ?? meeting.version);
        },
      },
    );
  // The same write again is safe: it holds only while the version is the one the caller loaded.
  await withRetries(write);
  return { ...meeting, ...set, updatedAt, version: expectedVersion + 1 };
}
