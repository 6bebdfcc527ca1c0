import type { UserActor } from "../actor";
import { recordAudit } from "../audit/record";
import type { Context } from "../context";
import { readCaseworkSettings } from "../settings/casework";
import { toCase } from "./case-view";
import { loadCase } from "./load-case";
import type { Case } from "./schema";

/**
 * The case beside a referral, for its link worker and their manager; anyone else is told it was
 * not found. The read is in the audit trail before the case is returned.
 */
export async function readCase(context: Context, user: UserActor, referralId: string): Promise<Case> {
  const [loaded, settings] = await Promise.all([
    loadCase(context, user, referralId, "case.read"),
    readCaseworkSettings(context),
  ]);
  await recordAudit(context, [
    {
      actor: user,
      action: "case.read",
      subjectType: "referral",
      subjectId: referralId,
      purpose: loaded.decision.purpose ?? "Casework",
      outcome: "granted",
      at: context.clock.now(),
    },
  ]);
  return toCase(loaded, settings);
}

/** The case after a write, as the writer now sees it; the write's own audit entry covers it. */
export async function caseAfterWrite(context: Context, user: UserActor, referralId: string): Promise<Case> {
  const [loaded, settings] = await Promise.all([
    loadCase(context, user, referralId, "case.read"),
    readCaseworkSettings(context),
  ]);
  return toCase(loaded, settings);
}
