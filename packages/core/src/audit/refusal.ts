import type { UserActor } from "../actor";
import type { Context } from "../context";
import type { AppError } from "../util/errors";
import { recordAudit } from "./record";

export interface Refusal {
  action: string;
  subjectType: "referral" | "person";
  subjectId: string;
}

/** Puts a refused attempt on a person's data in the audit trail, once, with why it was refused. */
export async function auditRefusal(context: Context, user: UserActor, refusal: Refusal, error: AppError) {
  if (error.audited) return;
  await recordAudit(context, [
    {
      actor: user,
      ...refusal,
      purpose: `Refused: ${error.code}`,
      outcome: "denied",
      at: context.clock.now(),
    },
  ]);
  error.audited = true;
}
