import type { UserActor } from "@linkwork/core/actor";
import { Role } from "@linkwork/core/user/role";
import { Unauthenticated } from "@linkwork/core/util/errors";
import { createRemoteJWKSet, errors, jwtVerify } from "jose";
import { z } from "zod";

export const AuthEnvironment = z.object({
  JWT_ISSUER: z.string().min(1),
  JWT_AUDIENCE: z.string().min(1),
  JWKS_URL: z.url(),
});

export interface AuthConfig {
  issuer: string;
  audience: string;
  jwksUrl: string;
}

/** Only RS256, as Cognito signs; `none`, HMAC and anything else are refused before any key is used. */
export const allowedAlgorithms = ["RS256"];

/** The claims of a Cognito ID token (and of the local dev issuer, which signs the same ones). */
const IdTokenClaims = z.object({
  sub: z.string().min(1),
  email: z.string().min(1),
  name: z.string().optional(),
  token_use: z.literal("id"),
  "cognito:groups": z.array(z.string()).default([]),
  "custom:organisation_id": z.string().min(1),
});

export type TokenVerifier = (token: string) => Promise<UserActor>;

export function authConfigFromEnvironment(environment: NodeJS.ProcessEnv = process.env): AuthConfig {
  const parsed = AuthEnvironment.parse(environment);
  return { issuer: parsed.JWT_ISSUER, audience: parsed.JWT_AUDIENCE, jwksUrl: parsed.JWKS_URL };
}

export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  const keys = createRemoteJWKSet(new URL(config.jwksUrl), { cacheMaxAge: 10 * 60 * 1000 });
  return async (token) => {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: allowedAlgorithms,
        requiredClaims: ["exp", "iat", "sub"],
      }));
    } catch (error) {
      throw Unauthenticated(describeFailure(error));
    }
    const claims = IdTokenClaims.safeParse(payload);
    if (!claims.success) throw Unauthenticated("The token does not carry a Linkwork identity");
    const roles = claims.data["cognito:groups"].flatMap((group) => {
      const role = Role.safeParse(group);
      return role.success ? [role.data] : [];
    });
    return {
      type: "user",
      userId: claims.data.sub,
      email: claims.data.email,
      name: claims.data.name ?? claims.data.email,
      roles,
      organisationId: claims.data["custom:organisation_id"],
    };
  };
}

function describeFailure(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "Your session has expired; sign in again";
  if (error instanceof errors.JWTClaimValidationFailed)
    return `The token's ${error.claim} claim is not accepted`;
  if (error instanceof errors.JOSEAlgNotAllowed) return "The token's signing algorithm is not accepted";
  return "The token could not be verified";
}
