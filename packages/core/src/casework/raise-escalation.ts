import type { UserActor } from "../actor";
import type { Context } from "../context";
import { commitCaseChange, recordFieldsOf, untilCommitted } from "./case-write";
import { openTargets } from "./domain/escalation-rules";
import { createCaseId } from "./ids";
import { loadCaseFor } from "./load-case";
import { parseRequest } from "./parse-request";
import { caseAfterWrite } from "./read-case";
import { type Case, type Escalation, EscalationRequest } from "./schema";

const auditAction = "case.escalation.raise";

/**
 * Refers the case back to the GP, to adult social care, or raises a safeguarding concern: a flag
 * on the case, the referral's list of open escalations (for the caseload and queues), an item in
 * the area's queue of open escalations, and an event for the timeline, in one transaction. The
 * note stays on the case; the event and the queue carry only where it went.
 */
export async function raiseEscalation(
  context: Context,
  user: UserActor,
  referralId: string,
  input: unknown,
): Promise<{ escalation: Escalation; case: Case }> {
  const request = parseRequest(EscalationRequest, input);
  const escalationId = createCaseId("escalation", context.clock.now());
  await untilCommitted(async () => {
    const loaded = await loadCaseFor(context, user, referralId, "escalate", auditAction);
    const { referral } = loaded;
    const stillOpen = loaded.escalations.filter((escalation) => escalation.status === "open");
    const outcome = await commitCaseChange(
      context,
      user,
      loaded,
      {
        record: recordFieldsOf(loaded.record),
        items: (entities, now) => [
          entities.caseEscalation
            .create({
              referralId,
              escalationId,
              version: 1,
              to: request.to,
              note: request.note,
              raisedAt: now.toISOString(),
              raisedBy: user.userId,
              raisedByName: user.name,
              status: "open",
            })
            .commit(),
          entities.openEscalation
            .create({
              areaId: referral.areaId,
              raisedAt: now.toISOString(),
              escalationId,
              referralId,
              to: request.to,
              ...(referral.organisationId !== undefined ? { organisationId: referral.organisationId } : {}),
              reference: referral.reference,
              raisedByName: user.name,
            })
            .commit(),
        ],
        event: {
          type: "case.escalated",
          data: {
            escalationId,
            to: request.to,
            ...(referral.organisationId !== undefined ? { organisationId: referral.organisationId } : {}),
          },
        },
        auditAction,
      },
      { openEscalations: openTargets([...stillOpen, { to: request.to }]) },
    );
    return outcome.committed ? { done: escalationId } : { retryFrom: loaded };
  });
  const after = await caseAfterWrite(context, user, referralId);
  const escalation = after.escalations.find((candidate) => candidate.escalationId === escalationId);
  if (!escalation) throw new Error(`Escalation ${escalationId} was committed but is not on the case`);
  return { escalation, case: after };
}
