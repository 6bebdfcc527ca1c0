import { connectFromEnvironment, type DatabaseConnection } from "@linkwork/core/db/client";
import { eventTypes } from "@linkwork/core/event/catalogue";
import { eventSubscriber } from "@linkwork/core/event/subscriber";
import { type ConnectionPoster, createConnectionPoster } from "@linkwork/core/live/connections-client";
import { liveEventTypes } from "@linkwork/core/live/domain/audience";
import { notifierSettingsFromEnvironment } from "@linkwork/core/live/environment";
import { notifyConnections } from "@linkwork/core/live/notify";

let database: DatabaseConnection | undefined;
let poster: ConnectionPoster | undefined;

/** Tells the boards each meeting, action or capacity event concerns that they changed. */
export const handler = eventSubscriber(liveEventTypes(eventTypes), async (event) => {
  database ??= connectFromEnvironment();
  poster ??= createConnectionPoster(notifierSettingsFromEnvironment());
  await notifyConnections(database, poster, event);
});
