import type { UserActor } from "../actor";
import { auditRefusal } from "../audit/refusal";
import { londonDate } from "../calendar/domain/working-days";
import type { Context } from "../context";
import { ValidationFailed, VersionConflict } from "../util/errors";
import { commitCaseChange, recordFieldsOf, untilCommitted } from "./case-write";
import { reviewDateProblem, unknownGoalProblems } from "./domain/plan-rules";
import type { StoredGoal } from "./entity";
import { createCaseId } from "./ids";
import { loadCaseFor } from "./load-case";
import { parseRequest } from "./parse-request";
import { caseAfterWrite } from "./read-case";
import { type Case, PlanRequest } from "./schema";

const auditAction = "case.plan.save";

/**
 * Saves "what matters to me" and the wellbeing plan as one new version, on condition nobody saved
 * it since the worker loaded it (`version` is the plan's; 0 before the first save). Each save is
 * kept as a revision, the plan's history, and the review date goes onto the referral in the same
 * transaction so the caseload shows it.
 */
export async function savePlan(
  context: Context,
  user: UserActor,
  referralId: string,
  input: unknown,
): Promise<Case> {
  const request = parseRequest(PlanRequest, input);
  await untilCommitted(async () => {
    const loaded = await loadCaseFor(context, user, referralId, "update_plan", auditAction);
    const current = recordFieldsOf(loaded.record);
    if (current.planVersion !== request.version) {
      const conflict = VersionConflict(current.planVersion);
      await auditRefusal(
        context,
        user,
        { action: auditAction, subjectType: "referral", subjectId: referralId },
        conflict,
      );
      throw conflict;
    }
    const now = context.clock.now();
    const known = new Set(current.plan.goals.map((goal) => goal.goalId));
    const problems = [
      ...unknownGoalProblems(request.goals, known),
      ...[reviewDateProblem(request.reviewOn, londonDate(now))].filter((problem) => problem !== undefined),
    ];
    if (problems.length > 0) throw ValidationFailed(problems);

    const goals: StoredGoal[] = request.goals.map((goal) => ({
      goalId: goal.goalId ?? createCaseId("goal", now),
      text: goal.text,
      importance: goal.importance,
      status: goal.status,
      ...(goal.actions ? { actions: goal.actions } : {}),
    }));
    const planVersion = current.planVersion + 1;
    const whatMatters = request.whatMatters ? request.whatMatters : undefined;
    const outcome = await commitCaseChange(
      context,
      user,
      loaded,
      {
        record: {
          ...current,
          whatMatters,
          plan: { goals, reviewOn: request.reviewOn },
          planVersion,
        },
        items: (entities, at) => [
          entities.planRevision
            .create({
              referralId,
              revision: String(planVersion).padStart(6, "0"),
              planVersion,
              ...(whatMatters !== undefined ? { whatMatters } : {}),
              goals,
              reviewOn: request.reviewOn,
              savedAt: at.toISOString(),
              savedBy: user.userId,
              savedByName: user.name,
            })
            .commit(),
        ],
        event: {
          type: "case.plan_saved",
          data: { planVersion, goals: goals.length, reviewOn: request.reviewOn },
        },
        auditAction,
      },
      { reviewOn: request.reviewOn },
    );
    return outcome.committed ? { done: planVersion } : { retryFrom: loaded };
  });
  return caseAfterWrite(context, user, referralId);
}
