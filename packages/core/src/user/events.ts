// zod/mini, not classic zod: the relay and every subscriber parse events, and stay small.
import * as z from "zod/mini";

/**
 * Events about a member of staff's work settings. A change of a link worker's caseload limit
 * changes the free places every MDT board shows, so it is published like any other change.
 */
export const userEvents = {
  "user.capacity_changed": z.object({
    organisationId: z.string(),
    caseloadLimit: z.int(),
    previousCaseloadLimit: z.optional(z.int()),
  }),
};
