import type { Context } from "../context";
import type { IssueDetail } from "../util/errors";

interface OwnerInput {
  ownerOrganisationId: string;
  ownerUserId?: string | undefined;
}

/**
 * What is wrong with the owners named for a meeting's actions: an organisation that does not
 * exist, a user who does not, is no longer active, or is not in the organisation that owns the
 * action. Every problem, each at its path, so the form can show them all at once.
 */
export async function ownerProblems(
  context: Context,
  actions: readonly OwnerInput[],
): Promise<IssueDetail[]> {
  const organisationIds = [...new Set(actions.map((action) => action.ownerOrganisationId))];
  const userIds = [...new Set(actions.flatMap((action) => (action.ownerUserId ? [action.ownerUserId] : [])))];
  const [organisations, users] = await Promise.all([
    organisationIds.length > 0
      ? context.db.entities.organisation
          .get(organisationIds.map((organisationId) => ({ organisationId })))
          .go()
      : { data: [], unprocessed: [] },
    userIds.length > 0
      ? context.db.entities.user.get(userIds.map((userId) => ({ userId }))).go()
      : { data: [], unprocessed: [] },
  ]);
  if (organisations.unprocessed.length > 0 || users.unprocessed.length > 0) {
    // Not knowing an owner is not the same as its not existing: the caller may try again.
    throw Object.assign(new Error("Could not read every owner of the actions"), {
      name: "ServiceUnavailable",
    });
  }
  const knownOrganisations = new Set(organisations.data.map((organisation) => organisation.organisationId));
  const usersById = new Map(users.data.map((user) => [user.userId, user]));

  return actions.flatMap((action, index): IssueDetail[] => {
    const problems: IssueDetail[] = [];
    if (!knownOrganisations.has(action.ownerOrganisationId)) {
      problems.push({ path: `actions.${index}.ownerOrganisationId`, message: "No organisation has this id" });
    }
    if (action.ownerUserId) {
      const owner = usersById.get(action.ownerUserId);
      const path = `actions.${index}.ownerUserId`;
      if (!owner) problems.push({ path, message: "No user has this id" });
      else if (!owner.active) problems.push({ path, message: `${owner.name} no longer works in Linkwork` });
      else if (owner.organisationId !== action.ownerOrganisationId) {
        problems.push({ path, message: `${owner.name} is not in the organisation that owns the action` });
      }
    }
    return problems;
  });
}
