import { handlerPaths } from "@linkwork/functions/manifest";
import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { Api, preflightRoute, protectedRoute, publicRoutes } from "../api";
import { Auth } from "../auth";
import { Storage } from "../storage";
import { synthesise } from "./support/synthesise";
import { functionNamed, imported, logicalIdOf, resourcesOfType } from "./support/template";

let api: Template;
let auth: Template;
let storage: Template;

beforeAll(async () => {
  const synthesised = await synthesise({ stage: "dev", stacks: [Storage, Auth, Api] });
  api = synthesised.template(Api);
  auth = synthesised.template(Auth);
  storage = synthesised.template(Storage);
  synthesised.dispose();
});

function route(key: string) {
  const routes = resourcesOfType(api, "AWS::ApiGatewayV2::Route").filter(
    (found) => found.Properties.RouteKey === key,
  );
  expect(routes).toHaveLength(1);
  return routes[0]?.Properties as Record<string, unknown>;
}

/** The function a route invokes, followed through its integration. */
function integrationOf(key: string): unknown {
  const target = route(key).Target as { "Fn::Join": [string, [string, { Ref: string }]] };
  const integrationId = target["Fn::Join"][1][1].Ref;
  return api.toJSON().Resources[integrationId].Properties.IntegrationUri;
}

function authorizer() {
  const authorizers = resourcesOfType(api, "AWS::ApiGatewayV2::Authorizer");
  expect(authorizers).toHaveLength(1);
  return authorizers[0] as (typeof authorizers)[number];
}

/** `https://cognito-idp.eu-west-2.amazonaws.com/<pool id>`, with the pool id resolved to the Auth stack's pool. */
function expectCognitoIssuer(issuer: unknown, suffix = "") {
  const [separator, parts] = (issuer as { "Fn::Join": [string, unknown[]] })["Fn::Join"];
  expect(separator).toBe("");
  expect(parts[0]).toBe("https://cognito-idp.eu-west-2.amazonaws.com/");
  expect(imported(auth, parts[1])).toEqual({ Ref: logicalIdOf(auth, "UserPool", "AWS::Cognito::UserPool") });
  expect(parts.slice(2)).toEqual(suffix ? [suffix] : []);
}

function expectWebClientId(value: unknown) {
  expect(imported(auth, value)).toEqual({
    Ref: logicalIdOf(auth, "UserPoolClient", "AWS::Cognito::UserPoolClient"),
  });
}

describe("the JWT authorizer", () => {
  it("accepts only ID tokens from this stage's user pool issued to the web client", () => {
    const { Properties } = authorizer();
    expect(Properties.AuthorizerType).toBe("JWT");
    expect(Properties.IdentitySource).toEqual(["$request.header.Authorization"]);
    expectCognitoIssuer(Properties.JwtConfiguration.Issuer);
    expect(Properties.JwtConfiguration.Audience).toHaveLength(1);
    expectWebClientId(Properties.JwtConfiguration.Audience[0]);
  });
});

describe("routes", () => {
  it("everything under /api needs a valid token", () => {
    const protectedProperties = route(protectedRoute);
    expect(protectedRoute).toBe("ANY /api/{proxy+}");
    expect(protectedProperties.AuthorizationType).toBe("JWT");
    expect(protectedProperties.AuthorizerId).toEqual({ Ref: authorizer().logicalId });
  });

  it.each(publicRoutes)("%s is open to anyone", (key) => {
    const properties = route(key);
    expect(properties.AuthorizationType).toBe("NONE");
    expect(properties.AuthorizerId).toBeUndefined();
  });

  it("CORS preflights, sent without a token, are answered before the authorizer sees them", () => {
    const properties = route(preflightRoute);
    expect(preflightRoute).toBe("OPTIONS /api/{proxy+}");
    expect(properties.AuthorizationType).toBe("NONE");
    expect(properties.AuthorizerId).toBeUndefined();
    expect(integrationOf(preflightRoute)).toEqual({
      "Fn::GetAtt": [functionNamed(api, "Preflight").logicalId, "Arn"],
    });
  });

  it("there are no other routes", () => {
    const keys = resourcesOfType(api, "AWS::ApiGatewayV2::Route").map((found) => found.Properties.RouteKey);
    expect(keys.sort()).toEqual([protectedRoute, preflightRoute, ...publicRoutes].sort());
  });

  it("every other route is served by the one API function, with API Gateway's v2 payload", () => {
    const handler = functionNamed(api, "ApiHandler");
    for (const key of [protectedRoute, ...publicRoutes]) {
      expect(integrationOf(key), key).toEqual({ "Fn::GetAtt": [handler.logicalId, "Arn"] });
    }
    for (const integration of resourcesOfType(api, "AWS::ApiGatewayV2::Integration")) {
      expect(integration.Properties.IntegrationType).toBe("AWS_PROXY");
      expect(integration.Properties.PayloadFormatVersion).toBe("2.0");
    }
  });
});

describe("the API function", () => {
  it("runs the Hono app with the table and the token settings it verifies against", () => {
    const handler = functionNamed(api, "ApiHandler");
    expect(handler.properties.Handler).toBe(handlerPaths.api);
    const variables = handler.properties.Environment.Variables;
    expect(imported(storage, variables.TABLE_NAME)).toEqual({
      Ref: logicalIdOf(storage, "Table", "AWS::DynamoDB::Table"),
    });
    expectCognitoIssuer(variables.JWT_ISSUER);
    expectWebClientId(variables.JWT_AUDIENCE);
    expectCognitoIssuer(variables.JWKS_URL, "/.well-known/jwks.json");
    expect(variables.JWT_ISSUER).toEqual(authorizer().Properties.JwtConfiguration.Issuer);
  });
});

describe("the stage", () => {
  function stage() {
    const stages = resourcesOfType(api, "AWS::ApiGatewayV2::Stage");
    expect(stages).toHaveLength(1);
    return stages[0] as (typeof stages)[number];
  }

  it("throttles every route, and the public self-referral form harder", () => {
    const { Properties } = stage();
    expect(Properties.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
    expect(Properties.RouteSettings).toEqual({
      "POST /api/self-referrals": { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
    });
  });

  it("is created after the routes its settings name", () => {
    const dependsOn = (api.toJSON().Resources[stage().logicalId].DependsOn ?? []) as string[];
    for (const found of resourcesOfType(api, "AWS::ApiGatewayV2::Route"))
      expect(dependsOn).toContain(found.logicalId);
  });

  it("keeps an access log, encrypted with the stack's operations key", () => {
    const destination = stage().Properties.AccessLogSettings.DestinationArn as {
      "Fn::GetAtt": [string, string];
    };
    const logGroup = api.toJSON().Resources[destination["Fn::GetAtt"][0]];
    expect(logGroup.Type).toBe("AWS::Logs::LogGroup");
    expect(logGroup.Properties.KmsKeyId).toEqual({
      "Fn::GetAtt": [logicalIdOf(api, "OperationsKey", "AWS::KMS::Key"), "Arn"],
    });
  });
});

describe("CORS", () => {
  it("in a development stage admits the app running locally, with the headers the app sends", () => {
    const [httpApi] = resourcesOfType(api, "AWS::ApiGatewayV2::Api");
    expect(httpApi?.Properties.CorsConfiguration).toEqual({
      AllowOrigins: ["http://localhost:3000", "http://localhost:5173"],
      AllowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
      AllowHeaders: ["authorization", "content-type", "idempotency-key"],
      AllowCredentials: false,
      MaxAge: 3600,
    });
  });
});
