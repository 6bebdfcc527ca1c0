import type { UserActor } from "../actor";
import { areaOf } from "../area/area";
import { toAuditItem } from "../audit/record";
import type { Context } from "../context";
import { createEvent, toOutboxItem } from "../event/outbox";
import { referralPolicy } from "../policy/domain/referral-policy";
import type { ReferralItem } from "../referral/mapper";
import { openStatuses } from "../referral/schema";
import { timelineFor } from "../timeline/read";
import { AlreadyListed, InvalidTransition, NotFound } from "../util/errors";
import { createId } from "../util/id";
import { commitAttempt } from "./commit";
import { openAccessUntil } from "./domain/meeting-rules";
import { endPosition } from "./domain/positions";
import { prefillSbar } from "./domain/sbar-prefill";
import { viewAgendaItems } from "./item-view";
import { loadMeetingAsMember, type MeetingAccess, refusalOnMeeting } from "./meeting-access";
import { parseInput } from "./parse-input";
import { agendaRelationship } from "./relationships";
import { tryAgain, withRetries } from "./retry";
import { type AgendaItem, AgendaItemCreate, type Sbar } from "./schema";
import { agendaViewer } from "./viewer";

/** A listing's time on the board when the member does not say. */
export const defaultSlotMinutes = 5;

/**
 * Lists a person on the meeting's agenda, through their open referral, with why (any member, until
 * the meeting ends). The SBAR is the member's, or pre-filled from the record. The item, the
 * meeting's note that the referral is listed (conditional on it not being listed yet and the
 * meeting not having ended, so concurrent listings of one person cannot both succeed), the
 * `meeting.item_listed` event and an audit entry are committed together.
 *
 * A referral at one of the team's practices may be listed by any member. One from elsewhere only
 * by a member who already has a relationship with it (their own referral, their caseload, an
 * earlier listing of theirs): listing shares the person with the whole team, so a member may not
 * bring in someone they could not see themselves. Anything else is not found.
 */
export async function addAgendaItem(
  context: Context,
  user: UserActor,
  meetingId: string,
  input: unknown,
): Promise<AgendaItem> {
  const request = parseInput(AgendaItemCreate, input);
  return withRetries(() => attemptAdd(context, user, meetingId, request));
}

async function attemptAdd(
  context: Context,
  user: UserActor,
  meetingId: string,
  request: AgendaItemCreate,
): Promise<AgendaItem | typeof tryAgain> {
  const access = await loadMeetingAsMember(context, user, meetingId, "meeting.item.add");
  const { meeting, mdt } = access;
  const refusal = refusalOnMeeting(user, access, "add_item");
  if (refusal) throw refusal;
  const referral = await listableReferral(context, user, access, request.referralId);
  if (access.items.some((item) => item.referralId === referral.referralId)) throw AlreadyListed();

  const now = context.clock.now();
  const at = now.toISOString();
  const itemId = createId("agendaItem", now);
  const sbar = request.sbar ?? (await prefilled(context, user, referral, request.reason));
  const toDiscuss = access.items.filter((item) => item.column === "to_discuss");
  const stored = {
    meetingId,
    itemId,
    mdtId: mdt.mdtId,
    referralId: referral.referralId,
    version: 1,
    reason: request.reason,
    sbar,
    riskFlags: referral.riskFlags,
    column: "to_discuss" as const,
    position: endPosition(toDiscuss),
    slotMinutes: request.slotMinutes ?? defaultSlotMinutes,
    actionIds: [],
    addedBy: user.userId,
    addedAt: at,
    accessUntil: openAccessUntil,
    updatedAt: at,
  };
  const event = createEvent("meeting.item_listed", {
    actor: user,
    at: now,
    subject: { type: "meeting", id: meetingId },
    data: { mdtId: mdt.mdtId, itemId, referralId: referral.referralId },
  });
  const committed = await commitAttempt(
    context,
    "Listing",
    ({ agendaItem, meeting: meetings, outbox, audit }) => [
      agendaItem.create(stored).commit(),
      meetings
        .patch({ meetingId })
        .add({ listedReferralIds: [referral.referralId] })
        .set({ updatedAt: at })
        .where(
          (attributes, { notContains, ne }) =>
            `${notContains(attributes.listedReferralIds, referral.referralId)} AND ${ne(attributes.status, "ended")}`,
        )
        .commit(),
      outbox.create(toOutboxItem(event)).commit(),
      audit
        .create(
          toAuditItem({
            actor: user,
            action: "meeting.item.add",
            subjectType: "referral",
            subjectId: referral.referralId,
            purpose: `Listed on the agenda: ${mdt.name} meeting of ${meeting.startsAt.slice(0, 10)} (${meetingId})`,
            outcome: "granted",
            at: now,
          }),
        )
        .commit(),
    ],
    {
      position: 1,
      refusal: async () => {
        const latest = await context.db.entities.meeting.get({ meetingId }).go({ consistent: true });
        if (latest.data?.status === "ended")
          return InvalidTransition("The meeting has ended", latest.data.version);
        return AlreadyListed();
      },
    },
  );
  if (committed === tryAgain) return tryAgain;
  const [view] = await viewAgendaItems(
    context,
    await agendaViewer(context, user),
    { ...access, items: [...access.items, stored] },
    [stored],
  );
  if (!view) throw new Error(`No view of agenda item ${itemId}`);
  return view;
}

async function listableReferral(
  context: Context,
  user: UserActor,
  access: MeetingAccess,
  referralId: string,
): Promise<ReferralItem> {
  const { data: referral } = await context.db.entities.referral.get({ referralId }).go({ consistent: true });
  if (!referral || referral.areaId !== areaOf(context)) throw NotFound("The referral");
  const atTeamsPractice =
    referral.practiceOds !== undefined && access.mdt.practices.includes(referral.practiceOds);
  if (
    !atTeamsPractice &&
    !referralPolicy(user, referral, { memberOf: [] }).visible &&
    (await agendaRelationship(context, user, referralId)) === undefined
  ) {
    throw NotFound("The referral");
  }
  if (!openStatuses.includes(referral.status)) {
    throw InvalidTransition("Only a person whose referral is still open can be listed");
  }
  return referral;
}

/** The SBAR drawn from the record: the referral, where it is with whom, and its latest timeline. */
async function prefilled(
  context: Context,
  user: UserActor,
  referral: ReferralItem,
  reason: string,
): Promise<Sbar> {
  const [timeline, organisation] = await Promise.all([
    context.db.entities.timeline.query.byReferral({ referralId: referral.referralId }).go({ pages: "all" }),
    referral.organisationId
      ? context.db.entities.organisation.get({ organisationId: referral.organisationId }).go()
      : Promise.resolve(undefined),
  ]);
  const entries = timelineFor(
    user,
    timeline.data.map((entry) => ({
      id: entry.eventId,
      type: entry.type,
      at: entry.at,
      ...(entry.actorName ? { actorName: entry.actorName } : {}),
      data: entry.data,
    })),
  );
  return prefillSbar({
    listingReason: reason,
    referralReason: referral.reason,
    needs: referral.needs,
    riskFlags: referral.riskFlags,
    status: referral.status,
    receivedAt: referral.receivedAt,
    priority: referral.priority,
    supportLevel: referral.supportLevel,
    organisationName: organisation?.data?.name,
    timeline: entries,
  });
}
