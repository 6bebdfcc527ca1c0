/**
 * Work that runs on a timer. Infra deploys one scheduled rule, function and DLQ per entry; the
 * local runtime runs the same handlers on an interval. Jobs must be safe to run twice.
 * `handler` is relative to the repository root, in SST's `file.export` form.
 */
export interface ScheduledJob {
  name: string;
  handler: string;
  everyMinutes: number;
}

export const scheduledJobs: readonly ScheduledJob[] = [
  {
    name: "service-levels",
    handler: "functions/src/schedules/service-levels.handler",
    everyMinutes: 5,
  },
];
