import type { Schedule } from "@linkwork/functions/manifest";

export type JobHandler = () => Promise<unknown>;

export interface Scheduler {
  start(): void;
  /** Runs every job once now (after any run in progress), as the schedule would. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the scheduled jobs' handlers on an interval, as the deployed schedule rules do. One run at a
 * time per job; a failed run is logged and the next interval tries again, like a retried invocation.
 * A run that succeeds says nothing here: the handler logs what it changed, as it does in AWS.
 */
export function createScheduler(options: {
  jobs: readonly Schedule[];
  loadHandler: (job: Schedule) => Promise<JobHandler>;
  /** Locally a shorter interval than deployed is fine: the jobs are safe to run as often as you like. */
  intervalMs: (job: Schedule) => number;
  log: (line: string) => void;
}): Scheduler {
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<string, Promise<void>>();
  let stopped = false;

  const run = (job: Schedule): Promise<void> => {
    const previous = running.get(job.name) ?? Promise.resolve();
    const next = previous.then(async () => {
      if (stopped) return;
      try {
        const handler = await options.loadHandler(job);
        await handler();
      } catch (error) {
        options.log(`scheduled job ${job.name} failed: ${error instanceof Error ? error.message : error}`);
      }
    });
    running.set(job.name, next);
    return next;
  };

  return {
    start() {
      for (const job of options.jobs) {
        const timer = setInterval(() => void run(job), options.intervalMs(job));
        timer.unref();
        timers.push(timer);
      }
    },
    async runNow() {
      await Promise.all(options.jobs.map(run));
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}
