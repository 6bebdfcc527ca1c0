import { Entity } from "electrodb";
import type { DatabaseConnection } from "../db/client";
import { timelineSchema } from "./entity";

/**
 * The database as the timeline subscriber uses it: the timeline entity alone. Building every
 * entity and the service (db/database.ts) took most of that function's cold start.
 */
export function createTimelineDatabase(connection: DatabaseConnection) {
  const timeline = new Entity(timelineSchema, { table: connection.tableName, client: connection.client });
  return { entities: { timeline } };
}

export type TimelineDatabase = ReturnType<typeof createTimelineDatabase>;
