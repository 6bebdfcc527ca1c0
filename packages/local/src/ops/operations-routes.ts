import type { Context } from "@linkwork/core/context";
import { Hono } from "hono";
import type { LocalBus } from "../event-bus";
import { eventBridgePath } from "../eventbridge-endpoint";

/** Where the operator's commands find the local runtime's parts and dead letters. */
export const operationsPath = "/local/operations";

export interface LocalRuntimeParts {
  tableName: string;
  dynamodbEndpoint: string;
  busName: string;
  eventBridgeEndpoint: string;
}

/**
 * What `pnpm events:redrive` and `pnpm events:replay` need from a running local runtime: where its
 * table and bus are, and its dead letters (the local stand-in for the subscribers' queues).
 */
export function operationsRoutes(bus: LocalBus, context: Context) {
  return new Hono()
    .get(`${operationsPath}/runtime`, async (c) => {
      const endpoint = await context.db.client.config.endpoint?.();
      if (!endpoint) return c.json({ message: "The local runtime has no DynamoDB endpoint" }, 500);
      const parts: LocalRuntimeParts = {
        tableName: context.db.tableName,
        dynamodbEndpoint: `${endpoint.protocol}//${endpoint.hostname}${endpoint.port ? `:${endpoint.port}` : ""}`,
        busName: bus.busName,
        eventBridgeEndpoint: `${new URL(c.req.url).origin}${eventBridgePath}`,
      };
      return c.json(parts);
    })
    .get(`${operationsPath}/dead-letters`, (c) => c.json({ deadLetters: bus.deadLetters() }))
    .delete(`${operationsPath}/dead-letters/:id`, (c) =>
      bus.removeDeadLetter(c.req.param("id"))
        ? c.body(null, 204)
        : c.json({ message: `No dead letter ${c.req.param("id")}` }, 404),
    );
}
