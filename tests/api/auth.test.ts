import { createDevIssuer } from "@linkwork/local/dev-issuer";
import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { people } from "../support/builders";

let api: ApiHarness;
beforeAll(async () => {
  api = await createApiHarness();
});
afterAll(() => api.close());

const claims = {
  email: people.gp.email,
  name: people.gp.name,
  token_use: "id",
  "cognito:groups": people.gp.roles,
  "custom:organisation_id": people.gp.organisationId,
};

function base64url(value: unknown) {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

async function tokenSignedWith(
  key: CryptoKey | Uint8Array,
  alg: string,
  overrides: Record<string, unknown> = {},
) {
  return new SignJWT({ ...claims, ...overrides })
    .setProtectedHeader({ alg })
    .setSubject(people.gp.userId)
    .setIssuer(api.issuer.issuer)
    .setAudience(api.issuer.audience)
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(key);
}

describe("signing in to the API", () => {
  it("lets anyone check health and read the OpenAPI document", async () => {
    expect((await api.call("GET", "/api/health")).body).toEqual({ status: "ok" });
    const openapi = await api.call("GET", "/api/openapi.json");
    expect(openapi.status).toBe(200);
    expect(openapi.body.openapi).toBe("3.1.0");
  });

  it("tells a signed-in user who they are", async () => {
    const response = await api.call("GET", "/api/me", { as: people.gp });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: people.gp.userId,
      email: people.gp.email,
      name: people.gp.name,
      roles: people.gp.roles,
      organisationId: people.gp.organisationId,
    });
  });

  const refusals: [string, () => Promise<Record<string, string>>, RegExp][] = [
    ["no token", async () => ({}), /sign in/i],
    ["a scheme other than Bearer", async () => ({ authorization: `Basic ${btoa("gp:secret")}` }), /sign in/i],
    [
      "a token that is not a JWT",
      async () => ({ authorization: "Bearer not-a-token" }),
      /could not be verified/,
    ],
    [
      "an expired token",
      async () => ({
        authorization: `Bearer ${await api.issuer.sign(people.gp, { expiresInSeconds: -60 })}`,
      }),
      /expired/,
    ],
    [
      "a token signed by another key",
      async () => {
        const { privateKey } = await generateKeyPair("RS256");
        return { authorization: `Bearer ${await tokenSignedWith(privateKey, "RS256")}` };
      },
      /could not be verified/,
    ],
    [
      "an unsigned token (alg none)",
      async () => {
        const now = Math.floor(Date.now() / 1000);
        const payload = {
          ...claims,
          sub: people.gp.userId,
          iss: api.issuer.issuer,
          aud: api.issuer.audience,
          iat: now,
          exp: now + 3600,
        };
        return { authorization: `Bearer ${base64url({ alg: "none", typ: "JWT" })}.${base64url(payload)}.` };
      },
      /algorithm is not accepted/,
    ],
    [
      "a token signed with HMAC using the public key as the secret",
      async () => {
        const secret = new TextEncoder().encode(JSON.stringify(api.issuer.jwks().keys[0]));
        return { authorization: `Bearer ${await tokenSignedWith(secret, "HS256")}` };
      },
      /algorithm is not accepted/,
    ],
    [
      "a token for another audience, signed with the right key",
      async () => {
        const other = await createDevIssuer({
          issuer: api.issuer.issuer,
          audience: "someone-else",
          keyFile: api.keyFile,
        });
        return { authorization: `Bearer ${await other.sign(people.gp)}` };
      },
      /aud claim/,
    ],
    [
      "a token from another issuer, signed with the right key",
      async () => {
        const other = await createDevIssuer({
          issuer: "https://elsewhere.example/auth",
          keyFile: api.keyFile,
        });
        return { authorization: `Bearer ${await other.sign(people.gp)}` };
      },
      /iss claim/,
    ],
  ];

  it.each(refusals)("refuses %s with 401", async (_name, headersFor, reason) => {
    const response = await api.call("GET", "/api/me", { headers: await headersFor() });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("unauthenticated");
    expect(response.body.error.message).toMatch(reason);
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
  });
});
