const firstDelayMilliseconds = 500;
const longestDelayMilliseconds = 30_000;

/**
 * How long to wait before the next attempt to reconnect: doubling from half a second up to thirty,
 * with up to a fifth added at random so a room of boards does not reconnect in step after an outage.
 */
export function reconnectDelay(failedAttempts: number, random: () => number = Math.random): number {
  const base = Math.min(longestDelayMilliseconds, firstDelayMilliseconds * 2 ** Math.max(0, failedAttempts));
  return Math.round(base * (1 + random() / 5));
}
