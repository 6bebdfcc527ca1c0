import type { UserActor } from "../actor";
import { londonDate } from "../calendar/domain/working-days";
import type { Context } from "../context";
import { readReferral } from "../referral/read";
import type { Referral } from "../referral/schema";
import { areaTimers } from "../settings/service-levels";
import { type AllocationOption, allocationOptions } from "./domain/options";
import { providerProfiles } from "./profiles";

export function needsOf(referral: Referral) {
  return {
    practiceOds: referral.practiceOds,
    postcode: referral.person.postcode,
    dateOfBirth: referral.person.dateOfBirth,
    needs: referral.needs,
    supportLevel: referral.supportLevel,
    preferredLanguage: referral.person.preferredLanguage,
    sameSexWorkerRequested: referral.person.sameSexWorkerRequested,
    gender: referral.person.gender,
  };
}

/** Every provider ranked for this referral, with the reasons; reading the referral is audited. */
export async function listAllocationOptions(
  context: Context,
  user: UserActor,
  referralId: string,
): Promise<{ referral: Referral; options: AllocationOption[] }> {
  const referral = await readReferral(context, user, referralId, "referral.allocation_options");
  return { referral, options: await rankProviders(context, referral) };
}

/** Every provider ranked for a referral already read by someone who may see it. */
export async function rankProviders(context: Context, referral: Referral): Promise<AllocationOption[]> {
  const timers = await areaTimers(context);
  const profiles = await providerProfiles(context, timers.calendar);
  return allocationOptions(needsOf(referral), profiles, londonDate(context.clock.now()));
}
