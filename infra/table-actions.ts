// Plain data, free of CDK at run time, so tests can compare these grants with what the code does
// (tests/pipeline/table-grants.test.ts) without loading aws-cdk-lib. infra/access.ts re-exports it.

/**
 * The DynamoDB actions Linkwork code may be granted. Deliberately absent: Scan, DeleteItem and every
 * table-management action. `TransactWriteItems` and `TransactGetItems` need no action of their own:
 * DynamoDB authorises each item in a transaction by its item action (PutItem, UpdateItem,
 * ConditionCheckItem, GetItem).
 */
export type TableAction =
  | "GetItem"
  | "BatchGetItem"
  | "Query"
  | "PutItem"
  | "UpdateItem"
  | "ConditionCheckItem";

/**
 * The API reads records, queries the generic indexes, commits use cases as transactions (puts and
 * updates with version conditions), audit entries included: no batch writes, which would also
 * allow deletes. Condition checks: a case write that leaves its referral as it is still holds the
 * referral to the version the policy was asked about.
 */
export const apiTableActions: readonly TableAction[] = [
  "GetItem",
  "BatchGetItem",
  "Query",
  "PutItem",
  "UpdateItem",
  "ConditionCheckItem",
];

/**
 * What each event subscriber does to the table, by subscription name. A subscriber missing here
 * fails synthesis, so every new one is granted exactly what it needs, on purpose.
 */
export const subscriberTableActions: Readonly<Record<string, readonly TableAction[]>> = {
  /** One conditional put per event: the condition makes a second delivery a no-op. */
  timeline: ["PutItem"],
  /**
   * Queries the open connections of a meeting or an area, and closes (an update) those API Gateway
   * says have gone.
   */
  live: ["Query", "UpdateItem"],
};

/** What each WebSocket route's function does to the table, by route (infra/live.ts). */
export const webSocketTableActions = {
  /** Reads the ticket, then consumes it (an update) and stores the connection (a put) in one transaction. */
  $connect: ["GetItem", "UpdateItem", "PutItem"],
  /** Closes the connection: an update that takes it out of the indexes and lets it expire. */
  $disconnect: ["UpdateItem"],
  /** Answers pings; it never touches the table. */
  $default: [],
} as const satisfies Readonly<Record<"$connect" | "$disconnect" | "$default", readonly TableAction[]>>;

export function subscriberTableActionsFor(name: string): readonly TableAction[] {
  const actions = subscriberTableActions[name];
  if (!actions) {
    throw new Error(
      `Subscriber "${name}" has no declared table access: add it to subscriberTableActions in infra/table-actions.ts`,
    );
  }
  return actions;
}

/**
 * What each scheduled job does to the table, by job name; like subscribers, a job missing here
 * fails synthesis.
 */
export const sweepTableActions: Readonly<Record<string, readonly TableAction[]>> = {
  /**
   * Queries the due index, reads referrals and settings, and commits conditional updates of the
   * referral (the fields it owns, or a returned allocation) with the event put in the outbox.
   */
  "service-levels": ["Query", "GetItem", "PutItem", "UpdateItem"],
};

export function sweepTableActionsFor(name: string): readonly TableAction[] {
  const actions = sweepTableActions[name];
  if (!actions) {
    throw new Error(
      `Scheduled job "${name}" has no declared table access: add it to sweepTableActions in infra/table-actions.ts`,
    );
  }
  return actions;
}
