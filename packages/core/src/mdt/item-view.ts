import type { Context } from "../context";
import { agendaItemPolicy } from "../policy/domain/meeting-policy";
import type { ReferralItem } from "../referral/mapper";
import { loadActions, toAction } from "./actions-view";
import {
  listingGivesAccess,
  type MdtStanding,
  relationshipsFrom,
  seesIdentity,
} from "./domain/meeting-rules";
import { ageToday, initialsOf } from "./domain/person-summary";
import { indexesInColumn } from "./domain/positions";
import type { MeetingAccess } from "./meeting-access";
import type { ActionRecord, AgendaItemRecord, MeetingRecord } from "./records";
import type { AgendaItem } from "./schema";
import type { AgendaViewer } from "./viewer";

/** How an agenda item's person appears to this viewer: in full, or as initials and age. */
export function personOnAgenda(
  referral: Pick<ReferralItem, "person" | "consent"> | undefined,
  item: Pick<AgendaItemRecord, "accessUntil">,
  viewer: AgendaViewer,
) {
  if (!referral) return { visible: false, person: { name: "Unknown", initialsOnly: true } };
  const age = ageToday(referral.person.dateOfBirth, viewer.now);
  const visible =
    listingGivesAccess(item.accessUntil, viewer.now) &&
    seesIdentity(viewer.organisationKind, referral.consent);
  const name = visible
    ? `${referral.person.givenName} ${referral.person.familyName}`
    : initialsOf(referral.person.givenName, referral.person.familyName);
  return { visible, person: { name, ...(age !== undefined ? { age } : {}), initialsOnly: !visible } };
}

export interface ItemViewInput {
  item: AgendaItemRecord;
  referral: ReferralItem | undefined;
  actions: readonly ActionRecord[];
  /** Its index in its column. */
  index: number;
  meeting: Pick<MeetingRecord, "status">;
  /** The viewer's standing in the item's team. */
  standing: MdtStanding;
  viewer: AgendaViewer;
}

/** The stored item as the board shows it to this viewer. */
export function toAgendaItem({
  item,
  referral,
  actions,
  index,
  meeting,
  standing,
  viewer,
}: ItemViewInput): AgendaItem {
  const relationships = relationshipsFrom(item.mdtId, standing);
  const { visible, person } = personOnAgenda(referral, item, viewer);
  const decided = item.decision !== undefined;
  return {
    id: item.itemId,
    meetingId: item.meetingId,
    referralId: item.referralId,
    reason: item.reason,
    sbar: visible ? item.sbar : null,
    column: item.column,
    position: index,
    slotMinutes: item.slotMinutes,
    version: item.version,
    person,
    riskFlags: item.riskFlags,
    ...(decided && item.decidedAt && item.decidedBy
      ? {
          outcome: {
            decision: item.decision ?? "",
            decidedAt: item.decidedAt,
            decidedBy: item.decidedBy,
            actions: actions.map((action) => toAction(action, viewer.user, relationships)),
          },
        }
      : {}),
    ...(item.rolledFrom ? { rolledFrom: item.rolledFrom } : {}),
    ...(item.rolledTo ? { rolledTo: item.rolledTo } : {}),
    allowedActions: agendaItemPolicy(
      viewer.user,
      {
        mdtId: item.mdtId,
        meetingStatus: meeting.status,
        decided,
        rolledTo: item.rolledTo,
        version: item.version,
      },
      relationships,
    ).allowedActions.filter((action) => visible || action !== "edit_sbar"),
  };
}

/** DynamoDB's BatchGetItem takes at most 100 keys. */
const batchLimit = 100;

async function inBatches<Key, Found>(
  keys: Key[],
  read: (batch: Key[]) => Promise<Found[]>,
): Promise<Found[]> {
  const found: Found[] = [];
  for (let start = 0; start < keys.length; start += batchLimit) {
    found.push(...(await read(keys.slice(start, start + batchLimit))));
  }
  return found;
}

/** The referrals behind these items, by id. */
export async function referralsOf(context: Context, referralIds: readonly string[]) {
  const unique = [...new Set(referralIds)];
  const found = await inBatches(unique, async (batch) => {
    const result = await context.db.entities.referral
      .get(batch.map((referralId) => ({ referralId })))
      .go({ consistent: true });
    return result.data;
  });
  return new Map(found.map((referral) => [referral.referralId, referral]));
}

/**
 * The meeting's items (or some of them) as this viewer sees them, each with its index in its
 * column counted over the whole agenda. Reads the referrals and actions they need in batches.
 */
export async function viewAgendaItems(
  context: Context,
  viewer: AgendaViewer,
  access: Pick<MeetingAccess, "meeting" | "items" | "standing">,
  shown: readonly AgendaItemRecord[] = access.items,
): Promise<AgendaItem[]> {
  const [referrals, actions] = await Promise.all([
    referralsOf(
      context,
      shown.map((item) => item.referralId),
    ),
    loadActions(
      context,
      shown.flatMap((item) => item.actionIds),
    ).then((found) => new Map(found.map((action) => [action.actionId, action]))),
  ]);
  const indexes = new Map<string, number>();
  for (const column of new Set(access.items.map((item) => item.column))) {
    for (const [itemId, index] of indexesInColumn(access.items.filter((item) => item.column === column))) {
      indexes.set(itemId, index);
    }
  }
  return shown.map((item) =>
    toAgendaItem({
      item,
      referral: referrals.get(item.referralId),
      actions: item.actionIds.flatMap((actionId) => actions.get(actionId) ?? []),
      index: indexes.get(item.itemId) ?? 0,
      meeting: access.meeting,
      standing: access.standing,
      viewer,
    }),
  );
}
