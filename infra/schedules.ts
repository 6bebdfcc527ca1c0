import { schedules } from "@linkwork/functions/manifest";
import { Duration } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import { type Stack, type StackContext, type Table, use } from "sst/constructs";
import { sweepTableActionsFor, type TableAction } from "./access";
import { ruleWorker } from "./functions";
import { type StageSettings, stageSettings } from "./stage";
import { Storage } from "./storage";

export interface ScheduledSweep {
  name: string;
  /** In SST's `file.export` form, relative to the repository root. */
  handler: string;
  every: Duration;
  tableActions: readonly TableAction[];
}

/**
 * Work that runs on a timer (service-level sweeps). Each entry gets a function, a rule on the
 * default bus with its schedule, retries and an alarmed dead letter queue. Sweeps must be safe to
 * run twice, since a retried invocation can overlap the next one.
 */
export const scheduledSweeps: readonly ScheduledSweep[] = schedules.map((job) => ({
  name: job.name,
  handler: job.handler,
  every: Duration.minutes(job.everyMinutes),
  tableActions: sweepTableActionsFor(job.name),
}));

export function Schedules({ app, stack }: StackContext) {
  const settings = stageSettings(app.stage);
  const { table } = use(Storage);
  for (const sweep of scheduledSweeps) scheduleSweep(stack, settings, table, sweep);
}

export function scheduleSweep(stack: Stack, settings: StageSettings, table: Table, sweep: ScheduledSweep) {
  const worker = ruleWorker(stack, `Sweep_${sweep.name}`, settings, {
    handler: sweep.handler,
    table,
    tableActions: sweep.tableActions,
    timeout: "2 minutes",
    // A retried run may overlap the next; more than two at once is a sweep stuck, not work to do.
    concurrency: 2,
    purpose: `Runs of the ${sweep.name} sweep that failed every attempt`,
  });
  new events.Rule(stack, `Sweep_${sweep.name}_Schedule`, {
    schedule: events.Schedule.rate(sweep.every),
    targets: [new targets.LambdaFunction(worker.fn, { ...worker.target, maxEventAge: sweep.every })],
  });
  return worker;
}
