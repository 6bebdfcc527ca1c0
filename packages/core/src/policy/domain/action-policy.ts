import type { ActionStatus } from "../../mdt/schema";
import { recordRoles } from "../../referral/domain/access";
import type { AppError } from "../../util/errors";
import type { ActionItemAction } from "./actions";
import type { PolicyDecision } from "./decision";
import { membershipOf, type PolicyActor, type Relationships } from "./relationships";
import { decideBy, type Rules, refuseBy } from "./rules";

/** An action agreed at an MDT meeting. */
export interface ActionSubject {
  mdtId: string;
  ownerOrganisationId: string;
  ownerUserId?: string | undefined;
  status: ActionStatus;
  version?: number | undefined;
}

interface OwnerStanding {
  ownerUser: boolean;
  ownerOrganisation: boolean;
  member: boolean;
}

/**
 * An action is about a person (its words may name them), so only roles that may open a person's
 * record ever see one: an action owned by a council never reaches its commissioners.
 */
function standingTo(actor: PolicyActor, action: ActionSubject, relationships: Relationships): OwnerStanding {
  if (!actor.roles.some((role) => recordRoles.includes(role))) {
    return { ownerUser: false, ownerOrganisation: false, member: false };
  }
  return {
    ownerUser: action.ownerUserId !== undefined && action.ownerUserId === actor.userId,
    ownerOrganisation: action.ownerOrganisationId === actor.organisationId,
    member: membershipOf(relationships, action.mdtId) !== undefined,
  };
}

function purposeOf(standing: OwnerStanding): string | undefined {
  if (standing.ownerUser) return "The user's own action";
  if (standing.ownerOrganisation) return "An action for the user's organisation";
  if (standing.member) return "Member of the MDT that agreed it";
  return undefined;
}

const rules: Rules<ActionItemAction, OwnerStanding, ActionSubject> = {
  complete: {
    who: (standing) => standing.ownerUser || standing.ownerOrganisation,
    when: (action) => action.status === "open",
    forbidden: "Only the action's owner or their organisation can complete it",
    invalid: "This action is already done",
  },
};

/** Its owner, their organisation and the MDT's members see an action; the owners complete it. */
export function actionPolicy(
  actor: PolicyActor,
  action: ActionSubject,
  relationships: Relationships,
): PolicyDecision<ActionItemAction> {
  const standing = standingTo(actor, action, relationships);
  return decideBy(rules, standing, action, purposeOf(standing));
}

export function actionRefusal(
  actor: PolicyActor,
  action: ActionSubject,
  relationships: Relationships,
  command: ActionItemAction,
): AppError | undefined {
  const standing = standingTo(actor, action, relationships);
  return refuseBy(rules, standing, action, purposeOf(standing), command, "The action", action.version);
}
