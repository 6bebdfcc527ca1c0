import * as z from "zod";
import { isValidNhsNumber, normaliseNhsNumber } from "./domain/nhs-number";
import { normalisePostcode } from "./domain/postcode";

export const NhsNumber = z
  .string({ error: "NHS number must be 10 digits" })
  .transform(normaliseNhsNumber)
  .refine((value) => /^\d{10}$/.test(value), "NHS number must be 10 digits")
  .refine(isValidNhsNumber, "NHS number is not valid (the check digit does not match)")
  .meta({ description: "10-digit NHS number; spaces are ignored", example: "9434765919" });

export const Postcode = z
  .string({ error: "Enter the person's postcode" })
  .transform((value, context) => {
    const postcode = normalisePostcode(value);
    if (!postcode) {
      context.addIssue({ code: "custom", message: "Enter a full UK postcode, like NS1 4AB" });
      return z.NEVER;
    }
    return postcode;
  })
  .meta({ example: "NS1 4AB" });

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const DateOfBirth = z
  .string({ error: "Enter the person's date of birth" })
  .regex(isoDate, "Date of birth must be a date like 1950-07-31")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "Date of birth is not a real date")
  .refine((value) => new Date(`${value}T00:00:00Z`) <= new Date(), "Date of birth cannot be in the future")
  .refine(
    (value) => new Date(`${value}T00:00:00Z`).getUTCFullYear() >= new Date().getUTCFullYear() - 130,
    "Date of birth is more than 130 years ago",
  )
  .meta({ example: "1948-03-14" });

export const Gender = z.enum(["female", "male", "non_binary", "other", "not_known", "not_stated"]);
export type Gender = z.infer<typeof Gender>;

/** NHS Data Dictionary ethnic category codes (2001 census categories). */
export const ethnicCategories = {
  A: "White - British",
  B: "White - Irish",
  C: "White - Any other White background",
  D: "Mixed - White and Black Caribbean",
  E: "Mixed - White and Black African",
  F: "Mixed - White and Asian",
  G: "Mixed - Any other mixed background",
  H: "Asian or Asian British - Indian",
  J: "Asian or Asian British - Pakistani",
  K: "Asian or Asian British - Bangladeshi",
  L: "Asian or Asian British - Any other Asian background",
  M: "Black or Black British - Caribbean",
  N: "Black or Black British - African",
  P: "Black or Black British - Any other Black background",
  R: "Other ethnic groups - Chinese",
  S: "Other ethnic groups - Any other ethnic group",
  Z: "Not stated",
} as const;
export const Ethnicity = z.enum(Object.keys(ethnicCategories) as [keyof typeof ethnicCategories]);

export const LanguageCode = z
  .string()
  .regex(/^[a-z]{2,3}$/, "Preferred language must be a language code such as en, pl or ur")
  .meta({ description: "ISO 639 language code", example: "en" });

export const ContactMethod = z.enum(["phone", "text", "email", "letter"]);

export const PersonDetails = z
  .object({
    nhsNumber: NhsNumber.optional(),
    givenName: z
      .string({ error: "Enter the person's given name" })
      .trim()
      .min(1, "Enter the person's given name")
      .max(100),
    familyName: z
      .string({ error: "Enter the person's family name" })
      .trim()
      .min(1, "Enter the person's family name")
      .max(100),
    dateOfBirth: DateOfBirth,
    postcode: Postcode,
    addressLine1: z.string().trim().max(200).optional(),
    addressLine2: z.string().trim().max(200).optional(),
    town: z.string().trim().max(100).optional(),
    gender: Gender.optional(),
    ethnicity: Ethnicity.optional(),
    preferredLanguage: LanguageCode.optional(),
    interpreterNeeded: z.boolean().optional(),
    sameSexWorkerRequested: z.boolean().optional(),
    accessibleFormat: z
      .enum(["easy_read", "large_print", "braille", "audio", "bsl"])
      .optional()
      .meta({ description: "Information in an accessible format (Accessible Information Standard)" }),
    communicationNeeds: z.string().trim().max(500).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[\d ()-]{10,20}$/, "Enter a phone number, like 01632 960 001 or 07700 900 982")
      .optional(),
    email: z
      .email("Enter an email address in the correct format, like name@example.com")
      .max(254, "An email address is at most 254 characters long")
      .optional(),
    preferredContactMethod: ContactMethod.optional(),
  })
  .meta({ id: "PersonDetails" });
export type PersonDetails = z.infer<typeof PersonDetails>;
export type PersonDetailsInput = z.input<typeof PersonDetails>;
