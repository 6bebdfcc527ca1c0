import * as logs from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import { type FunctionProps, Function as SstFunction, type Table } from "sst/constructs";
import { type TableAction, tableAccess } from "./access";
import type { StageSettings } from "./stage";

export interface TableFunctionProps extends FunctionProps {
  handler: string;
  table: Table;
  tableActions: readonly TableAction[];
}

/**
 * A function working on the table: TABLE_NAME in its environment, exactly the table actions it is
 * given (never SST's `bind`, which grants `dynamodb:*`), and its own log group kept for a set time.
 * Subscribers use it today; scheduled sweeps will too.
 */
export function tableFunction(
  scope: Construct,
  id: string,
  settings: StageSettings,
  { table, tableActions, environment, ...props }: TableFunctionProps,
): SstFunction {
  const fn = linkworkFunction(scope, id, settings, {
    ...props,
    environment: { ...environment, TABLE_NAME: table.tableName },
  });
  fn.attachPermissions(tableAccess(table, tableActions));
  return fn;
}

/** A function with its own log group, kept three months and retained with the stage's data. */
export function linkworkFunction(
  scope: Construct,
  id: string,
  settings: StageSettings,
  props: FunctionProps & { handler: string },
): SstFunction {
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
    retention: logs.RetentionDays.THREE_MONTHS,
    removalPolicy: settings.statefulRemovalPolicy,
  });
  return new SstFunction(scope, id, { ...props, logGroup });
}
