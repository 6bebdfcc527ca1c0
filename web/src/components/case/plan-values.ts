import type { Case, Goal, PlanRequestInput } from "@linkwork/core/casework/schema";
import { goalStatuses } from "@linkwork/core/casework/vocabulary";

/** One goal as the form holds it: text boxes' strings; `goalId` is empty for a goal not saved yet. */
export interface GoalValues {
  key: string;
  goalId: string;
  text: string;
  importance: string;
  status: string;
  actions: string;
}

/** The plan form; `baseVersion` is the plan version the user started from, sent to catch a race. */
export interface PlanValues extends Record<string, unknown> {
  baseVersion: number;
  whatMatters: string;
  reviewDay: string;
  reviewMonth: string;
  reviewYear: string;
  goals: GoalValues[];
}

let newGoals = 0;
export function newGoal(): GoalValues {
  newGoals += 1;
  return {
    key: `new-${Date.now()}-${newGoals}`,
    goalId: "",
    text: "",
    importance: "",
    status: "active",
    actions: "",
  };
}

function goalValues(goal: Goal): GoalValues {
  return {
    key: goal.goalId,
    goalId: goal.goalId,
    text: goal.text,
    importance: String(goal.importance),
    status: goal.status,
    actions: goal.actions ?? "",
  };
}

/** The plan as saved, ready to edit. */
export function planValuesOf(current: Case): PlanValues {
  const [year = "", month = "", day = ""] = current.plan.reviewOn?.split("-") ?? [];
  return {
    baseVersion: current.plan.version,
    whatMatters: current.whatMatters ?? "",
    reviewDay: day ? String(Number(day)) : "",
    reviewMonth: month ? String(Number(month)) : "",
    reviewYear: year,
    goals: current.plan.goals.map(goalValues),
  };
}

const isString = (value: unknown): value is string => typeof value === "string";

/** A stored draft of the plan, where every part still has the form's shape; otherwise none. */
export function restorePlan(stored: unknown, initial: PlanValues): PlanValues | undefined {
  if (typeof stored !== "object" || stored === null) return undefined;
  const field = (key: string) => Reflect.get(stored, key);
  const text = (from: object, key: string): string | undefined => {
    const value = Reflect.get(from, key);
    return isString(value) ? value : undefined;
  };
  const baseVersion = field("baseVersion");
  const goals = field("goals");
  if (typeof baseVersion !== "number" || !Array.isArray(goals)) return undefined;
  const restoredGoals: GoalValues[] = [];
  for (const goal of goals) {
    if (typeof goal !== "object" || goal === null) return undefined;
    const [key, goalId, goalText, importance, status, actions] = [
      "key",
      "goalId",
      "text",
      "importance",
      "status",
      "actions",
    ].map((name) => text(goal, name));
    if ([key, goalId, goalText, importance, status, actions].some((value) => value === undefined)) {
      return undefined;
    }
    restoredGoals.push({
      key: key ?? "",
      goalId: goalId ?? "",
      text: goalText ?? "",
      importance: importance ?? "",
      status: status ?? "active",
      actions: actions ?? "",
    });
  }
  return {
    ...initial,
    baseVersion,
    whatMatters: text(stored, "whatMatters") ?? initial.whatMatters,
    reviewDay: text(stored, "reviewDay") ?? initial.reviewDay,
    reviewMonth: text(stored, "reviewMonth") ?? initial.reviewMonth,
    reviewYear: text(stored, "reviewYear") ?? initial.reviewYear,
    goals: restoredGoals,
  };
}

export interface PlanProblem {
  /** `reviewOn`, `whatMatters`, or `goals.N.text` / `goals.N.importance` / `goals.N.status`. */
  path: string;
  message: string;
}

/** The review date the boxes name, `YYYY-MM-DD`, or undefined if they do not name a real date. */
export function reviewDateOf(values: PlanValues): string | undefined {
  const [day, month, year] = [values.reviewDay, values.reviewMonth, values.reviewYear].map((part) =>
    part.trim(),
  );
  if (!/^\d{1,2}$/.test(day ?? "") || !/^\d{1,2}$/.test(month ?? "") || !/^\d{4}$/.test(year ?? "")) {
    return undefined;
  }
  const date = `${year}-${(month ?? "").padStart(2, "0")}-${(day ?? "").padStart(2, "0")}`;
  const calendar = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(calendar.getTime()) || calendar.toISOString().slice(0, 10) !== date ? undefined : date;
}

/**
 * The request the form's values make, or what is wrong with them, checked here first so each
 * problem lands on its goal; the API checks again (and the 12-month limit against its own clock).
 */
export function planRequestOf(
  values: PlanValues,
  today: string,
): { ok: true; body: PlanRequestInput } | { ok: false; problems: PlanProblem[] } {
  const problems: PlanProblem[] = [];
  const reviewOn = reviewDateOf(values);
  if (!values.reviewDay.trim() && !values.reviewMonth.trim() && !values.reviewYear.trim()) {
    problems.push({ path: "reviewOn", message: "Enter the date of the next review" });
  } else if (!reviewOn) {
    problems.push({ path: "reviewOn", message: "Enter the review date as a real date, like 15 1 2027" });
  } else if (reviewOn < today) {
    problems.push({ path: "reviewOn", message: "The review date must be today or later" });
  }
  values.goals.forEach((goal, index) => {
    if (!goal.text.trim())
      problems.push({ path: `goals.${index}.text`, message: `Describe goal ${index + 1}` });
    const importance = Number(goal.importance);
    if (!goal.importance || !Number.isInteger(importance) || importance < 1 || importance > 10) {
      problems.push({
        path: `goals.${index}.importance`,
        message: `Select how much goal ${index + 1} matters to them, from 1 to 10`,
      });
    }
    if (!goalStatuses.some((status) => status === goal.status)) {
      problems.push({ path: `goals.${index}.status`, message: `Select where goal ${index + 1} has got to` });
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      version: values.baseVersion,
      whatMatters: values.whatMatters,
      reviewOn: reviewOn ?? "",
      goals: values.goals.map((goal) => ({
        ...(goal.goalId ? { goalId: goal.goalId } : {}),
        text: goal.text,
        importance: Number(goal.importance),
        status: goalStatuses.find((status) => status === goal.status) ?? "active",
        ...(goal.actions.trim() ? { actions: goal.actions } : {}),
      })),
    },
  };
}
