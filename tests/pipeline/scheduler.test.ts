import { createScheduler } from "@linkwork/local/scheduler";
import { describe, expect, it, vi } from "vitest";

const job = (name: string) => ({ name, handler: `functions/src/schedules/${name}.handler`, everyMinutes: 5 });

describe("the local scheduler", () => {
  it("runs every job's handler when asked, one run at a time per job", async () => {
    const runs: string[] = [];
    let concurrent = 0;
    let mostAtOnce = 0;
    const scheduler = createScheduler({
      jobs: [job("a"), job("b")],
      loadHandler: async (scheduled) => async () => {
        concurrent++;
        mostAtOnce = Math.max(mostAtOnce, concurrent);
        await new Promise((resolve) => setImmediate(resolve));
        runs.push(scheduled.name);
        concurrent--;
        return { ok: true };
      },
      intervalMs: () => 60_000,
      log: () => undefined,
    });
    await Promise.all([scheduler.runNow(), scheduler.runNow()]);
    expect(runs.sort()).toEqual(["a", "a", "b", "b"]);
    expect(mostAtOnce).toBeLessThanOrEqual(2);
    await scheduler.stop();
  });

  it("logs a failed run and carries on, as a retried invocation would", async () => {
    const lines: string[] = [];
    let attempts = 0;
    const scheduler = createScheduler({
      jobs: [job("flaky")],
      loadHandler: async () => async () => {
        attempts++;
        if (attempts === 1) throw new Error("table busy");
        return { expired: 1 };
      },
      intervalMs: () => 60_000,
      log: (line) => lines.push(line),
    });
    await scheduler.runNow();
    await scheduler.runNow();
    expect(lines).toEqual(["scheduled job flaky failed: table busy"]);
    expect(attempts).toBe(2);
    await scheduler.stop();
  });

  it("runs on its interval until stopped", async () => {
    vi.useFakeTimers();
    try {
      let runs = 0;
      const scheduler = createScheduler({
        jobs: [job("tick")],
        loadHandler: async () => async () => {
          runs++;
        },
        intervalMs: () => 1_000,
        log: () => undefined,
      });
      scheduler.start();
      await vi.advanceTimersByTimeAsync(3_500);
      expect(runs).toBe(3);
      await scheduler.stop();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(runs).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
