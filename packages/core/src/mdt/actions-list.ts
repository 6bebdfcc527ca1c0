import type { UserActor } from "../actor";
import type { Context } from "../context";
import { actionPolicy } from "../policy/domain/action-policy";
import { noRelationships } from "../policy/domain/relationships";
import { actionSubject, toAction } from "./actions-view";
import type { ActionRecord } from "./records";
import type { Action } from "./schema";

/** How long a done action stays on its owners' list, so they can see what was finished lately. */
export const recentlyDoneDays = 30;

/**
 * The caller's actions: open ones they or their organisation own, soonest due first, then those
 * done in the last 30 days, latest first. Read from the two owner indexes, so the cost is the
 * caller's own actions, never the area's.
 */
export async function listMyActions(context: Context, user: UserActor): Promise<Action[]> {
  const since = new Date(
    context.clock.now().getTime() - recentlyDoneDays * 24 * 60 * 60 * 1000,
  ).toISOString();
  const { action } = context.db.entities;
  const [userOpen, organisationOpen, userDone, organisationDone] = await Promise.all([
    action.query.byOwnerUser({ ownerUserKey: user.userId, status: "open" }).go({ pages: "all" }),
    action.query
      .byOwnerOrganisation({ ownerOrganisationId: user.organisationId, status: "open" })
      .go({ pages: "all" }),
    action.query
      .byOwnerUser({ ownerUserKey: user.userId, status: "done" })
      .where((attributes, { gte }) => gte(attributes.completedAt, since))
      .go({ pages: "all" }),
    action.query
      .byOwnerOrganisation({ ownerOrganisationId: user.organisationId, status: "done" })
      .where((attributes, { gte }) => gte(attributes.completedAt, since))
      .go({ pages: "all" }),
  ]);
  const open = distinct([...userOpen.data, ...organisationOpen.data]).sort(
    (left, right) => left.dueOn.localeCompare(right.dueOn) || left.actionId.localeCompare(right.actionId),
  );
  const done = distinct([...userDone.data, ...organisationDone.data]).sort((left, right) =>
    (right.completedAt ?? "").localeCompare(left.completedAt ?? ""),
  );
  return [...open, ...done]
    .filter((record) => actionPolicy(user, actionSubject(record), noRelationships).visible)
    .map((record) => toAction(record, user));
}

function distinct(records: ActionRecord[]): ActionRecord[] {
  return [...new Map(records.map((record) => [record.actionId, record])).values()];
}
