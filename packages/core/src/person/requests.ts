import * as z from "zod";
import { isJsonObject } from "../util/validation";
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

const detailSchemas: Record<string, z.ZodType> = PersonDetails.shape;

type OptionalDetail = {
  [Name in keyof PersonDetails]-?: undefined extends PersonDetails[Name] ? Name : never;
}[keyof PersonDetails];
/** A detail a record may be without: any optional one but the NHS number. */
export type RemovableDetail = Exclude<OptionalDetail, "nhsNumber">;

export const removableDetails = Object.keys(PersonDetails.shape).filter(
  (name): name is RemovableDetail =>
    name !== "nhsNumber" && detailSchemas[name]?.safeParse(undefined).success === true,
);

function whyNotRemovable(name: unknown): string {
  if (name === "nhsNumber")
    return "The NHS number cannot be removed: it moves only when a match is confirmed";
  if (typeof name === "string" && name in detailSchemas)
    return `${name} cannot be removed: every person's record needs it. Correct it in details instead`;
  return `${String(name)} is not a detail that can be removed; removable: ${removableDetails.join(", ")}`;
}

const RemovableDetail = z.enum(removableDetails, {
  error: (issue) => whyNotRemovable(issue.input),
});

export const PersonUpdateRequest = z
  .object({
    version: z
      .number({ error: "Send the version of the person's record you are changing" })
      .int()
      .min(1)
      .meta({ description: "The person record's version when you loaded it" }),
    details: ChangeableDetails.default({}).meta({
      description: "Details to set; any detail left out keeps its stored value",
    }),
    remove: z
      .array(RemovableDetail, { error: 'List the details to remove, like ["phone", "email"]' })
      .optional()
      .meta({
        description:
          "Optional details to remove from the stored record, such as a phone number or email address that is no longer the person's; a detail cannot be both set and removed",
      }),
  })
  .superRefine(
    (request, context) => {
      const details: Record<string, unknown> = isJsonObject(request.details) ? request.details : {};
      const remove: unknown[] = Array.isArray(request.remove) ? request.remove : [];
      remove.forEach((name, index) => {
        if (typeof name !== "string" || !Object.hasOwn(details, name)) return;
        context.addIssue({
          code: "custom",
          path: ["remove", index],
          message: `${name} is both set in details and removed: send it in one of them`,
        });
      });
    },
    {
      // Checked alongside any other problems, so one round trip reports them all; the raw input may be any JSON.
      when: ({ value }) => isJsonObject(value),
    },
  )
  .refine((request) => Object.keys(request.details).length > 0 || (request.remove ?? []).length > 0, {
    path: ["details"],
    message: "Change at least one detail",
  })
  .meta({ id: "PersonUpdateRequest" });
export type PersonUpdateRequest = z.infer<typeof PersonUpdateRequest>;
/** A correction as a client sends it, before defaults and normalising. */
export type PersonUpdateInput = z.input<typeof PersonUpdateRequest>;

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
