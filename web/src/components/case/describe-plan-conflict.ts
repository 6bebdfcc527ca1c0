import type { Case, Goal } from "@linkwork/core/casework/schema";
import { formatCalendarDate, formatDateTime } from "../../format/dates";
import { goalStatusLabels } from "../../labels/casework-labels";

interface PlanState {
  whatMatters: string;
  reviewOn: string | undefined;
  goals: readonly Goal[];
}

const quoted = (text: string) => `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;

function goalChanges(before: readonly Goal[], after: readonly Goal[]): string[] {
  const earlier = new Map(before.map((goal) => [goal.goalId, goal]));
  const later = new Set(after.map((goal) => goal.goalId));
  const changes: string[] = [];
  for (const goal of after) {
    const was = earlier.get(goal.goalId);
    if (!was) changes.push(`added the goal ${quoted(goal.text)}`);
    else if (was.status !== goal.status) {
      changes.push(`marked ${quoted(goal.text)} as ${goalStatusLabels[goal.status].toLowerCase()}`);
    } else if (
      was.text !== goal.text ||
      was.importance !== goal.importance ||
      (was.actions ?? "") !== (goal.actions ?? "")
    ) {
      changes.push(`changed the goal ${quoted(goal.text)}`);
    }
  }
  for (const goal of before)
    if (!later.has(goal.goalId)) changes.push(`removed the goal ${quoted(goal.text)}`);
  return changes;
}

/** What someone else's save changed, against the version this user started from. */
export function planChanges(before: PlanState, after: PlanState): string[] {
  const changes: string[] = [];
  if (before.whatMatters.trim() !== after.whatMatters.trim())
    changes.push("changed what matters to the person");
  if (before.reviewOn !== after.reviewOn) {
    changes.push(
      after.reviewOn ? `set the review for ${formatCalendarDate(after.reviewOn)}` : "removed the review date",
    );
  }
  return [...changes, ...goalChanges(before.goals, after.goals)];
}

/**
 * Someone saved the plan after this user opened it: who, when and what they changed, so the user
 * can decide what to keep. Their own entries stay in the form either way.
 */
export function describePlanConflict(
  baseVersion: number,
  latest: Case | undefined,
): { heading: string; body: string } {
  const heading = "Someone else has changed this plan";
  if (!latest) return { heading, body: "The plan was saved by someone else while you were editing it." };
  const base = latest.plan.history.find((revision) => revision.version === baseVersion);
  const newest = latest.plan.history[0];
  const before: PlanState = base
    ? { whatMatters: base.whatMatters ?? "", reviewOn: base.reviewOn, goals: base.goals }
    : { whatMatters: "", reviewOn: undefined, goals: [] };
  const after: PlanState = {
    whatMatters: latest.whatMatters ?? "",
    reviewOn: latest.plan.reviewOn,
    goals: latest.plan.goals,
  };
  const changes = planChanges(before, after);
  const who = newest?.savedByName ?? "Someone else";
  const when = newest ? ` on ${formatDateTime(newest.savedAt)}` : "";
  const what = changes.length > 0 ? `: they ${changes.join("; ")}` : ", without changing it";
  return {
    heading,
    body: `${who} saved the plan${when} while you were editing it${what}.`,
  };
}
