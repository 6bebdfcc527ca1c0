import { Role } from "@linkwork/core/user/role";
import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { Auth, signInCallbackPath } from "../auth";
import { synthesise } from "./support/synthesise";
import { resourcesOfType } from "./support/template";

const productionOrigin = "https://linkwork.example.nhs.uk";

let production: Template;
let development: Template;

beforeAll(async () => {
  const prod = await synthesise({
    stage: "prod",
    stacks: [Auth],
    environment: { LINKWORK_WEB_ORIGIN: productionOrigin },
  });
  production = prod.template(Auth);
  prod.dispose();
  const dev = await synthesise({ stage: "dev", stacks: [Auth] });
  development = dev.template(Auth);
  dev.dispose();
});

function userPool(template: Template) {
  const pools = resourcesOfType(template, "AWS::Cognito::UserPool");
  expect(pools).toHaveLength(1);
  return pools[0] as (typeof pools)[number];
}

function webClient(template: Template) {
  const clients = resourcesOfType(template, "AWS::Cognito::UserPoolClient");
  expect(clients).toHaveLength(1);
  return (clients[0] as (typeof clients)[number]).Properties;
}

describe("the user pool", () => {
  it("signs staff in by email, and only admins create accounts", () => {
    const pool = userPool(production).Properties;
    expect(pool.UsernameAttributes).toEqual(["email"]);
    expect(pool.UsernameConfiguration).toEqual({ CaseSensitive: false });
    expect(pool.AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: true });
  });

  it("asks for a strong password and an authenticator app", () => {
    const pool = userPool(production).Properties;
    expect(pool.Policies.PasswordPolicy).toEqual({
      MinimumLength: 12,
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
      TemporaryPasswordValidityDays: 3,
    });
    expect(pool.MfaConfiguration).toBe("ON");
    expect(pool.EnabledMfas).toEqual(["SOFTWARE_TOKEN_MFA"]);
  });

  it("turns on threat protection: compromised credentials and risky sign-ins are blocked, not just logged", () => {
    const pool = userPool(production).Properties;
    expect(pool.UserPoolTier).toBe("PLUS");
    expect(pool.UserPoolAddOns).toEqual({ AdvancedSecurityMode: "ENFORCED" });
  });

  it("carries each person's organisation in a custom attribute", () => {
    const schema = userPool(production).Properties.Schema as Record<string, unknown>[];
    expect(schema).toContainEqual(
      expect.objectContaining({ Name: "organisation_id", AttributeDataType: "String", Mutable: true }),
    );
  });

  it("has one group per role, named as the API reads them from cognito:groups", () => {
    const groups = resourcesOfType(production, "AWS::Cognito::UserPoolGroup").map(
      (group) => group.Properties.GroupName,
    );
    expect(groups.sort()).toEqual([...Role.options].sort());
  });

  it("in production refuses deletion and outlives its stack; in development goes with it", () => {
    const kept = userPool(production);
    expect(kept.Properties.DeletionProtection).toBe("ACTIVE");
    expect(kept.DeletionPolicy).toBe("Retain");
    const disposable = userPool(development);
    expect(disposable.Properties.DeletionProtection).toBe("INACTIVE");
    expect(disposable.DeletionPolicy).toBe("Delete");
  });

  it("offers a hosted sign-in domain for the stage", () => {
    const domains = resourcesOfType(production, "AWS::Cognito::UserPoolDomain");
    expect(domains.map((domain) => domain.Properties.Domain)).toEqual(["linkwork-prod-my-account"]);
  });
});

describe("the web app's client", () => {
  it("is a public client using the authorisation code flow (with PKCE), never a secret", () => {
    const client = webClient(production);
    expect(client.GenerateSecret).toBe(false);
    expect(client.AllowedOAuthFlows).toEqual(["code"]);
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(client.AllowedOAuthScopes).toEqual(["openid", "email", "profile"]);
    expect(client.SupportedIdentityProviders).toEqual(["COGNITO"]);
    expect(client.ExplicitAuthFlows).toEqual(["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
  });

  it("can read the organisation (so it is in the ID token) but never write it", () => {
    const client = webClient(production);
    expect(client.ReadAttributes).toContain("custom:organisation_id");
    expect(client.WriteAttributes).not.toContain("custom:organisation_id");
    expect(client.WriteAttributes).toEqual(["email", "name"]);
  });

  it("in production redirects only to the production site", () => {
    const client = webClient(production);
    expect(client.CallbackURLs).toEqual([`${productionOrigin}${signInCallbackPath}`]);
    expect(client.LogoutURLs).toEqual([`${productionOrigin}/`]);
  });

  it("in development also redirects to the app running locally", () => {
    const client = webClient(development);
    expect(client.CallbackURLs).toEqual([
      `http://localhost:3000${signInCallbackPath}`,
      `http://localhost:5173${signInCallbackPath}`,
    ]);
  });

  it("hands out short-lived tokens that can be revoked", () => {
    const client = webClient(production);
    expect(client.IdTokenValidity).toBe(60);
    expect(client.AccessTokenValidity).toBe(60);
    expect(client.RefreshTokenValidity).toBe(12 * 60);
    expect(client.TokenValidityUnits).toEqual({
      AccessToken: "minutes",
      IdToken: "minutes",
      RefreshToken: "minutes",
    });
    expect(client.EnableTokenRevocation).toBe(true);
    expect(client.PreventUserExistenceErrors).toBe("ENABLED");
  });
});
