import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { admit, type SlidingWindow } from "../src/rate-limit/domain/sliding-window";

const window = fc.record({
  limit: fc.integer({ min: 1, max: 8 }),
  windowSeconds: fc.integer({ min: 1, max: 3600 }),
});

/** Request times: bursts in the same millisecond, quick repeats, and pauses up to a window and more. */
function requestTimes(settings: SlidingWindow) {
  const windowMs = settings.windowSeconds * 1000;
  return fc
    .array(
      fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 2 * windowMs })),
      { maxLength: 60 },
    )
    .map((gaps) => {
      let at = Date.UTC(2026, 10, 23, 9);
      return gaps.map((gap) => {
        at += gap;
        return at;
      });
    });
}

/** Runs the requests through the limit, keeping the stored log as the database would. */
function replay(settings: SlidingWindow, times: number[]) {
  let log: number[] = [];
  return times.map((at) => {
    const decision = admit(log, at, settings);
    if (decision.admitted) log = decision.log;
    return { at, decision, logAfter: log };
  });
}

const scenario = window.chain((settings) => fc.tuple(fc.constant(settings), requestTimes(settings)));

describe("the sliding-window rate limit", () => {
  it("admits a request exactly when fewer than the limit were admitted in the window ending then", () => {
    fc.assert(
      fc.property(scenario, ([settings, times]) => {
        const admittedSoFar: number[] = [];
        for (const { at, decision } of replay(settings, times)) {
          const inWindow = admittedSoFar.filter((earlier) => earlier > at - settings.windowSeconds * 1000);
          expect(decision.admitted).toBe(inWindow.length < settings.limit);
          if (decision.admitted) admittedSoFar.push(at);
        }
      }),
    );
  });

  it("never lets more than the limit through in any stretch of one window, boundaries included", () => {
    fc.assert(
      fc.property(scenario, ([settings, times]) => {
        const admitted = replay(settings, times)
          .filter((step) => step.decision.admitted)
          .map((step) => step.at);
        for (const start of admitted) {
          const stretch = admitted.filter((at) => at >= start && at < start + settings.windowSeconds * 1000);
          expect(stretch.length).toBeLessThanOrEqual(settings.limit);
        }
      }),
    );
  });

  it("keeps at most the limit's worth of times, so the stored item stays small", () => {
    fc.assert(
      fc.property(scenario, ([settings, times]) => {
        for (const step of replay(settings, times))
          expect(step.logAfter.length).toBeLessThanOrEqual(settings.limit);
      }),
    );
  });

  it("says to retry after exactly the whole seconds until a place frees", () => {
    fc.assert(
      fc.property(scenario, ([settings, times]) => {
        let log: number[] = [];
        for (const at of times) {
          const decision = admit(log, at, settings);
          if (decision.admitted) {
            log = decision.log;
            continue;
          }
          const { retryAfterSeconds } = decision;
          expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
          expect(retryAfterSeconds).toBeLessThanOrEqual(settings.windowSeconds);
          expect(admit(log, at + retryAfterSeconds * 1000, settings).admitted).toBe(true);
          if (retryAfterSeconds > 1) {
            expect(admit(log, at + (retryAfterSeconds - 1) * 1000, settings).admitted).toBe(false);
          }
        }
      }),
    );
  });

  it("refuses a burst straddling where a fixed window would have reset", () => {
    const settings = { limit: 5, windowSeconds: 15 * 60 };
    const boundary = Date.UTC(2026, 10, 23, 9, 15);
    const times = [
      ...Array.from({ length: 5 }, (_, index) => boundary - 60_000 + index * 1_000),
      ...Array.from({ length: 5 }, (_, index) => boundary + index * 1_000),
    ];
    const decisions = replay(settings, times).map((step) => step.decision);
    expect(decisions.map((decision) => decision.admitted)).toEqual([
      ...Array(5).fill(true),
      ...Array(5).fill(false),
    ]);
    // The first of the five leaves the window fifteen minutes after it came: 14 minutes on.
    expect(decisions[5]).toMatchObject({ retryAfterSeconds: 14 * 60 });
  });

  it("counts entries a little ahead of this instance's clock rather than dropping them", () => {
    const settings = { limit: 2, windowSeconds: 60 };
    const now = Date.UTC(2026, 10, 23, 9);
    expect(admit([now + 500, now + 800], now, settings).admitted).toBe(false);
  });
});
