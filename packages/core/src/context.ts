import type { Database } from "./db/database";
import type { Clock } from "./util/clock";

/** What a use case needs from the outside world, passed in so tests can choose each. */
export interface Context {
  db: Database;
  clock: Clock;
}
