import type { UserActor } from "../actor";
import { areaOf } from "../area/area";
import { auditRefusal } from "../audit/refusal";
import type { Context } from "../context";
import { answersEscalationQueue, casePolicy } from "../policy/domain/case-policy";
import type { AppError } from "../util/errors";
import { InvalidTransition, NotFound, VersionConflict } from "../util/errors";
import { toEscalation } from "./case-view";
import { commitCaseChange, recordFieldsOf, untilCommitted } from "./case-write";
import { openTargets } from "./domain/escalation-rules";
import { type CaseAccess, loadCase, refusalFor } from "./load-case";
import { parseRequest } from "./parse-request";
import { caseAfterWrite } from "./read-case";
import { type EscalationSaved, ResolveEscalationRequest } from "./schema";

const auditAction = "case.escalation.resolve";
const resolvedQueueItemSeconds = 7 * 24 * 60 * 60;

/**
 * The case's worker and manager resolve escalations from the case; a triage coordinator, who
 * answers the area's queue of open escalations but never sees the case itself, may resolve one of
 * the area's from the queue.
 */
function resolverAccess(context: Context, user: UserActor): CaseAccess {
  return (referral) => {
    const facts = { ...referral, version: referral.version };
    const onCase = casePolicy(user, facts);
    if (onCase.visible) return onCase;
    const fromQueue = answersEscalationQueue(user) && referral.areaId === areaOf(context);
    return fromQueue
      ? { visible: true, purpose: "Triage coordinator answering an escalation", allowedActions: [] }
      : { visible: false, allowedActions: [] };
  };
}

/**
 * Resolves an open escalation with a note of how, on condition of the version the resolver
 * loaded: the case's flag, the referral's list and the area's queue item go in one transaction.
 */
export async function resolveEscalation(
  context: Context,
  user: UserActor,
  referralId: string,
  escalationId: string,
  input: unknown,
): Promise<EscalationSaved> {
  const request = parseRequest(ResolveEscalationRequest, input);
  const onCase = await untilCommitted(async () => {
    const loaded = await loadCase(context, user, referralId, auditAction, resolverAccess(context, user));
    const caseVisible = casePolicy(user, { ...loaded.referral, version: loaded.referral.version }).visible;
    if (caseVisible) {
      const refusal = await refusalFor(context, user, loaded, "resolve_escalation", auditAction);
      if (refusal) throw refusal;
    }
    const refuse = async (error: AppError) => {
      await auditRefusal(
        context,
        user,
        { action: auditAction, subjectType: "referral", subjectId: referralId },
        error,
      );
      return error;
    };
    const current = loaded.escalations.find((candidate) => candidate.escalationId === escalationId);
    if (!current) throw await refuse(NotFound("The escalation"));
    if (current.version !== request.version) throw await refuse(VersionConflict(current.version));
    if (current.status !== "open") {
      throw await refuse(InvalidTransition("This escalation is already resolved", current.version));
    }
    const stillOpen = loaded.escalations.filter(
      (escalation) => escalation.status === "open" && escalation.escalationId !== escalationId,
    );
    const outcome = await commitCaseChange(
      context,
      user,
      loaded,
      {
        record: recordFieldsOf(loaded.record),
        items: (entities, now) => [
          entities.caseEscalation
            .patch({ referralId, escalationId })
            .set({
              status: "resolved",
              version: current.version + 1,
              resolvedAt: now.toISOString(),
              resolvedBy: user.userId,
              resolvedByName: user.name,
              resolutionNote: request.note,
            })
            .where((attributes, { eq }) => eq(attributes.version, current.version))
            .commit(),
          entities.openEscalation
            .patch({ areaId: loaded.referral.areaId, raisedAt: current.raisedAt, escalationId })
            .set({
              resolvedAt: now.toISOString(),
              expiresAt: Math.floor(now.getTime() / 1000) + resolvedQueueItemSeconds,
            })
            .commit(),
        ],
        event: { type: "case.escalation_resolved", data: { escalationId, to: current.to } },
        auditAction,
      },
      { openEscalations: openTargets(stillOpen) },
    );
    return outcome.committed ? { done: caseVisible } : { retryFrom: loaded };
  });
  if (onCase) {
    const after = await caseAfterWrite(context, user, referralId);
    const escalation = after.escalations.find((candidate) => candidate.escalationId === escalationId);
    if (!escalation) throw new Error(`Escalation ${escalationId} is no longer on the case`);
    return { escalation, case: after };
  }
  const stored = await context.db.entities.caseEscalation
    .get({ referralId, escalationId })
    .go({ consistent: true });
  if (!stored.data) throw new Error(`Escalation ${escalationId} is no longer on the case`);
  // The raiser's note is the case's: the coordinator hears where it went and that it is answered.
  const { note: _note, ...escalation } = toEscalation(stored.data);
  return { escalation };
}
