import { publicRoutes } from "@linkwork/core/http/public-routes";
import { Duration } from "aws-cdk-lib";
import { type HttpApi as CdkHttpApi, type CfnStage, HttpRoute } from "aws-cdk-lib/aws-apigatewayv2";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import type { IConstruct } from "constructs";
import { Api as HttpApi, type Stack, type StackContext, use } from "sst/constructs";
import { apiTableActions } from "./access";
import { Auth } from "./auth";
import { tableFunction } from "./functions";
import { type StageSettings, stageSettings } from "./stage";
import { Storage } from "./storage";

export const apiHandler = "functions/src/api/index.handler";

/** Routes anyone may call (the same list the API's own middleware uses); everything else needs a token. */
export { publicRoutes };
export const protectedRoute = "ANY /api/{proxy+}";
/**
 * Browsers send CORS preflights without a token, and `ANY` would hand them to the JWT authorizer,
 * which refuses them. This route takes them first: API Gateway adds the CORS headers to its answer.
 */
export const preflightRoute = "OPTIONS /api/{proxy+}";

/** Stage-wide limits, and a tighter one on the only public route that writes. */
export const throttling = {
  default: { rate: 50, burst: 100 },
  "POST /api/self-referrals": { rate: 5, burst: 10 },
} as const;

/**
 * One HTTP API, one function running the Hono app. API Gateway rejects requests without a valid
 * token before they cost an invocation; the app verifies the token again (signature, issuer,
 * audience, expiry) because it must never trust its caller.
 */
export function Api({ app, stack }: StackContext) {
  const settings = stageSettings(app.stage);
  const { table } = use(Storage);
  const { jwt } = use(Auth);

  const handler = tableFunction(stack, "ApiHandler", settings, {
    handler: apiHandler,
    memorySize: "1024 MB",
    timeout: "20 seconds",
    table,
    tableActions: apiTableActions,
    environment: { JWT_ISSUER: jwt.issuer, JWT_AUDIENCE: jwt.audience, JWKS_URL: jwt.jwksUrl },
  });

  const api = new HttpApi(stack, "Api", {
    authorizers: {
      cognito: { type: "jwt", jwt: { issuer: jwt.issuer, audience: [jwt.audience] } },
    },
    defaults: { throttle: throttling.default },
    cors: {
      allowOrigins: settings.webOrigins,
      allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
      allowHeaders: ["authorization", "content-type", "idempotency-key"],
      allowCredentials: false,
      maxAge: "1 hour",
    },
    accessLog: { retention: "three_months" },
    routes: {
      [protectedRoute]: { function: handler, authorizer: "cognito" },
      [preflightRoute]: { cdk: { function: preflightFunction(stack, settings) }, authorizer: "none" },
      ...Object.fromEntries(publicRoutes.map((route) => [route, { function: handler, authorizer: "none" }])),
    },
  });

  limitSelfReferrals(api.cdk.httpApi, api.node.children);

  stack.addOutputs({ ApiUrl: api.url });
  return { api };
}

/** Answers preflights with an empty 204; it touches nothing, so it is a few inline lines. */
function preflightFunction(stack: Stack, settings: StageSettings): lambda.Function {
  return new lambda.Function(stack, "Preflight", {
    runtime: lambda.Runtime.NODEJS_22_X,
    architecture: lambda.Architecture.ARM_64,
    handler: "index.handler",
    code: lambda.Code.fromInline("exports.handler = async () => ({ statusCode: 204 });"),
    memorySize: 128,
    timeout: Duration.seconds(3),
    logGroup: new logs.LogGroup(stack, "PreflightLogs", {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: settings.statefulRemovalPolicy,
    }),
  });
}

function limitSelfReferrals(httpApi: CdkHttpApi, apiConstructs: IConstruct[]) {
  const stage = httpApi.defaultStage;
  if (!stage) throw new Error("The HTTP API has no default stage to throttle");
  const limit = throttling["POST /api/self-referrals"];
  const cfnStage = stage.node.defaultChild as CfnStage;
  cfnStage.routeSettings = {
    "POST /api/self-referrals": { ThrottlingRateLimit: limit.rate, ThrottlingBurstLimit: limit.burst },
  };
  // Route settings name a route key, so the stage must wait for the routes to exist.
  for (const construct of apiConstructs) {
    if (construct instanceof HttpRoute) stage.node.addDependency(construct);
  }
}
