import * as z from "zod";
import { comparedFields } from "./domain/identity-match";
import { PersonDetails } from "./schema";

/** A person record as a triage coordinator sees it, with the version a change must name. */
export const PersonRecord = z
  .object({
    id: z.string(),
    version: z.number().int().min(1),
    nhsNumber: z.string().optional(),
    details: PersonDetails,
    openReferralIds: z.array(z.string()).meta({ description: "The person's referrals still open" }),
    mergedInto: z
      .string()
      .optional()
      .meta({ description: "Set when this record was found to be someone already known: the record kept" }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "PersonRecord" });
export type PersonRecord = z.infer<typeof PersonRecord>;

/** The NHS number is not changed here: it ties the record to the person, and moves only by a confirmed match. */
const ChangeableDetails = PersonDetails.omit({ nhsNumber: true }).partial().strict();

export const PersonUpdateRequest = z
  .object({
    version: z
      .number({ error: "Send the version of the person's record you are changing" })
      .int()
      .min(1)
      .meta({ description: "The person record's version when you loaded it" }),
    details: ChangeableDetails.refine(
      (details) => Object.keys(details).length > 0,
      "Change at least one detail",
    ),
  })
  .meta({ id: "PersonUpdateRequest" });
export type PersonUpdateRequest = z.infer<typeof PersonUpdateRequest>;

/** A possible match with the existing person's details beside it, for the coordinator to decide. */
export const PersonMatch = z
  .object({
    referralId: z.string(),
    status: z.enum(["pending", "confirmed", "split"]),
    basis: z.enum(["nhs_number", "identity"]),
    differences: z.array(z.enum(comparedFields)),
    candidate: z
      .object({
        personId: z.string(),
        nhsNumber: z.string().optional(),
        givenName: z.string(),
        familyName: z.string(),
        dateOfBirth: z.string(),
        postcode: z.string(),
        phone: z.string().optional(),
        email: z.string().optional(),
        openReferrals: z.number().int().min(0).meta({ description: "How many referrals they have open" }),
      })
      .meta({ description: "The existing person's record, as it is stored" }),
    resolvedAt: z.iso.datetime().optional(),
    resolvedBy: z.string().optional(),
  })
  .meta({ id: "PersonMatch" });
export type PersonMatch = z.infer<typeof PersonMatch>;
