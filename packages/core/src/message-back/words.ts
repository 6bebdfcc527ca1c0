import { ons4Questions } from "../casework/domain/measure-scales";
import type { MeasureComparison } from "../casework/domain/measure-types";
import type {
  ConnectionSector,
  ConnectionStatus,
  DomainStatus,
  EscalationTarget,
  GoalStatus,
} from "../casework/vocabulary";
import { needLabels } from "../referral/labels";

/** Plain words for the case's coded values, as the GP and referrer read them. */
export const sectorLabels: Record<ConnectionSector, string> = {
  vcs: "Voluntary and community sector",
  statutory: "Statutory service",
  private: "Private sector",
  other: "Other",
};

export const connectionStatusLabels: Record<ConnectionStatus, string> = {
  suggested: "Suggested",
  referred: "Referred",
  attended: "Attended",
  declined: "Declined",
};

export const escalationTargetLabels: Record<EscalationTarget, string> = {
  gp: "Referred back to the GP",
  adult_social_care: "Referred to adult social care",
  safeguarding: "Safeguarding concern raised",
};

export const goalStatusLabels: Record<GoalStatus, string> = {
  active: "In progress",
  achieved: "Achieved",
  dropped: "No longer pursued",
};

export const domainStatusLabels: Record<DomainStatus, string> = {
  not_managing: "Not managing",
  getting_support: "Getting support",
  managing: "Managing",
  thriving: "Thriving",
};

const ons4QuestionLabels = {
  lifeSatisfaction: "Life satisfaction",
  worthwhile: "Things done are worthwhile",
  happy: "Happiness yesterday",
  anxious: "Anxiety yesterday",
} as const;

const bandLabels = {
  very_low: "very low",
  low: "low",
  medium: "medium",
  high: "high",
  very_high: "very high",
};

const longDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Europe/London" });

/** A date as the page shows it: 3 March 2026, in UK time. */
export function dateInWords(iso: string): string {
  return longDate.format(new Date(iso));
}

const signed = (value: number, unit = "") =>
  `${value > 0 ? "up" : "down"} ${Math.abs(value)
    .toFixed(unit ? 2 : 0)
    .replace(/\.00$/, "")}${unit}`;

function stageWords(point: { stage: string; recordedAt: string }) {
  const when = dateInWords(point.recordedAt);
  return point.stage === "final" ? `at the end (${when})` : `at the latest review (${when})`;
}

/** One comparison in a sentence or two, for the printable page and the PDF. */
export function describeComparison(comparison: MeasureComparison): string {
  const compared =
    comparison.final ?? (comparison.latest !== comparison.baseline ? comparison.latest : undefined);
  switch (comparison.tool) {
    case "swemwbs": {
      const { baseline } = comparison;
      const later = comparison.final ?? comparison.latest;
      if (!baseline) return "No baseline was recorded.";
      const start = `${baseline.score.metric.toFixed(2)} at baseline (${dateInWords(baseline.recordedAt)})`;
      if (!later || later.measureId === baseline.measureId || comparison.change === undefined) {
        return `${start}; no later measure was recorded.`;
      }
      const change =
        comparison.change === 0
          ? "no change"
          : `${signed(comparison.change, " points")}, ${comparison.meaningful ? "a meaningful change (3 points or more)" : "less than the 3 points that count as a meaningful change"}`;
      return `${start}, ${later.score.metric.toFixed(2)} ${stageWords(later)}: ${change}.`;
    }
    case "ons4": {
      const { baseline, change } = comparison;
      if (!baseline) return "No baseline was recorded.";
      if (!change || !compared)
        return `Recorded at baseline (${dateInWords(baseline.recordedAt)}); no later measure was recorded.`;
      const parts = ons4Questions.map((question) => {
        const item = change[question];
        const moved = item.change === 0 ? "no change" : `${signed(item.change)}, ${item.direction}`;
        return `${ons4QuestionLabels[question]} ${item.from} (${bandLabels[item.bandFrom]}) to ${item.to} (${bandLabels[item.bandTo]}): ${moved}`;
      });
      return `From baseline (${dateInWords(baseline.recordedAt)}) to ${compared.stage === "final" ? "the end" : "the latest review"} (${dateInWords(compared.recordedAt)}). ${parts.join("; ")}. For anxiety, lower is better.`;
    }
    case "domains": {
      const { baseline, change } = comparison;
      if (!baseline) return "No baseline was recorded.";
      if (!change) return "Recorded at baseline; no later assessment was recorded.";
      const names = (needs: readonly (keyof typeof needLabels)[]) =>
        needs.map((need) => needLabels[need]).join(", ");
      const parts = [
        change.movedOutOfNotManaging.length > 0
          ? `Moved out of "not managing": ${names(change.movedOutOfNotManaging)}`
          : `No need moved out of "not managing"`,
        ...(change.better.length > 0 ? [`better: ${names(change.better)}`] : []),
        ...(change.worse.length > 0 ? [`worse: ${names(change.worse)}`] : []),
      ];
      return `${parts.join("; ")}.`;
    }
  }
}
