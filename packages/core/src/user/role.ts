import * as z from "zod";

/** What a user may do in Linkwork; one Cognito group each. */
export const Role = z.enum([
  "triage_coordinator",
  "link_worker",
  "org_manager",
  "mdt_member",
  "referrer",
  "commissioner",
  "admin",
]);
export type Role = z.infer<typeof Role>;
