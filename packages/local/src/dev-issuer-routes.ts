import type { Context } from "@linkwork/core/context";
import { findUserByEmail } from "@linkwork/core/user/find";
import type { Role } from "@linkwork/core/user/role";
import { Hono } from "hono";
import { z } from "zod";
import type { DevIssuer } from "./dev-issuer";

const TokenRequest = z.object({ email: z.email() });

export interface DevUser {
  email: string;
  name: string;
  roles: Role[];
  organisationName: string;
}

/** The order the sign-in page offers people in: the referral's journey, then everyone else. */
const roleOrder: readonly Role[] = [
  "referrer",
  "triage_coordinator",
  "org_manager",
  "link_worker",
  "mdt_member",
  "commissioner",
  "admin",
];

const rank = (user: DevUser) =>
  Math.min(
    ...user.roles.map((role) => roleOrder.indexOf(role)).filter((index) => index >= 0),
    roleOrder.length,
  );

/** Every active user, organisation by organisation, with the organisation's name for the sign-in page. */
async function listDevUsers(context: Context): Promise<DevUser[]> {
  const { organisation, user } = context.db.entities;
  const organisations = await organisation.query.all({}).go({ pages: "all" });
  const members = await Promise.all(
    organisations.data.map(async (item) => {
      const found = await user.query
        .byOrganisation({ organisationId: item.organisationId })
        .go({ pages: "all" });
      return found.data
        .filter((member) => member.active)
        .map((member) => ({
          email: member.email,
          name: member.name,
          roles: member.roles,
          organisationName: item.name,
        }));
    }),
  );
  return members
    .flat()
    .sort(
      (left, right) =>
        rank(left) - rank(right) ||
        left.organisationName.localeCompare(right.organisationName) ||
        left.email.localeCompare(right.email),
    );
}

/**
 * GET /auth/dev/users, POST /auth/dev/token and GET /auth/dev/jwks.json: local sign-in as any
 * seeded user. The local runtime alone serves these; nothing like them is deployed.
 */
export function devIssuerRoutes(issuer: DevIssuer, context: Context) {
  return new Hono()
    .get("/auth/dev/jwks.json", (c) => c.json(issuer.jwks()))
    .get("/auth/dev/users", async (c) => c.json({ items: await listDevUsers(context) }))
    .post("/auth/dev/token", async (c) => {
      const body = TokenRequest.safeParse(await c.req.json().catch(() => undefined));
      if (!body.success) {
        const message = 'Send { "email": "..." } with the email of a demo user';
        return c.json(
          { error: { code: "validation_failed", message, details: [{ path: "email", message }] } },
          400,
        );
      }
      const user = await findUserByEmail(context, body.data.email);
      if (!user) {
        return c.json(
          { error: { code: "not_found", message: `No active user has the email ${body.data.email}` } },
          404,
        );
      }
      const token = await issuer.sign({
        userId: user.userId,
        email: user.email,
        name: user.name,
        roles: user.roles,
        organisationId: user.organisationId,
      });
      return c.json({ token });
    });
}
