import { idPattern } from "@linkwork/core/util/id";
import * as z from "zod";

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      currentVersion: z.number().int().optional(),
    }),
  })
  .meta({ id: "Error" });

const errorContent = { "application/json": { schema: ErrorResponse } };

export const errorResponses = {
  400: { description: "The request is not valid; every problem is listed", content: errorContent },
  401: { description: "Missing or invalid token", content: errorContent },
  403: { description: "The caller's role may never do this", content: errorContent },
  404: { description: "Not found, or outside the caller's relationships", content: errorContent },
  409: { description: "Conflict with the current state", content: errorContent },
  429: { description: "Too many requests from this caller; try again later", content: errorContent },
} as const;

export function json<Schema extends z.ZodType>(schema: Schema, description: string) {
  return { description, content: { "application/json": { schema } } };
}

/**
 * The longest id the API takes, far below DynamoDB's key limits (2048 bytes for a partition key,
 * 1024 for a sort key), so no id a client sends can fail at the database.
 */
const idMaxLength = 64;

/** An id exactly as `createId` makes them, so a malformed one is refused before any lookup. */
function createdId(
  kind: "referral" | "person" | "mdt" | "meeting" | "agendaItem" | "action",
  example: string,
  label: string = kind,
) {
  return z
    .string({ error: `Give the ${label}'s id` })
    .max(idMaxLength, { error: `A ${label} id is ${example.length} characters long`, abort: true })
    .regex(
      idPattern(kind),
      `A ${label} id is ${example.split("_")[0]}_ and 26 letters and digits, like ${example}`,
    )
    .meta({ example });
}

export const ReferralId = createdId("referral", "ref_01jd8k2m3n4p5q6r7s8t9v0w1x");
export const PersonId = createdId("person", "per_01jd8k2m3n4p5q6r7s8t9v0w1x");
export const MdtId = createdId("mdt", "mdt_01jd8k2m3n4p5q6r7s8t9v0w1x", "MDT");
export const MeetingId = createdId("meeting", "mtg_01jd8k2m3n4p5q6r7s8t9v0w1x");
export const ItemId = createdId("agendaItem", "itm_01jd8k2m3n4p5q6r7s8t9v0w1x", "agenda item");
export const ActionId = createdId("action", "act_01jd8k2m3n4p5q6r7s8t9v0w1x");

/**
 * Users' and organisations' ids are not all made by `createId` (Cognito names users by a UUID;
 * the seeded organisations have readable ids), so they are held to a safe alphabet and length.
 */
function storedId(label: string, example: string) {
  return z
    .string({ error: `Give ${label.toLowerCase()}` })
    .max(idMaxLength, { error: `${label} is at most ${idMaxLength} characters long`, abort: true })
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, `${label} is letters, digits, - and _, like ${example}`)
    .meta({ example });
}

export const OrganisationId = storedId("An organisation id", "org_community_connect");
export const UserId = storedId("A user id", "usr_worker_vcs");

export const ReferralIdParam = z.object({ id: ReferralId.meta({ param: { name: "id", in: "path" } }) });
export const OrganisationIdParam = z.object({
  organisationId: OrganisationId.meta({ param: { name: "organisationId", in: "path" } }),
});
export const UserIdParam = z.object({ userId: UserId.meta({ param: { name: "userId", in: "path" } }) });
export const PersonIdParam = z.object({
  personId: PersonId.meta({ param: { name: "personId", in: "path" } }),
});
export const MdtIdParam = z.object({ mdtId: MdtId.meta({ param: { name: "mdtId", in: "path" } }) });
export const MeetingIdParam = z.object({
  meetingId: MeetingId.meta({ param: { name: "meetingId", in: "path" } }),
});
export const MeetingItemParams = z.object({
  meetingId: MeetingId.meta({ param: { name: "meetingId", in: "path" } }),
  itemId: ItemId.meta({ param: { name: "itemId", in: "path" } }),
});
export const ActionIdParam = z.object({
  actionId: ActionId.meta({ param: { name: "actionId", in: "path" } }),
});
