import { randomBytes } from "node:crypto";
import type { UserActor } from "../actor";
import type { Context } from "../context";
import { loadMeetingAsMember } from "../mdt/meeting-access";

/** How long a ticket opens a connection for: long enough to connect, too short to be worth copying. */
export const ticketLifetimeSeconds = 60;
/** Kept past its validity a while (its TTL), so a late attempt is refused as spent rather than unknown. */
const ticketRetentionSeconds = 60 * 60;

export interface LiveTicket {
  url: string;
  expiresAt: string;
}

/**
 * A single-use pass for a member of the meeting's team to open a live connection to its board,
 * as a URL. Anyone else is told the meeting does not exist (the same 404 as the meeting routes).
 */
export async function issueLiveTicket(
  context: Context,
  user: UserActor,
  meetingId: string,
  /** Where boards connect; asked only once the caller may see the meeting. */
  liveUrl: () => string,
): Promise<LiveTicket> {
  const { meeting } = await loadMeetingAsMember(context, user, meetingId);
  const now = context.clock.now();
  const validUntil = new Date(now.getTime() + ticketLifetimeSeconds * 1000);
  // 256 random bits: the ticket is the only secret in the URL.
  const ticketId = randomBytes(32).toString("base64url");
  await context.db.entities.liveTicket
    .create({
      ticketId,
      meetingId: meeting.meetingId,
      userId: user.userId,
      areaId: meeting.areaId,
      issuedAt: now.toISOString(),
      validUntil: validUntil.toISOString(),
      expiresAt: Math.floor(validUntil.getTime() / 1000) + ticketRetentionSeconds,
    })
    .go();
  const url = new URL(liveUrl());
  url.searchParams.set("ticket", ticketId);
  return { url: url.toString(), expiresAt: validUntil.toISOString() };
}
