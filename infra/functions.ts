import { Duration } from "aws-cdk-lib";
import type { LambdaFunctionProps } from "aws-cdk-lib/aws-events-targets";
import * as destinations from "aws-cdk-lib/aws-lambda-destinations";
import type { Construct } from "constructs";
import { type FunctionProps, Function as SstFunction, type Table } from "sst/constructs";
import { type TableAction, tableAccess } from "./access";
import {
  everyFunction,
  exempt,
  failuresKeptBy,
  linkworkFunctionFindings,
  unreservedInDevelopment,
} from "./compliance";
import { type DeadLetters, deadLetters } from "./dead-letters";
import { encryptedLogGroup } from "./log-groups";
import type { StageSettings } from "./stage";

export interface TableFunctionProps extends LinkworkFunctionProps {
  table: Table;
  tableActions: readonly TableAction[];
}

export interface LinkworkFunctionProps extends FunctionProps {
  handler: string;
  /** Concurrent executions reserved for it (in protected stages), so no function can starve the others. */
  concurrency: number;
}

/** A function with its own encrypted log group, kept three months and retained with the stage's data. */
export function linkworkFunction(
  scope: Construct,
  id: string,
  settings: StageSettings,
  { concurrency, ...props }: LinkworkFunctionProps,
): SstFunction {
  const logGroup = encryptedLogGroup(scope, `${id}Logs`, settings);
  const fn = new SstFunction(scope, id, {
    ...props,
    logGroup,
    ...(settings.isProtected ? { reservedConcurrentExecutions: concurrency } : {}),
  });
  const development = settings.isProtected ? [] : [unreservedInDevelopment];
  exempt(fn, [...everyFunction, ...linkworkFunctionFindings, ...development], true);
  return fn;
}

/**
 * A function working on the table: TABLE_NAME in its environment, exactly the table actions it is
 * given (never SST's `bind`, which grants `dynamodb:*`).
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

export interface RuleWorker {
  fn: SstFunction;
  deadLetters: DeadLetters;
  /** Props for the EventBridge rule target that invokes `fn`: retries, then the same dead letter queue. */
  target: LambdaFunctionProps;
}

/**
 * A table function that an EventBridge rule invokes: an event subscriber today, a scheduled sweep
 * (a rule with a `schedule`) tomorrow. Whichever way an invocation is lost, by EventBridge failing
 * to deliver it or the function failing every attempt, it lands in one alarmed dead letter queue.
 */
export function ruleWorker(
  scope: Construct,
  id: string,
  settings: StageSettings,
  props: TableFunctionProps & { purpose: string },
): RuleWorker {
  const { purpose, ...functionProps } = props;
  const queues = deadLetters(scope, `${id}_DeadLetters`, settings, purpose);
  const fn = tableFunction(scope, id, settings, {
    retryAttempts: 2,
    maxEventAge: Duration.hours(6),
    onFailure: new destinations.SqsDestination(queues.queue),
    ...functionProps,
  });
  exempt(fn, [
    failuresKeptBy(
      "Invoked asynchronously by an EventBridge rule: a failed invocation goes to the on-failure destination (its dead letter queue, with the request and the error), which replaces the older DeadLetterConfig this rule looks for",
    ),
  ]);
  return {
    fn,
    deadLetters: queues,
    target: { retryAttempts: 10, maxEventAge: Duration.hours(24), deadLetterQueue: queues.queue },
  };
}
