import type { UserActor } from "../actor";
import { areaOf } from "../area/area";
import { recordAudit } from "../audit/record";
import type { Context } from "../context";
import type { MeetingAction } from "../policy/domain/actions";
import { mdtPolicy, meetingPolicy, meetingRefusal } from "../policy/domain/meeting-policy";
import type { Relationships } from "../policy/domain/relationships";
import { type AppError, NotFound } from "../util/errors";
import { type MdtStanding, relationshipsFrom, standingIn } from "./domain/meeting-rules";
import type { AgendaItemRecord, MdtRecord, MeetingRecord } from "./records";

export interface MeetingAccess {
  meeting: MeetingRecord;
  mdt: MdtRecord;
  /** Every item on the meeting's agenda, in no particular order. */
  items: AgendaItemRecord[];
  isChair: boolean;
  standing: MdtStanding;
  /** The member's relationship to the team, as the authorisation policy takes it. */
  relationships: Relationships;
}

/**
 * The team, for one of its members or an admin of its area (the policy's `mdtPolicy`). To anyone
 * else it does not exist: the same 404 as an id that names nothing.
 */
export async function loadMdtForViewer(
  context: Context,
  user: UserActor,
  mdtId: string,
): Promise<{ mdt: MdtRecord; standing: MdtStanding; relationships: Relationships }> {
  const { data: mdt } = await context.db.entities.mdt.get({ mdtId }).go({ consistent: true });
  if (!mdt || mdt.areaId !== areaOf(context)) throw NotFound("The MDT");
  const standing = standingIn(mdt, user);
  const relationships = relationshipsFrom(mdtId, standing);
  if (!mdtPolicy(user, { mdtId }, relationships).visible) throw NotFound("The MDT");
  return { mdt, standing, relationships };
}

/**
 * A meeting with its agenda, read in one query of its partition, for a member of its team (the
 * chair included). Everyone else, admins too (the agenda names people), gets 404.
 */
export async function loadMeetingAsMember(
  context: Context,
  user: UserActor,
  meetingId: string,
  action = "meeting.read",
): Promise<MeetingAccess> {
  const found = await context.db.service.collections
    .meeting({ meetingId })
    .go({ pages: "all", consistent: true });
  const meeting = found.data.meeting[0];
  const { data: mdt } =
    meeting && meeting.areaId === areaOf(context)
      ? await context.db.entities.mdt.get({ mdtId: meeting.mdtId }).go({ consistent: true })
      : { data: null };
  if (!meeting || !mdt) return refuse(context, user, meetingId, action, "No such meeting");
  const standing = standingIn(mdt, user);
  const relationships = relationshipsFrom(mdt.mdtId, standing);
  if (!meetingPolicy(user, { mdtId: mdt.mdtId, status: meeting.status }, relationships).visible) {
    return refuse(context, user, meetingId, action, "Not a member of the MDT");
  }
  return { meeting, mdt, items: found.data.agendaItem, isChair: standing.chair, standing, relationships };
}

/** Why the member may not do this to the meeting as it was read, if they may not. */
export function refusalOnMeeting(
  user: UserActor,
  access: MeetingAccess,
  action: MeetingAction,
): AppError | undefined {
  const { meeting } = access;
  return meetingRefusal(
    user,
    { mdtId: meeting.mdtId, status: meeting.status, version: meeting.version },
    access.relationships,
    action,
  );
}

/**
 * A meeting names people, so a refused attempt is in the audit trail like one on a referral: a
 * meeting outside the user's teams and an id naming nothing are both recorded and both not found.
 */
async function refuse(
  context: Context,
  user: UserActor,
  meetingId: string,
  action: string,
  why: string,
): Promise<never> {
  await recordAudit(context, [
    {
      actor: user,
      action,
      subjectType: "meeting",
      subjectId: meetingId,
      purpose: `Refused: ${why}`,
      outcome: "denied",
      at: context.clock.now(),
    },
  ]);
  // The entry says why; the caller hears only "not found".
  const refused = NotFound("The meeting");
  refused.audited = true;
  throw refused;
}
