import type { Context } from "@linkwork/core/context";
import { findUserByEmail } from "@linkwork/core/user/find";
import { Hono } from "hono";
import { z } from "zod";
import type { DevIssuer } from "./dev-issuer";

const TokenRequest = z.object({ email: z.email() });

/** POST /auth/dev/token and GET /auth/dev/jwks.json: local sign-in as any seeded user. */
export function devIssuerRoutes(issuer: DevIssuer, context: Context) {
  return new Hono()
    .get("/auth/dev/jwks.json", (c) => c.json(issuer.jwks()))
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
