import { publicRoutes } from "@linkwork/core/http/public-routes";
import { handlerPaths } from "@linkwork/functions/manifest";
import { Duration } from "aws-cdk-lib";
import {
  type HttpApi as CdkHttpApi,
  type CfnRoute,
  type CfnStage,
  HttpRoute,
} from "aws-cdk-lib/aws-apigatewayv2";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import type { IConstruct } from "constructs";
import { Api as HttpApi, type Stack, type StackContext, use } from "sst/constructs";
import { apiTableActions } from "./access";
import { Auth } from "./auth";
import { everyFunction, exempt, failuresKeptBy, unreservedInDevelopment } from "./compliance";
import { tableFunction } from "./functions";
import { encryptedLogGroup } from "./log-groups";
import { operationsKey } from "./operations-key";
import { type StageSettings, stageSettings } from "./stage";
import { Storage } from "./storage";

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
    handler: handlerPaths.api,
    memorySize: "1024 MB",
    timeout: "20 seconds",
    // Well above the stage's throttle (50 a second at ~100 ms each), and a ceiling on runaway cost.
    concurrency: 100,
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
  exempt(handler, [synchronousFailures]);
  exemptPublicRoutes(api.node.children);
  encryptAccessLog(api.node, stack, settings);

  stack.addOutputs({ ApiUrl: api.url });
  return { api };
}

/** Invoked synchronously by API Gateway: a failure is the caller's error response. */
const synchronousFailures = failuresKeptBy(
  "Invoked synchronously by API Gateway: a failure is returned to the caller as an error response, so there is no event to keep",
);

/** Answers preflights with an empty 204; it touches nothing, so it is a few inline lines. */
function preflightFunction(stack: Stack, settings: StageSettings): lambda.Function {
  const fn = new lambda.Function(stack, "Preflight", {
    runtime: lambda.Runtime.NODEJS_22_X,
    architecture: lambda.Architecture.ARM_64,
    handler: "index.handler",
    code: lambda.Code.fromInline("exports.handler = async () => ({ statusCode: 204 });"),
    memorySize: 128,
    timeout: Duration.seconds(3),
    ...(settings.isProtected ? { reservedConcurrentExecutions: 10 } : {}),
    logGroup: encryptedLogGroup(stack, "PreflightLogs", settings, logs.RetentionDays.ONE_MONTH),
  });
  exempt(
    fn,
    [
      ...everyFunction,
      synchronousFailures,
      ...(settings.isProtected ? [] : [unreservedInDevelopment]),
      {
        rules: ["AwsSolutions-L1"],
        reason: "Linkwork pins nodejs22.x for every function; this one is a single inline line",
      },
    ],
    true,
  );
  return fn;
}

/** Public by design: the routes the API's own middleware also treats as public, and CORS preflights. */
function exemptPublicRoutes(apiConstructs: IConstruct[]) {
  const publicKeys = new Set<string>([...publicRoutes, preflightRoute]);
  for (const construct of apiConstructs) {
    if (!(construct instanceof HttpRoute)) continue;
    const route = construct.node.defaultChild as CfnRoute;
    if (!publicKeys.has(route.routeKey)) continue;
    exempt(construct, [
      {
        rules: ["AwsSolutions-APIG4"],
        reason:
          route.routeKey === preflightRoute
            ? "Browsers send CORS preflights without a token; the route answers an empty 204 and reaches nothing"
            : `${route.routeKey} is public by design (the health check, the OpenAPI document, the practice list and the self-referral form people use without an account); the API's middleware applies the same list, and the stage throttles it`,
      },
    ]);
  }
}

/** SST makes the access log group; its entries name callers and routes, so they are encrypted like the rest. */
function encryptAccessLog(api: IConstruct["node"], stack: Stack, settings: StageSettings) {
  const accessLog = api.tryFindChild("LogGroup");
  if (!(accessLog instanceof logs.LogGroup)) throw new Error("The HTTP API has no access log group");
  (accessLog.node.defaultChild as logs.CfnLogGroup).kmsKeyId = operationsKey(stack, settings).keyArn;
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
