import type { ApiEnv } from "./env";
import type { OpenApiRoutes } from "./openapi-routes";
import { actionRoutes } from "./routes/actions";
import { caseworkRoutes } from "./routes/casework";
import { escalationRoutes } from "./routes/escalations";
import { linkWorkerRoutes } from "./routes/link-workers";
import { liveRoutes } from "./routes/live";
import { mdtRoutes } from "./routes/mdts";
import { meRoutes } from "./routes/me";
import { measureRoutes } from "./routes/measures";
import { meetingOutcomeRoutes } from "./routes/meeting-outcomes";
import { meetingRoutes } from "./routes/meetings";
import { messageBackRoutes } from "./routes/message-back";
import { organisationRoutes } from "./routes/organisations";
import { peopleRoutes } from "./routes/people";
import { personMatchRoutes } from "./routes/person-matches";
import { referralActionRoutes } from "./routes/referral-actions";
import { referralRoutes } from "./routes/referrals";
import { searchRoutes } from "./routes/search";
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
  caseworkRoutes,
  measureRoutes,
  messageBackRoutes,
  escalationRoutes,
  linkWorkerRoutes,
  selfReferralRoutes,
  settingsRoutes,
  personMatchRoutes,
  peopleRoutes,
  mdtRoutes,
  meetingRoutes,
  meetingOutcomeRoutes,
  actionRoutes,
  liveRoutes,
  searchRoutes,
];
