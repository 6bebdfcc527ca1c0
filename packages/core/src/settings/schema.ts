import * as z from "zod";

const workingDays = (what: string) =>
  z
    .number({ error: `Enter the working days allowed for ${what} as a whole number` })
    .int(`Enter the working days allowed for ${what} as a whole number`)
    .min(1, `Allow at least 1 working day for ${what}`)
    .max(30, `Allow at most 30 working days for ${what}`);

/** The area's service-level timers, in working days, and its own closure days. */
export const ServiceLevelSettingsRequest = z
  .object({
    triageWorkingDays: workingDays("triage"),
    acceptanceWorkingDays: workingDays("accepting an allocation"),
    firstContactWorkingDays: workingDays("first contact"),
    urgentFirstContactWorkingDays: workingDays("first contact when urgent"),
    closureDays: z
      .array(z.iso.date("Give closure days as dates like 2026-12-24"))
      .max(60, "List at most 60 closure days")
      .default([]),
    version: z.number().int().min(0).meta({
      description: "The settings' version when you loaded them; 0 while the national defaults apply",
    }),
  })
  .meta({ id: "ServiceLevelSettingsRequest" });
export type ServiceLevelSettingsRequest = z.infer<typeof ServiceLevelSettingsRequest>;

export const ServiceLevelSettingsResponse = z
  .object({
    triageWorkingDays: z.number().int(),
    acceptanceWorkingDays: z.number().int(),
    firstContactWorkingDays: z.number().int(),
    urgentFirstContactWorkingDays: z.number().int(),
    closureDays: z.array(z.string()),
    version: z.number().int(),
    updatedAt: z.string().optional(),
  })
  .meta({ id: "ServiceLevelSettings" });
export type ServiceLevelSettingsResponse = z.infer<typeof ServiceLevelSettingsResponse>;
