import { type Actor, actorId } from "../actor";
import type { Context } from "../context";
import { createId } from "../util/id";

export interface AuditInput {
  actor: Actor;
  action: string;
  subjectType: "referral" | "person" | "search";
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
    const result = await context.db.service.transaction
      .write(({ audit }) => chunk.map((item) => audit.create(item).commit()))
      .go();
    if (result.canceled) throw new Error(`Could not store ${chunk.length} audit entries`);
  }
}
