import type { IssueDetail } from "../../util/errors";

/** How far ahead a review may be set: a plan usually runs one to three months, at most about a year. */
export const longestReviewMonths = 12;

/** The calendar date `months` after a `YYYY-MM-DD` date (the last day of a shorter month). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Why the review date will not do, given today's date in England, or undefined. */
export function reviewDateProblem(reviewOn: string, today: string): IssueDetail | undefined {
  if (reviewOn < today) return { path: "reviewOn", message: "The review date must be today or later" };
  if (reviewOn > addMonths(today, longestReviewMonths)) {
    return { path: "reviewOn", message: "Set the review within 12 months" };
  }
  return undefined;
}

/** Goal ids sent that are not goals of the plan as it stands, each as a problem with its goal. */
export function unknownGoalProblems(
  sent: ReadonlyArray<{ goalId?: string | undefined }>,
  known: ReadonlySet<string>,
): IssueDetail[] {
  const problems: IssueDetail[] = [];
  const seen = new Set<string>();
  sent.forEach((goal, index) => {
    if (goal.goalId === undefined) return;
    if (!known.has(goal.goalId)) {
      problems.push({
        path: `goals.${index}.goalId`,
        message: "This goal is not in the plan: leave its id out to add it",
      });
    } else if (seen.has(goal.goalId)) {
      problems.push({ path: `goals.${index}.goalId`, message: "Each goal may appear once" });
    }
    seen.add(goal.goalId);
  });
  return problems;
}
