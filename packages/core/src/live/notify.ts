import { defaultAreaId } from "../area/area";
import type { DatabaseConnection } from "../db/client";
import type { EventEnvelope } from "../event/catalogue";
import { closeConnection, openConnections } from "./connection-store";
import type { ConnectionPoster } from "./connections-client";
import { audiencesOf, noticeFor } from "./domain/audience";

export interface NotifyResult {
  sent: number;
  /** Connections API Gateway no longer knows (410): closed here, so they are not tried again. */
  gone: number;
}

/** How many connections are posted to at once: enough for a full meeting room without a queue. */
const concurrency = 16;

/**
 * Tells every board an event concerns that it changed ("notify, then refetch"): one short
 * message per open connection, naming its meeting and why. A connection that has gone is closed
 * in the store. A delivery of the same event twice sends the notice twice, which only costs a
 * refetch. Any other failure to post fails the delivery, so the bus retries it.
 */
export async function notifyConnections(
  database: DatabaseConnection,
  poster: ConnectionPoster,
  event: EventEnvelope,
  options: { areaId?: string; now?: () => Date } = {},
): Promise<NotifyResult> {
  const now = options.now ?? (() => new Date());
  const result: NotifyResult = { sent: 0, gone: 0 };
  const seen = new Set<string>();
  const targets: { connectionId: string; meetingId: string }[] = [];
  for (const audience of audiencesOf(event, options.areaId ?? defaultAreaId)) {
    for await (const connection of openConnections(database, audience)) {
      if (seen.has(connection.connectionId)) continue;
      seen.add(connection.connectionId);
      targets.push(connection);
    }
  }
  const failures: unknown[] = [];
  for (let start = 0; start < targets.length; start += concurrency) {
    const settled = await Promise.allSettled(
      targets.slice(start, start + concurrency).map(async (target) => {
        const outcome = await poster.post(target.connectionId, noticeFor(target.meetingId, event));
        if (outcome === "sent") result.sent++;
        else {
          await closeConnection(database, target.connectionId, now());
          result.gone++;
        }
      }),
    );
    for (const outcome of settled) if (outcome.status === "rejected") failures.push(outcome.reason);
  }
  if (failures.length > 0) {
    throw new AggregateError(
      failures,
      `${failures.length} of ${targets.length} notices for ${event.id} failed`,
    );
  }
  return result;
}
