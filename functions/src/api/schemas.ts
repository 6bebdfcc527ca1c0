import { z } from "zod";

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

export const ReferralIdParam = z.object({
  id: z
    .string()
    .min(1)
    .meta({ param: { name: "id", in: "path" }, example: "ref_01jd8k2m3n4p5q6r7s8t9v0w1x" }),
});
