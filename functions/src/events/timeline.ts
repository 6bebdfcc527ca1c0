import { connectFromEnvironment } from "@linkwork/core/db/client";
import { parseEvent } from "@linkwork/core/event/catalogue";
import { recordTimelineEntry } from "@linkwork/core/timeline/record";
import { createTimelineDatabase, type TimelineDatabase } from "@linkwork/core/timeline/timeline-database";
import { systemClock } from "@linkwork/core/util/clock";
import type { EventBridgeEvent } from "aws-lambda";

let db: TimelineDatabase | undefined;

/** Writes every referral event onto its referral's timeline, once per event id. */
export async function handler(event: EventBridgeEvent<string, unknown>): Promise<void> {
  db ??= createTimelineDatabase(connectFromEnvironment());
  await recordTimelineEntry({ db, clock: systemClock }, parseEvent(event.detail));
}
