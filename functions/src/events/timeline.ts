import { connectFromEnvironment, type DatabaseConnection } from "@linkwork/core/db/client";
import { eventTypesAbout } from "@linkwork/core/event/catalogue";
import { eventSubscriber } from "@linkwork/core/event/subscriber";
import { recordTimelineEntry } from "@linkwork/core/timeline/record";

let connection: DatabaseConnection | undefined;

/** Writes every event about a referral onto that referral's timeline, once per event id. */
export const handler = eventSubscriber(eventTypesAbout("referral"), async (event) => {
  connection ??= connectFromEnvironment();
  await recordTimelineEntry(connection, event);
});
