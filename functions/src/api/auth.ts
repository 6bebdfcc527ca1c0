import type { UserActor } from "@linkwork/core/actor";
import type { UserDirectory } from "@linkwork/core/user/directory";
import { Unauthenticated } from "@linkwork/core/util/errors";
import { createRemoteJWKSet, errors, jwtVerify } from "jose";
import * as z from "zod";

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

/**
 * The oldest token accepted, counted from its `iat`, whatever its `exp` says: a stolen or
 * long-lived token stops working within a working day.
 */
export const maximumTokenAgeSeconds = 12 * 60 * 60;

/**
 * How far the issuer's clock may run ahead of ours before an `iat` or `nbf` counts as in the
 * future (jose applies the same leeway to `exp`).
 */
export const clockToleranceSeconds = 30;

/** A compact JWS: three base64url segments, the last (the signature) possibly empty. */
const compactJws = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * The token of an `Authorization: Bearer <token>` header, and nothing else: a second space,
 * anything after the token, or a token that is not three segments is refused, never ignored.
 */
export function bearerToken(header: string | undefined): string {
  const [scheme, ...rest] = (header ?? "").split(" ");
  if (scheme?.toLowerCase() !== "bearer") throw Unauthenticated();
  const token = rest.length === 1 ? rest[0] : undefined;
  if (!token || !compactJws.test(token)) {
    throw Unauthenticated(
      'The token could not be verified: send "Authorization: Bearer <token>" and nothing more',
    );
  }
  return token;
}

/**
 * What is read from a Cognito ID token (and from the local dev issuer's, which signs the same
 * claims): only who it is. Groups and organisation claims are ignored; the user record decides.
 */
const IdTokenClaims = z.object({
  sub: z.string().min(1).max(64),
  token_use: z.literal("id"),
});

export type TokenVerifier = (token: string) => Promise<UserActor>;

export function authConfigFromEnvironment(environment: NodeJS.ProcessEnv = process.env): AuthConfig {
  const parsed = AuthEnvironment.parse(environment);
  return { issuer: parsed.JWT_ISSUER, audience: parsed.JWT_AUDIENCE, jwksUrl: parsed.JWKS_URL };
}

/**
 * Verifies the token (RS256 only, issuer, audience, expiry, age, no `iat` or `nbf` in the future),
 * then loads the user its `sub` names: roles, organisation and name come from the user record,
 * and an unknown or deactivated user is refused.
 */
export function createTokenVerifier(config: AuthConfig, users: UserDirectory): TokenVerifier {
  const keys = createRemoteJWKSet(new URL(config.jwksUrl), { cacheMaxAge: 10 * 60 * 1000 });
  return async (token) => {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: allowedAlgorithms,
        requiredClaims: ["exp", "iat", "sub"],
        maxTokenAge: maximumTokenAgeSeconds,
        clockTolerance: clockToleranceSeconds,
      }));
    } catch (error) {
      throw Unauthenticated(describeFailure(error));
    }
    const claims = IdTokenClaims.safeParse(payload);
    if (!claims.success) throw Unauthenticated("The token does not carry a Linkwork identity");
    const found = await users.lookUp(claims.data.sub);
    switch (found.status) {
      case "active":
        return found.actor;
      case "inactive":
        throw Unauthenticated("Your Linkwork account has been deactivated");
      case "unknown":
        throw Unauthenticated("You do not have a Linkwork account");
    }
  };
}

function describeFailure(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "Your session has expired; sign in again";
  if (error instanceof errors.JWTClaimValidationFailed)
    return `The token's ${error.claim} claim is not accepted`;
  if (error instanceof errors.JOSEAlgNotAllowed) return "The token's signing algorithm is not accepted";
  return "The token could not be verified";
}
