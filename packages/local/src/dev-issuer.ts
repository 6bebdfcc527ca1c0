import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Role } from "@linkwork/core/user/role";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from "jose";

export const devAudience = "linkwork-local";

export interface DevIdentity {
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  organisationId: string;
}

export interface DevIssuer {
  issuer: string;
  audience: string;
  jwks(): { keys: JWK[] };
  /**
   * Signs an ID token with the claims Cognito would put in one. The API reads only `sub` from it
   * (the user record says the rest); the times can be set so tests can make tokens the API refuses.
   */
  sign(identity: DevIdentity, options?: DevSignOptions): Promise<string>;
}

export interface DevSignOptions {
  /** From now; negative for a token that has already expired. */
  expiresInSeconds?: number;
  issuedAt?: Date;
  notBefore?: Date;
}

/**
 * Stands in for Cognito locally: signs ID tokens with a local RSA key and publishes its JWKS, so
 * the API verifies local tokens with exactly the code that verifies Cognito's. Never deployed.
 */
export async function createDevIssuer(options: {
  issuer: string;
  audience?: string;
  keyFile?: string;
}): Promise<DevIssuer> {
  const privateJwk = await loadOrCreateKey(options.keyFile);
  const privateKey = await importJWK(privateJwk, "RS256");
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  const kid = privateJwk.kid as string;
  const audience = options.audience ?? devAudience;
  return {
    issuer: options.issuer,
    audience,
    jwks: () => ({ keys: [{ ...publicJwk, alg: "RS256", use: "sig", kid }] }),
    async sign(identity, signOptions = {}) {
      const now = Math.floor(Date.now() / 1000);
      const token = new SignJWT({
        email: identity.email,
        name: identity.name,
        token_use: "id",
        "cognito:groups": identity.roles,
        "custom:organisation_id": identity.organisationId,
      })
        .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
        .setSubject(identity.userId)
        .setIssuer(options.issuer)
        .setAudience(audience)
        .setIssuedAt(signOptions.issuedAt ?? now)
        .setExpirationTime(now + (signOptions.expiresInSeconds ?? 8 * 60 * 60));
      if (signOptions.notBefore) token.setNotBefore(signOptions.notBefore);
      return token.sign(privateKey);
    },
  };
}

async function loadOrCreateKey(keyFile: string | undefined): Promise<JWK> {
  if (keyFile && existsSync(keyFile)) return JSON.parse(readFileSync(keyFile, "utf8")) as JWK;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  jwk.kid = await calculateJwkThumbprint(jwk);
  if (keyFile) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(jwk), { mode: 0o600 });
  }
  return jwk;
}
