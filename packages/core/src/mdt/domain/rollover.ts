import { createHash } from "node:crypto";
import type { BoardColumn } from "../schema";
import { accessDaysAfterMeeting, accessUntilAfter, openAccessUntil } from "./meeting-rules";
import { endPosition } from "./positions";

const dayMilliseconds = 24 * 60 * 60 * 1000;

/** What ending a meeting needs to know of one of its items. */
export interface ClosingItem {
  itemId: string;
  referralId: string;
  column: BoardColumn;
  position: number;
  reason: string;
  accessUntil: string;
  rolledTo?: string | undefined;
}

/** An item already on the next meeting's agenda. */
export interface ListedItem {
  itemId: string;
  referralId: string;
  column: BoardColumn;
  position: number;
}

export interface NextMeeting {
  meetingId: string;
  startsAt: string;
  durationMinutes: number;
  items: readonly ListedItem[];
}

export interface EndInput<Item extends ClosingItem = ClosingItem> {
  meeting: { meetingId: string; startsAt: string; durationMinutes: number };
  cadenceDays: number;
  items: readonly Item[];
  /** The team's next planned meeting after this one, when there is one. */
  nextMeeting: NextMeeting | undefined;
  now: Date;
}

/**
 * One item still to close: a decided one stays; any other moves to the next meeting, as a new
 * item there (`create`) or, when a member already listed the person there, onto that listing.
 */
export type Closing<Item extends ClosingItem = ClosingItem> =
  | { kind: "decided"; item: Item }
  | {
      kind: "rolled";
      item: Item;
      toItemId: string;
      create: boolean;
      /** Where a created item goes in the next meeting's To discuss column. */
      toPosition: number;
      why: string;
      /** The created item's reason. */
      reason: string;
    };

export interface EndPlan<Item extends ClosingItem = ClosingItem> {
  endedAt: string;
  /** Every item's listing lets the team see the person until then. */
  accessUntil: string;
  /** Where undecided items go; `create` when the team has no planned meeting to take them. */
  next: { meetingId: string; startsAt: string; durationMinutes: number; create: boolean } | undefined;
  /** The items not yet closed, those that move in the order they take on the next agenda. */
  closings: Closing<Item>[];
  decided: number;
  rolledOver: number;
}

/**
 * The order moved items take on the next agenda: the one under discussion when time ran out
 * first, then those not reached, then those the team chose to put off.
 */
const columnRank: Record<BoardColumn, number> = { discussing: 0, to_discuss: 1, deferred: 2, decided: 3 };

/**
 * How a meeting ends: every item not decided moves to the team's next planned meeting (one is
 * planned a cadence later if there is none), and every listing closes 30 days after the end.
 * Ending is written in several transactions, so it must be resumable: an item whose listing is
 * already closed was closed by an earlier attempt and is left alone, the end time is the one
 * that attempt used, and the ids of what it creates are derived from what it came from, so a
 * retry writes the same ids (and a conditional put refuses a second copy).
 */
export function planMeetingEnd<Item extends ClosingItem>(input: EndInput<Item>): EndPlan<Item> {
  const closed = input.items.find((item) => item.accessUntil !== openAccessUntil);
  const endedAt = closed
    ? new Date(Date.parse(closed.accessUntil) - accessDaysAfterMeeting * dayMilliseconds)
    : input.now;
  const ordered = [...input.items].sort(
    (left, right) =>
      columnRank[left.column] - columnRank[right.column] ||
      left.position - right.position ||
      left.itemId.localeCompare(right.itemId),
  );
  const moving = ordered.filter((item) => item.column !== "decided");
  const next = moving.some((item) => item.accessUntil === openAccessUntil)
    ? nextMeetingFor(input, endedAt)
    : undefined;
  const listed = new Map((next?.items ?? []).map((item) => [item.referralId, item.itemId]));
  let position = endPosition((next?.items ?? []).filter((item) => item.column === "to_discuss"));

  const closings = ordered
    .filter((item) => item.accessUntil === openAccessUntil)
    .map((item): Closing<Item> => {
      if (item.column === "decided" || !next) return { kind: "decided", item };
      const why = rollReason(item.column, input.meeting.startsAt);
      const rolled = { kind: "rolled" as const, item, why, reason: rolledReason(item.reason, why) };
      const existing = listed.get(item.referralId);
      if (existing) return { ...rolled, toItemId: existing, create: false, toPosition: -1 };
      return { ...rolled, toItemId: rolledItemId(item.itemId), create: true, toPosition: position++ };
    });

  return {
    endedAt: endedAt.toISOString(),
    accessUntil: accessUntilAfter(endedAt.toISOString()),
    next: next && {
      meetingId: next.meetingId,
      startsAt: next.startsAt,
      durationMinutes: next.durationMinutes,
      create: next.create,
    },
    closings,
    decided: ordered.length - moving.length,
    rolledOver: moving.length,
  };
}

