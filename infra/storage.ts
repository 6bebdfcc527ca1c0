import { keyAttributes, tableDefinition } from "@linkwork/core/db/table";
import { type StackContext, Table, type TableGlobalIndexProps } from "sst/constructs";
import { tableBackups } from "./backups";
import { stageSettings } from "./stage";

/** The one table (single-table design), described by core and deployed as described. */
export function Storage({ app, stack }: StackContext) {
  const settings = stageSettings(app.stage);
  const globalIndexes: Record<string, TableGlobalIndexProps> = Object.fromEntries(
    Object.entries(tableDefinition.globalIndexes).map(([name, index]) => [
      name,
      { partitionKey: index.partitionKey, sortKey: index.sortKey, projection: "all" },
    ]),
  );
  const table = new Table(stack, "Table", {
    fields: Object.fromEntries(keyAttributes().map((attribute) => [attribute, "string" as const])),
    primaryIndex: { partitionKey: tableDefinition.partitionKey, sortKey: tableDefinition.sortKey },
    globalIndexes,
    // The relay reads new images; old images are there for consumers that need the change itself.
    stream: "new_and_old_images",
    timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
    cdk: {
      table: {
        deletionProtection: settings.isProtected,
        removalPolicy: settings.statefulRemovalPolicy,
      },
    },
  });
  tableBackups(stack, settings, table);
  stack.addOutputs({ TableName: table.tableName });
  return { table };
}
