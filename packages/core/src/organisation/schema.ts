import * as z from "zod";

export const OrganisationKind = z.enum(["pcn", "vcs", "council", "gp_practice", "hub", "other"]);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const OrganisationSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: OrganisationKind,
    odsCode: z.string().optional(),
    acceptsReferrals: z.boolean(),
    freeCapacity: z.number().int().min(0),
    linkWorkers: z.number().int().min(0),
  })
  .meta({ id: "Organisation" });
export type OrganisationSummary = z.infer<typeof OrganisationSummary>;
