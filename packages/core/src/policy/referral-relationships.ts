import type { UserActor } from "../actor";
import type { Context } from "../context";
import { seesIdentity } from "../mdt/domain/meeting-rules";
import { agendaRelationship } from "../mdt/relationships";
import { agendaViewer } from "../mdt/viewer";
import { agendaWouldAdd, type ReferralFacts, type ReferralNeed } from "./domain/referral-policy";
import { type AgendaRelationship, noRelationships, type Relationships } from "./domain/relationships";

export type AgendaLookup = (
  context: Context,
  user: UserActor,
  referralId: string,
) => Promise<AgendaRelationship | undefined>;

/**
 * The user's relationships to one referral beyond its own fields, for what they need to do with
 * it. The agenda listing costs a query, so it is looked up only when it could change the answer
 * (`agendaWouldAdd`: never for those the plain relationships already serve). An id
 * that names nothing (`referral` absent) is looked up too, so that it costs the same reads as a
 * referral the user is refused and the two cannot be told apart by their timing.
 *
 * A listing opens the record only to members who may see who the person is: members from outside
 * the NHS see someone who has not agreed to share with providers as initials and age on the board,
 * so the record itself stays closed to them ("not found", as for anyone unrelated).
 */
export async function referralRelationships(
  context: Context,
  user: UserActor,
  referralId: string,
  referral: (ReferralFacts & { consent?: { shareWithProviders: boolean } }) | null | undefined,
  need: ReferralNeed,
  options: { agendaLookup?: AgendaLookup } = {},
): Promise<Relationships> {
  const worthAsking = referral ? agendaWouldAdd(user, referral, need) : need !== "create";
  if (!worthAsking) return noRelationships;
  const lookup = options.agendaLookup ?? agendaRelationship;
  const agenda = await lookup(context, user, referralId);
  if (!agenda) return noRelationships;
  if (referral?.consent && !referral.consent.shareWithProviders) {
    const viewer = await agendaViewer(context, user);
    if (!seesIdentity(viewer.organisationKind, referral.consent)) return noRelationships;
  }
  return { memberOf: [], agenda };
}
