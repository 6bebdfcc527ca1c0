import type { UserActor } from "../actor";
import type { Context } from "../context";
import { conditionFailedAt, type TransactionResult } from "../db/transaction";
import { VersionConflict } from "../util/errors";
import { loadActions } from "./actions-view";
import { planMeetingEnd, transactionGroups } from "./domain/rollover";
import { nextPlannedMeeting } from "./end-meeting-next";
import { closeGroup, type Ending, finishEnding, planFollowingMeeting } from "./end-meeting-writes";
import { loadMeetingAsMember, type MeetingAccess, refusalOnMeeting } from "./meeting-access";
import { parseInput } from "./parse-input";
import { type Meeting, MeetingVersion } from "./schema";
import { showMeeting } from "./show-meeting";

/** Each group's check that the meeting is unchanged, and its note on the next meeting of who is listed. */
const reservedWrites = 2;
/** Attempts before someone else's changes to the board are reported as a conflict. */
const maxAttempts = 5;

/**
 * The chair ends the meeting. Every item not decided moves to the team's next planned meeting
 * (one is planned a cadence later if there is none) with why; every listing then lets the team
 * see the person for 30 more days; each person's referral hears what was decided, for its
 * timeline and its referrer.
 *
 * A meeting of any size ends, though a transaction holds at most 100 writes: the next meeting
 * first, then the items in groups that each fit one transaction, then the end itself, last and
 * conditional on the version and on no one having listed anyone meanwhile. Until that last
 * write the meeting is still in progress at the chair's version, so a retry after a failure part
 * way (the same request again) picks up where it stopped: closed items are left alone, and what
 * it creates has ids derived from what it came from. Nothing is ever half-written: an item is
 * closed, moved and summarised in one transaction, or not at all.
 */
export async function endMeeting(
  context: Context,
  user: UserActor,
  meetingId: string,
  input: unknown,
): Promise<Meeting> {
  const { version } = parseInput(MeetingVersion, input);
  for (let attempt = 1; ; attempt++) {
    const access = await loadMeetingAsMember(context, user, meetingId);
    const { meeting } = access;
    const refusal = refusalOnMeeting(user, access, "end");
    if (refusal) throw refusal;
    if (meeting.version !== version) throw VersionConflict(meeting.version);

    const finished = await attemptEnd(context, user, access, version);
    if (finished) {
      const ended = await loadMeetingAsMember(context, user, meetingId);
      return showMeeting(context, user, ended, "meeting.end");
    }
    // Someone changed an item, or listed someone, while it ended: read the board again and go on.
    if (attempt >= maxAttempts) throw VersionConflict(meeting.version);
  }
}

/** One pass over the board as read: true once the meeting has ended. */
async function attemptEnd(
  context: Context,
  user: UserActor,
  access: MeetingAccess,
  version: number,
): Promise<boolean> {
  const { meeting, mdt, items } = access;
  const plan = planMeetingEnd({
    meeting,
    cadenceDays: mdt.cadenceDays,
    items,
    nextMeeting: await nextPlannedMeeting(context, meeting),
    now: context.clock.now(),
  });
  const ending: Ending = { user, meeting, mdt, version, plan, now: context.clock.now() };
  const planned = await planFollowingMeeting(context, ending);
  if (planned.canceled) return retryable(planned);

  const actions = await loadActions(
    context,
    plan.closings.flatMap((closing) => closing.item.actionIds),
  );
  const actionsById = new Map(actions.map((action) => [action.actionId, action]));
  for (const group of transactionGroups(plan.closings, reservedWrites)) {
    const result = await closeGroup(context, ending, group, actionsById);
    if (result.canceled) {
      await reportIfMeetingChanged(context, access, result);
      return retryable(result);
    }
  }
  const result = await finishEnding(context, ending);
  if (!result.canceled) return true;
  await reportIfMeetingChanged(context, access, result);
  return retryable(result);
}

/**
 * A write refused because something it read has changed, or because another write to the same
 * items was in flight, is worth another pass; any other refusal is a fault, not a race.
 */
function retryable(result: TransactionResult): false {
  const raced = result.data.every(
    (item) => !item.code || ["None", "ConditionalCheckFailed", "TransactionConflict"].includes(item.code),
  );
  if (!raced)
    throw new Error(
      `Ending the meeting was cancelled: ${JSON.stringify(result.data.map((item) => item.code))}`,
    );
  return false;
}

/**
 * A write refused because the meeting itself moved on (another change by the chair, or someone
 * ended it first) is the caller's conflict; anything else (an item changed, a person listed) is
 * worked through by reading the board again.
 */
async function reportIfMeetingChanged(
  context: Context,
  access: MeetingAccess,
  result: TransactionResult,
): Promise<void> {
  if (!conditionFailedAt(result, 0)) return;
  const { data: latest } = await context.db.entities.meeting
    .get({ meetingId: access.meeting.meetingId })
    .go({ consistent: true });
  if (!latest) return;
  if (latest.version !== access.meeting.version || latest.status !== access.meeting.status) {
    throw VersionConflict(latest.version);
  }
}
