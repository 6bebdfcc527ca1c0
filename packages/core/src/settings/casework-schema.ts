import * as z from "zod";
import { wellbeingMeasureTools } from "../casework/vocabulary";

export const WellbeingMeasureTool = z.enum(wellbeingMeasureTools, {
  error: "Choose measures from SWEMWBS (swemwbs) and ONS4 (ons4)",
});

/** The area's casework choices, as an admin sets them. */
export const CaseworkSettingsRequest = z
  .object({
    version: z
      .number({ error: "Send the settings' version when you loaded them (0 while the defaults apply)" })
      .int()
      .min(0, "Send the settings' version when you loaded them (0 while the defaults apply)"),
    measures: z
      .array(WellbeingMeasureTool, { error: "Choose at least one wellbeing measure" })
      .min(1, "Choose at least one wellbeing measure")
      .refine((tools) => new Set(tools).size === tools.length, "Each measure may be chosen once"),
    unableToContactAfterAttempts: z
      .number({ error: "Enter the number of failed attempts as a whole number from 1 to 10" })
      .int("Enter the number of failed attempts as a whole number from 1 to 10")
      .min(1, "Prompt after at least 1 failed attempt")
      .max(10, "Prompt after at most 10 failed attempts"),
  })
  .meta({ id: "CaseworkSettingsRequest" });
export type CaseworkSettingsRequest = z.infer<typeof CaseworkSettingsRequest>;

export const CaseworkSettings = z
  .object({
    version: z.number().int().meta({ description: "0 while the defaults apply" }),
    measures: z.array(WellbeingMeasureTool).meta({ description: "The wellbeing measures the area records" }),
    unableToContactAfterAttempts: z.number().int().meta({
      description:
        "After this many consecutive failed attempts the worker is prompted to close as unable to contact",
    }),
    updatedAt: z.iso.datetime().optional(),
  })
  .meta({ id: "CaseworkSettings" });
export type CaseworkSettings = z.infer<typeof CaseworkSettings>;
