import * as iam from "aws-cdk-lib/aws-iam";
import type { Table } from "sst/constructs";

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
 * The API reads records, queries the generic indexes, commits use cases as transactions (puts,
 * updates with version conditions, condition checks), audit entries included: no batch writes,
 * which would also allow deletes.
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
};

export function subscriberTableActionsFor(name: string): readonly TableAction[] {
  const actions = subscriberTableActions[name];
  if (!actions) {
    throw new Error(
      `Subscriber "${name}" has no declared table access: add it to subscriberTableActions in infra/access.ts`,
    );
  }
  return actions;
}

/**
 * What each scheduled job does to the table, by job name; like subscribers, a job missing here
 * fails synthesis.
 */
export const sweepTableActions: Readonly<Record<string, readonly TableAction[]>> = {
  /** Queries the due index, reads referrals and settings, and commits changes as conditional puts. */
  "service-levels": ["Query", "GetItem", "PutItem"],
};

export function sweepTableActionsFor(name: string): readonly TableAction[] {
  const actions = sweepTableActions[name];
  if (!actions) {
    throw new Error(
      `Scheduled job "${name}" has no declared table access: add it to sweepTableActions in infra/access.ts`,
    );
  }
  return actions;
}

/** Item actions on the table alone; Query on the table and its global indexes. */
export function tableAccess(table: Table, actions: readonly TableAction[]): iam.PolicyStatement[] {
  const itemActions = actions.filter((action) => action !== "Query");
  const statements: iam.PolicyStatement[] = [];
  if (itemActions.length > 0) {
    statements.push(
      new iam.PolicyStatement({
        actions: itemActions.map((action) => `dynamodb:${action}`),
        resources: [table.tableArn],
      }),
    );
  }
  if (actions.includes("Query")) {
    statements.push(
      new iam.PolicyStatement({
        actions: ["dynamodb:Query"],
        resources: [table.tableArn, `${table.tableArn}/index/*`],
      }),
    );
  }
  return statements;
}