function nextMeetingFor(input: EndInput, endedAt: Date): NextMeeting & { create: boolean } {
  if (input.nextMeeting) return { ...input.nextMeeting, create: false };
  return {
    meetingId: followingMeetingId(input.meeting.meetingId),
    startsAt: followingStart(input.meeting.startsAt, input.cadenceDays, endedAt),
    durationMinutes: input.meeting.durationMinutes,
    items: [],
    create: true,
  };
}

/**
 * One cadence after this meeting's start, at the same time on the clock in England; if that has
 * already gone by (a meeting ended long after it was due), the first such date still to come.
 */
export function followingStart(startsAt: string, cadenceDays: number, after: Date): string {
  const start = new Date(startsAt);
  for (let cadences = 1; ; cadences++) {
    const candidate = sameLondonTimeDaysLater(start, cadences * cadenceDays);
    if (candidate.getTime() > after.getTime()) return candidate.toISOString();
  }
}

function sameLondonTimeDaysLater(start: Date, days: number): Date {
  const naive = new Date(start.getTime() + days * dayMilliseconds);
  return new Date(naive.getTime() + (londonOffsetMinutes(start) - londonOffsetMinutes(naive)) * 60_000);
}

const offsetFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  timeZoneName: "longOffset",
});

function londonOffsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? "";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

const meetingDayFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "long",
  year: "numeric",
});

/** Why an item moved on: the team put it off, talked it over without deciding, or did not get to it. */
export function rollReason(column: BoardColumn, meetingStartsAt: string): string {
  const day = meetingDayFormat.format(new Date(meetingStartsAt));
  if (column === "deferred") return `Deferred at the meeting on ${day}`;
  if (column === "discussing") return `Discussed without a decision at the meeting on ${day}`;
  return `Not reached at the meeting on ${day}`;
}

const earlierRollReason =
  /^(?:Deferred at|Not reached at|Discussed without a decision at) the meeting on \d{1,2} [A-Za-z]+ \d{4}\. /;
const reasonLimit = 1000;

/**
 * The listing's reason at the next meeting: why it moved, then why it was listed. An item moved
 * twice says only the latest move, so reasons do not pile up.
 */
export function rolledReason(reason: string, why: string): string {
  const combined = `${why}. ${reason.replace(earlierRollReason, "")}`;
  return combined.length <= reasonLimit ? combined : `${combined.slice(0, reasonLimit - 1)}…`;
}

/** The id of the item an item becomes at the next meeting: the same every time it is worked out. */
export function rolledItemId(sourceItemId: string): string {
  return derivedId("itm", `rolled:${sourceItemId}`);
}

/** The id of the meeting planned by ending this one, when the team had none planned. */
export function followingMeetingId(meetingId: string): string {
  return derivedId("mtg", `following:${meetingId}`);
}

const crockford = "0123456789abcdefghjkmnpqrstvwxyz";

/** A prefixed id in `createId`'s shape (26 Crockford base-32 characters), from a hash of the seed. */
function derivedId(prefix: string, seed: string): string {
  const digest = createHash("sha256").update(seed).digest();
  let characters = "";
  for (let index = 0; index < 26; index++) characters += crockford[(digest[index] ?? 0) % 32];
  // A ULID's first character is at most 7, or its time would overflow 48 bits.
  const first = crockford[(digest[26] ?? 0) % 8];
  return `${prefix}_${first}${characters.slice(1)}`;
}

/** How many writes closing an item takes, so a transaction is never asked to hold more than 100. */
export function writesFor(closing: Closing): number {
  // Every item: its own change and the referral's summary event. Moved: the rolled-over event;
  // moved as a new item: that item and its listing event on the next meeting.
  if (closing.kind === "decided") return 2;
  return closing.create ? 5 : 3;
}

/** Closings grouped so each group's writes, with `reserved` more, fit one transaction of `limit`. */
export function transactionGroups<Item extends ClosingItem>(
  closings: readonly Closing<Item>[],
  reserved: number,
  limit = 100,
): Closing<Item>[][] {
  const groups: Closing<Item>[][] = [];
  let current: Closing<Item>[] = [];
  let used = reserved;
  for (const closing of closings) {
    const writes = writesFor(closing);
    if (current.length > 0 && used + writes > limit) {
      groups.push(current);
      current = [];
      used = reserved;
    }
    current.push(closing);
    used += writes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
