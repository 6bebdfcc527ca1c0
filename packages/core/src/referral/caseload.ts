import type { UserActor } from "../actor";
import { recordAudit } from "../audit/record";
import type { Context } from "../context";
import { caseloadStatuses } from "./domain/lifecycle";
import type { Referral } from "./schema";
import { viewReferrals } from "./view";

/** The link worker's own active caseload, with their limit; each record shown is audited. */
export async function readCaseload(
  context: Context,
  worker: UserActor,
): Promise<{ items: Referral[]; caseloadLimit: number; activeCaseload: number }> {
  const { referral, user } = context.db.entities;
  const [profile, ...pages] = await Promise.all([
    user.get({ userId: worker.userId }).go(),
    ...caseloadStatuses.map((status) =>
      referral.query.byAssignee({ assigneeKey: worker.userId, status }).go({ pages: "all" }),
    ),
  ]);
  const items = pages.flatMap((page) => page.data);
  const now = context.clock.now();
  await recordAudit(
    context,
    items.map((item) => ({
      actor: worker,
      action: "referral.caseload",
      subjectType: "referral" as const,
      subjectId: item.referralId,
      purpose: "On the link worker's caseload",
      outcome: "granted" as const,
      at: now,
    })),
  );
  return {
    items: await viewReferrals(context, worker, items),
    caseloadLimit: profile.data?.caseloadLimit ?? 0,
    activeCaseload: profile.data?.activeCaseload ?? 0,
  };
}
