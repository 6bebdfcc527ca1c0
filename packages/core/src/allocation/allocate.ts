import type { UserActor } from "../actor";
import type { Context } from "../context";
import { readReferral } from "../referral/read";
import type { Referral } from "../referral/schema";
import { transitionReferral } from "../referral/transition";
import { ValidationFailed, VersionConflict } from "../util/errors";
import { rankProviders } from "./options";

export interface AllocateInput {
  version: number;
  organisationId: string;
  note?: string | undefined;
}

/**
 * Allocates a triaged referral to a provider. The options are advice: a coordinator may choose an
 * organisation the rules rank as not eligible, but must say why, and the event records it.
 */
export async function allocateReferral(
  context: Context,
  user: UserActor,
  referralId: string,
  input: AllocateInput,
): Promise<Referral> {
  const referral = await readReferral(context, user, referralId, "referral.allocation_options");
  // A stale screen fails here, before the providers are weighed; the transition checks again.
  if (referral.version !== input.version) throw VersionConflict(referral.version);
  const options = await rankProviders(context, referral);
  const chosen = options.find((option) => option.organisationId === input.organisationId);
  if (!chosen) {
    throw ValidationFailed([
      { path: "organisationId", message: "Choose an organisation that takes referrals" },
    ]);
  }
  if (!chosen.eligible && !input.note?.trim()) {
    throw ValidationFailed([
      {
        path: "note",
        message: `${chosen.name} is not eligible (${chosen.notEligibleBecause.join("; ")}); say why you are allocating to it`,
      },
    ]);
  }
  return transitionReferral(
    context,
    user,
    referralId,
    input.version,
    { type: "allocate", organisationId: input.organisationId, note: input.note },
    { eventData: { eligible: chosen.eligible, score: chosen.score } },
  );
}
