import { type Actor, actorId } from "../actor";
import type { Context } from "../context";
import { createId } from "../util/id";

export interface AuditInput {
  actor: Actor;
  action: string;
  subjectType: "referral" | "person";
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

/** Writes audit entries; a read is not returned to the caller unless its audit entry was stored. */
export async function recordAudit(context: Context, entries: AuditInput[]): Promise<void> {
  if (entries.length === 0) return;
  const result = await context.db.entities.audit.put(entries.map(toAuditItem)).go();
  if (result.unprocessed.length > 0) {
    throw new Error(`Could not store ${result.unprocessed.length} audit entries`);
  }
}
