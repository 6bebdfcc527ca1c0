import { type AppError, Forbidden, InvalidTransition, NotFound } from "../../util/errors";
import type { PolicyDecision } from "./decision";

/** One action on a subject: who may ever do it (403 otherwise) and in which states (409 otherwise). */
export interface Rule<Standing, Subject> {
  who: (standing: Standing) => boolean;
  when: (subject: Subject) => boolean;
  forbidden: string;
  invalid: string;
}

export type Rules<Action extends string, Standing, Subject> = Record<Action, Rule<Standing, Subject>>;

export function decideBy<Action extends string, Standing, Subject>(
  rules: Rules<Action, Standing, Subject>,
  standing: Standing,
  subject: Subject,
  purpose: string | undefined,
): PolicyDecision<Action> {
  if (!purpose) return { visible: false, allowedActions: [] };
  const actions = Object.keys(rules) as Action[];
  return {
    visible: true,
    purpose,
    allowedActions: actions.filter((action) => rules[action].who(standing) && rules[action].when(subject)),
  };
}

/**
 * Why the action may not happen, or undefined: a subject outside the actor's relationships is not
 * found, an action their standing never gives is forbidden, one the state does not allow is an
 * invalid transition (with the subject's version, when known).
 */
export function refuseBy<Action extends string, Standing, Subject>(
  rules: Rules<Action, Standing, Subject>,
  standing: Standing,
  subject: Subject,
  purpose: string | undefined,
  action: Action,
  notFound: string,
  version?: number,
): AppError | undefined {
  if (!purpose) return NotFound(notFound);
  const rule = rules[action];
  if (!rule.who(standing)) return Forbidden(rule.forbidden);
  if (!rule.when(subject)) return InvalidTransition(rule.invalid, version);
  return undefined;
}
