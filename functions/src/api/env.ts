import type { UserActor } from "@linkwork/core/actor";
import type { Context } from "@linkwork/core/context";

/** What every route handler finds on the Hono context. */
export interface ApiEnv {
  Variables: {
    context: Context;
    user: UserActor;
  };
}
