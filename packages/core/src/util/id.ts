import { monotonicFactory } from "ulid";

/** Every id names its kind, so a stray id in a log or URL says what it is. */
export const idPrefixes = {
  referral: "ref",
  person: "per",
  organisation: "org",
  user: "usr",
  event: "evt",
  audit: "aud",
  mdt: "mdt",
  meeting: "mtg",
  agendaItem: "itm",
  action: "act",
} as const;

export type IdKind = keyof typeof idPrefixes;

const nextUlid = monotonicFactory();

export function createId(kind: IdKind, at: Date = new Date()): string {
  return `${idPrefixes[kind]}_${nextUlid(at.getTime()).toLowerCase()}`;
}

export function idPattern(kind: IdKind): RegExp {
  return new RegExp(`^${idPrefixes[kind]}_[0-9a-hjkmnp-tv-z]{26}$`);
}

export function isId(kind: IdKind, value: string): boolean {
  return idPattern(kind).test(value);
}
