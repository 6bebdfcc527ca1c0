import type { ApiEnv } from "./env";
import type { OpenApiRoutes } from "./openapi-routes";
import { linkWorkerRoutes } from "./routes/link-workers";
import { meRoutes } from "./routes/me";
import { organisationRoutes } from "./routes/organisations";
import { peopleRoutes } from "./routes/people";
import { personMatchRoutes } from "./routes/person-matches";
import { referralActionRoutes } from "./routes/referral-actions";
import { referralRoutes } from "./routes/referrals";
import { selfReferralRoutes } from "./routes/self-referrals";
import { settingsRoutes } from "./routes/settings";
import { systemRoutes } from "./routes/system";

/** Every route of the API, in the order they are matched and documented. */
export const apiRoutes: OpenApiRoutes<ApiEnv>[] = [
  systemRoutes,
  meRoutes,
  organisationRoutes,
  referralRoutes,
  referralActionRoutes,
  linkWorkerRoutes,
  selfReferralRoutes,
  settingsRoutes,
  personMatchRoutes,
  peopleRoutes,
];
