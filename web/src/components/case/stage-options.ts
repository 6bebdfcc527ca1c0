import type { MeasureStage } from "@linkwork/core/casework/vocabulary";
import { measureStageLabels } from "../../labels/casework-labels";

/**
 * The stages a measure may be recorded at now: the baseline first and once; after it, reviews and
 * the final measure (the API refuses a second final in one spell of support, and says why).
 */
export function stagesOpen(hasBaseline: boolean): MeasureStage[] {
  return hasBaseline ? ["review", "final"] : ["baseline"];
}

export const stageOptions = (stages: readonly MeasureStage[]) =>
  stages.map((value) => ({
    value,
    label: measureStageLabels[value],
    hint:
      value === "review"
        ? "During support, to see how things are going"
        : value === "final"
          ? "At the end of support: the message back to the GP compares it with the baseline"
          : undefined,
  }));
