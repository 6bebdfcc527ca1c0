import type { NeedDomain } from "../../referral/schema";
import type { MeasureStage, MeasureTool } from "../vocabulary";
import type { DomainStatuses } from "./measure-types";

/** A measure already on the case, as far as the recording rules care. */
export interface EarlierMeasure {
  tool: MeasureTool;
  stage: MeasureStage;
  recordedAt: string;
}

export const measureNames: Record<MeasureTool, string> = {
  swemwbs: "SWEMWBS",
  ons4: "ONS4",
  domains: "need domains",
};

/**
 * Why this measure may not be recorded now, or undefined if it may: one baseline per tool, and one
 * final per tool in each period of support (a reopened case may record another). `openedSince`
 * is when the current period began, if the case has been reopened.
 */
export function measureConflict(
  earlier: readonly EarlierMeasure[],
  next: { tool: MeasureTool; stage: MeasureStage },
  openedSince?: string,
): string | undefined {
  const same = earlier.filter((measure) => measure.tool === next.tool && measure.stage === next.stage);
  if (next.stage === "baseline" && same.length > 0) {
    return `A baseline ${measureNames[next.tool]} is already recorded; record a review instead`;
  }
  if (next.stage === "final" && same.some((measure) => !openedSince || measure.recordedAt >= openedSince)) {
    return `A final ${measureNames[next.tool]} is already recorded for this period of support; record a review instead`;
  }
  return undefined;
}

/** The referral's needs that a need-domain measure leaves without a status. */
export function unassessedNeeds(needs: readonly NeedDomain[], answers: DomainStatuses): NeedDomain[] {
  return needs.filter((need) => answers[need] === undefined);
}
