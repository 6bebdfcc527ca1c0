import type { UserActor } from "../actor";
import { auditRefusal } from "../audit/refusal";
import type { Context } from "../context";
import { needLabels } from "../referral/labels";
import { readCaseworkSettings } from "../settings/casework";
import { type AppError, InvalidTransition, ValidationFailed } from "../util/errors";
import { toRecordedMeasure } from "./case-view";
import { commitCaseChange, recordFieldsOf, untilCommitted } from "./case-write";
import { measureConflict, measureNames, unassessedNeeds } from "./domain/measure-rules";
import { scoreMeasure } from "./domain/measures";
import { createCaseId } from "./ids";
import { type CaseMeasureItem, type LoadedCase, loadCaseFor } from "./load-case";
import { type Measure, MeasureRequest } from "./measure-schema";
import { parseRequest } from "./parse-request";
import { caseAfterWrite } from "./read-case";
import type { Case } from "./schema";

const auditAction = "case.measure.record";

/**
 * Records an outcome measure on a case: the assigned link worker only, while the case is open; a
 * wellbeing measure the area has turned on; one baseline per tool, and one final per tool in each
 * period of support. The measure, the case record's new version, the event and the audit entry
 * are one transaction.
 */
export async function recordMeasure(
  context: Context,
  user: UserActor,
  referralId: string,
  input: unknown,
): Promise<{ measure: Measure; case: Case }> {
  const request = parseRequest(MeasureRequest, input);
  let recorded: CaseMeasureItem | undefined;
  await untilCommitted(async () => {
    const loaded = await loadCaseFor(context, user, referralId, "record_measure", auditAction);
    const refusal = await refusalOf(context, loaded, request);
    if (refusal) {
      await auditRefusal(
        context,
        user,
        { action: auditAction, subjectType: "referral", subjectId: referralId },
        refusal,
      );
      throw refusal;
    }
    const now = context.clock.now();
    const measureId = createCaseId("measure", now);
    const scored = scoreMeasure(request);
    const item: CaseMeasureItem = {
      referralId,
      measureId,
      tool: scored.tool,
      stage: request.stage,
      answers: scored.answers,
      score: scored.score,
      recordedAt: now.toISOString(),
      recordedBy: user.userId,
      recordedByName: user.name,
    };
    const outcome = await commitCaseChange(context, user, loaded, {
      record: recordFieldsOf(loaded.record),
      items: (entities) => [entities.caseMeasure.create(item).commit()],
      event: {
        type: "case.measure_recorded",
        data: { measureId, tool: scored.tool, stage: request.stage, score: { ...scored.score } },
      },
      auditAction,
    });
    if (!outcome.committed) return { retryFrom: loaded };
    recorded = item;
    return { done: item };
  });
  if (!recorded) throw new Error("A committed measure was not kept");
  const view = await caseAfterWrite(context, user, referralId);
  return { measure: toRecordedMeasure(recorded), case: view };
}

/** Why this measure may not go on this case now: a tool turned off, needs left out, a second baseline. */
async function refusalOf(
  context: Context,
  loaded: LoadedCase,
  request: MeasureRequest,
): Promise<AppError | undefined> {
  if (request.tool === "domains") {
    const missing = unassessedNeeds(loaded.referral.needs, request.answers);
    if (missing.length > 0) {
      return ValidationFailed(
        missing.map((need) => ({
          path: `answers.${need}`,
          message: `Give a status for ${needLabels[need].toLowerCase()}: it is one of the referral's needs`,
        })),
      );
    }
  } else {
    const settings = await readCaseworkSettings(context);
    if (!settings.measures.includes(request.tool)) {
      return ValidationFailed(
        [
          {
            path: "tool",
            message: `This area does not use ${measureNames[request.tool]}: record ${settings.measures.map((tool) => measureNames[tool]).join(" or ")}`,
          },
        ],
        `This area does not use ${measureNames[request.tool]}`,
      );
    }
  }
  const earlier = loaded.measures.map((measure) => ({
    tool: measure.tool,
    stage: measure.stage,
    recordedAt: measure.recordedAt,
  }));
  const conflict = measureConflict(earlier, request, loaded.referral.reopenedAt);
  return conflict ? InvalidTransition(conflict, loaded.record?.version ?? 0) : undefined;
}
