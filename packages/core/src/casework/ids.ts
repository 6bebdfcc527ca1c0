import { monotonicFactory, ulid } from "ulid";

/** The case's own kinds of id, each naming its kind like the ids of `util/id.ts`. */
export const caseIdPrefixes = {
  contact: "con",
  goal: "gol",
  measure: "msr",
  connection: "cnx",
  escalation: "esc",
} as const;

export type CaseIdKind = keyof typeof caseIdPrefixes;

const nextUlid = monotonicFactory();

/**
 * A new id. A contact's id is a ULID of when the contact happened, so a back-dated contact sorts
 * among the others by its time, not by when it was recorded (a monotonic factory would move it
 * to the latest time it had seen).
 */
export function createCaseId(kind: CaseIdKind, at: Date): string {
  const value = kind === "contact" ? ulid(at.getTime()) : nextUlid(at.getTime());
  return `${caseIdPrefixes[kind]}_${value.toLowerCase()}`;
}

export function caseIdPattern(kind: CaseIdKind): RegExp {
  return new RegExp(`^${caseIdPrefixes[kind]}_[0-9a-hjkmnp-tv-z]{26}$`);
}
