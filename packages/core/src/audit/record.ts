import { type Actor, actorId } from "../actor";
import type { Context } from "../context";
import { isTransientCancellation, type TransactionResult } from "../db/transaction";
import { createId } from "../util/id";

export interface AuditInput {
  actor: Actor;
  action: string;
  subjectType: "referral" | "person" | "search" | "mdt" | "meeting";
  subjectId: string;
  purpose: string;
  outcome: "granted" | "denied";
  at: Date;
}

export function toAuditItem(input: AuditInput) {
  return {
    auditId: createId("audit", input.at),
    at: input.at.toISOString(),
    actorId: actorId(input.actor),
    ...(input.actor.type === "user" ? { actorOrganisationId: input.actor.organisationId } : {}),
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    purpose: input.purpose,
    outcome: input.outcome,
  };
}

/** A transaction holds at most 100 items. */
const transactionLimit = 100;

/**
 * Writes audit entries; a read is not returned to the caller unless its audit entries were stored.
 * They are written as conditional puts in transactions (all of a chunk or none), never as a batch
 * write, so the API needs no permission that could also delete.
 */
export async function recordAudit(context: Context, entries: AuditInput[]): Promise<void> {
  for (let start = 0; start < entries.length; start += transactionLimit) {
    const chunk = entries.slice(start, start + transactionLimit).map(toAuditItem);
    await storeChunk(context, chunk);
  }
}

const maxAttempts = 3;

/** One transaction of entries; one that collided with another in flight is tried again. */
async function storeChunk(context: Context, chunk: ReturnType<typeof toAuditItem>[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const result = (await context.db.service.transaction
      .write(({ audit }) => chunk.map((item) => audit.create(item).commit()))
      .go()) as TransactionResult;
    if (!result.canceled) return;
    if (!isTransientCancellation(result)) throw new Error(`Could not store ${chunk.length} audit entries`);
    if (attempt >= maxAttempts) {
      // Named as AWS names a busy service, so the API answers 503 and the caller may try again.
      throw Object.assign(new Error(`Audit entries collided ${attempt} times`), {
        name: "ServiceUnavailable",
      });
    }
  }
}
