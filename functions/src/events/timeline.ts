import { connectFromEnvironment, type DatabaseConnection } from "@linkwork/core/db/client";
import { parseEvent } from "@linkwork/core/event/catalogue";
import { recordTimelineEntry } from "@linkwork/core/timeline/record";
import type { EventBridgeEvent } from "aws-lambda";

let connection: DatabaseConnection | undefined;

/** Writes every referral event onto its referral's timeline, once per event id. */
export async function handler(event: EventBridgeEvent<string, unknown>): Promise<void> {
  connection ??= connectFromEnvironment();
  await recordTimelineEntry(connection, parseEvent(event.detail));
}
