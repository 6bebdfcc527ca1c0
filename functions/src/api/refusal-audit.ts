import { auditRefusal } from "@linkwork/core/audit/refusal";
import { type ErrorCode, isAppError } from "@linkwork/core/util/errors";
import { isId } from "@linkwork/core/util/id";
import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "./env";

/** Refusals that may tell someone a person's data exists, or that they tried to change it. */
const refusals = new Set<ErrorCode>([
  "forbidden",
  "not_found",
  "version_conflict",
  "invalid_transition",
  "already_claimed",
  "capacity_reached",
]);

/**
 * Puts every refused request about a referral or a person in the audit trail: a role that may never
 * do it, a record outside the caller's relationships, a stale version. Use cases audit their own
 * refusals; this catches the ones refused before a use case ran (a route's role check), once.
 */
export const auditRefusals = createMiddleware<ApiEnv>(async (c, next) => {
  await next();
  const error = c.error;
  const user = c.get("user");
  if (!user || !isAppError(error) || error.audited || !refusals.has(error.code)) return;
  const subject = subjectOf(c.req.param());
  if (!subject) return;
  await auditRefusal(
    c.get("context"),
    user,
    { action: `${c.req.method} ${c.req.routePath.replace(/^\/api/, "")}`, ...subject },
    error,
  );
});

function subjectOf(params: Record<string, string>) {
  if (params.id && isId("referral", params.id))
    return { subjectType: "referral", subjectId: params.id } as const;
  if (params.personId && isId("person", params.personId))
    return { subjectType: "person", subjectId: params.personId } as const;
  return undefined;
}
