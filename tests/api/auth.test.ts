import { createUserDirectory, userRecordCacheSeconds } from "@linkwork/core/user/directory";
import { saveUser } from "@linkwork/core/user/save";
import { createDevIssuer, type DevIdentity } from "@linkwork/local/dev-issuer";
import { generateKeyPair, SignJWT } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { people } from "../support/builders";
import { addUsers } from "../support/world";

let api: ApiHarness;
beforeAll(async () => {
  api = await createApiHarness();
  await addUsers(api.context, [people.gp]);
});
afterAll(() => api.close());
afterEach(() => {
  vi.useRealTimers();
});

const hours = (count: number) => count * 60 * 60 * 1000;

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
      mdtIds: [],
    });
  });

  const tokenOf = () => api.issuer.sign(people.gp);
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
    [
      "a token older than the maximum age, though not expired",
      async () => ({
        authorization: `Bearer ${await api.issuer.sign(people.gp, {
          issuedAt: new Date(Date.now() - hours(13)),
          expiresInSeconds: 60 * 60,
        })}`,
      }),
      /expired/,
    ],
    [
      "a token issued in the future",
      async () => ({
        authorization: `Bearer ${await api.issuer.sign(people.gp, { issuedAt: new Date(Date.now() + 5 * 60_000) })}`,
      }),
      /iat claim/,
    ],
    [
      "a token not valid until later (nbf in the future)",
      async () => ({
        authorization: `Bearer ${await api.issuer.sign(people.gp, { notBefore: new Date(Date.now() + 5 * 60_000) })}`,
      }),
      /nbf claim/,
    ],
    [
      "a valid token followed by junk",
      async () => ({ authorization: `Bearer ${await tokenOf()} extra` }),
      /Bearer <token>/,
    ],
    [
      "two spaces before a valid token",
      async () => ({ authorization: `Bearer  ${await tokenOf()}` }),
      /Bearer <token>/,
    ],
    [
      "a valid token with an extra segment",
      async () => ({ authorization: `Bearer ${await tokenOf()}.e30` }),
      /Bearer <token>/,
    ],
    ["a valid token without the Bearer scheme", async () => ({ authorization: await tokenOf() }), /sign in/i],
    [
      "a valid token for someone without a Linkwork account",
      async () => ({
        authorization: `Bearer ${await api.issuer.sign({ ...people.gp, userId: "usr_never_added", email: "nobody@linkwork.test" })}`,
      }),
      /do not have a Linkwork account/,
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

describe("who a token's holder is comes from their user record", () => {
  it("gives a token claiming admin powers only the powers of the referrer its user is", async () => {
    const forged: DevIdentity = {
      ...people.gp,
      name: "Someone Else",
      roles: ["admin", "triage_coordinator"],
      organisationId: "org_hub",
    };
    const me = await api.call("GET", "/api/me", { as: forged });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      name: people.gp.name,
      roles: people.gp.roles,
      organisationId: "org_riverside",
    });
    const settings = await api.call("GET", "/api/settings/service-levels", { as: forged });
    expect(settings.status).toBe(403);
  });

  it("lets someone in as soon as their record exists, though they were refused a moment before", async () => {
    const newcomer = { ...people.otherGp, userId: "usr_newcomer", email: "newcomer@linkwork.test" };
    const token = await api.issuer.sign(newcomer);
    expect((await api.call("GET", "/api/me", { token })).status).toBe(401);
    await saveUser(api.context, { ...newcomer, active: true });
    const me = await api.call("GET", "/api/me", { token });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe("usr_newcomer");
  });

  it("refuses a deactivated user once the cache window has passed, though their token has not expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const leaver = { ...people.otherGp, userId: "usr_leaver", email: "leaver@linkwork.test" };
    await saveUser(api.context, leaver);
    const token = await api.issuer.sign(leaver);
    expect((await api.call("GET", "/api/me", { token })).status).toBe(200);

    await saveUser(api.context, { ...leaver, active: false });
    vi.setSystemTime(Date.now() + (userRecordCacheSeconds + 1) * 1000);

    const refused = await api.call("GET", "/api/me", { token });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({
      code: "unauthenticated",
      message: expect.stringMatching(/deactivated/),
    });
  });

  it("follows a change of roles and organisation once the cache window has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const mover = { ...people.otherGp, userId: "usr_mover", email: "mover@linkwork.test" };
    await saveUser(api.context, mover);
    const token = await api.issuer.sign(mover);
    expect((await api.call("GET", "/api/me", { token })).body.roles).toEqual(["referrer"]);

    await saveUser(api.context, { ...mover, roles: ["commissioner"], organisationId: "org_council" });
    vi.setSystemTime(Date.now() + (userRecordCacheSeconds + 1) * 1000);

    expect((await api.call("GET", "/api/me", { token })).body).toMatchObject({
      roles: ["commissioner"],
      organisationId: "org_council",
    });
  });
});

describe("the per-container user directory", () => {
  it("keeps a record for the cache window on the context's clock, then reads it again", async () => {
    const directory = createUserDirectory(api.context);
    const locum = { ...people.otherGp, userId: "usr_locum", email: "locum@linkwork.test" };
    await saveUser(api.context, locum);
    expect((await directory.lookUp(locum.userId)).status).toBe("active");

    await saveUser(api.context, { ...locum, active: false });
    api.clock.set(new Date(api.clock.now().getTime() + (userRecordCacheSeconds - 1) * 1000));
    expect((await directory.lookUp(locum.userId)).status).toBe("active");
    api.clock.set(new Date(api.clock.now().getTime() + 2000));
    expect((await directory.lookUp(locum.userId)).status).toBe("inactive");
  });
});
