import { databaseFromEnvironment } from "@linkwork/core/db/database";
import { parseEvent } from "@linkwork/core/event/catalogue";
import { recordTimelineEntry } from "@linkwork/core/timeline/record";
import { systemClock } from "@linkwork/core/util/clock";
import type { EventBridgeEvent } from "aws-lambda";

/** Writes every referral event onto its referral's timeline, once per event id. */
export async function handler(event: EventBridgeEvent<string, unknown>): Promise<void> {
  await recordTimelineEntry({ db: databaseFromEnvironment(), clock: systemClock }, parseEvent(event.detail));
}
