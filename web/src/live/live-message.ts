/** What the live socket says: something about this meeting changed, so refetch it. */
export interface MeetingChanged {
  type: "meeting.changed";
  meetingId: string;
  at: string;
  reason: string | undefined;
}

/** Reads one text frame; anything that is not a well-formed notice is ignored, never trusted. */
export function readLiveMessage(frame: unknown): MeetingChanged | undefined {
  if (typeof frame !== "string") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(frame);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const message: Record<string, unknown> = { ...parsed };
  if (message.type !== "meeting.changed") return undefined;
  if (typeof message.meetingId !== "string" || typeof message.at !== "string") return undefined;
  return {
    type: "meeting.changed",
    meetingId: message.meetingId,
    at: message.at,
    reason: typeof message.reason === "string" ? message.reason : undefined,
  };
}
