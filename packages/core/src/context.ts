import type { Database } from "./db/database";
import type { Clock } from "./util/clock";

/** What a use case needs from the outside world, passed in so tests can choose each. */
export interface Context {
  db: Database;
  clock: Clock;
  /** The area whose referrals this process works on; the deployment's one area when absent. */
  areaId?: string;
}
