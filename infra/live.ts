import { type WebSocketRoute, webSocketHandlers } from "@linkwork/functions/manifest";
import * as iam from "aws-cdk-lib/aws-iam";
import * as logs from "aws-cdk-lib/aws-logs";
import { getStack, Function as SstFunction, type StackContext, use, WebSocketApi } from "sst/constructs";
import { webSocketTableActions } from "./access";
import { Api } from "./api";
import { exempt, failuresKeptBy, healthcareRule } from "./compliance";
import { Events } from "./events";
import { tableFunction } from "./functions";
import { operationsKey } from "./operations-key";
import { type StageSettings, stageSettings } from "./stage";
import { Storage } from "./storage";

/** The subscription in functions/src/manifest.ts whose function tells the boards what changed. */
export const notifierSubscription = "live";

/** Stage-wide limits: a board opens one connection and sends a ping a few times an hour. */
export const liveThrottling = { rate: 50, burst: 100 } as const;

const routeIds: Record<WebSocketRoute, string> = {
  $connect: "LiveConnect",
  $disconnect: "LiveDisconnect",
  $default: "LiveMessage",
};

/**
 * Live boards: an API Gateway WebSocket API whose routes run the manifest's handlers, each granted
 * exactly its table actions. `$connect` admits a connection only with a ticket from
 * `POST /api/live/tickets` (browsers cannot send a token header when opening a WebSocket, so the
 * route has no authorizer and its handler checks the single-use ticket); `$default` answers pings
 * with a route response.
 */
export function Live({ app, stack }: StackContext) {
  const settings = stageSettings(app.stage);
  const { table } = use(Storage);
  const routeFunction = (route: WebSocketRoute) =>
    tableFunction(stack, routeIds[route], settings, {
      handler: webSocketHandlers[route],
      table,
      tableActions: webSocketTableActions[route],
      memorySize: "256 MB",
      // A meeting room connecting at once, several meetings at a time.
      concurrency: 20,
    });
  const connect = routeFunction("$connect");
  const disconnect = routeFunction("$disconnect");
  const message = routeFunction("$default");

  const live = new WebSocketApi(stack, "LiveApi", {
    accessLog: { retention: "three_months" },
    routes: {
      $connect: { function: connect },
      $disconnect: { function: disconnect },
      $default: { function: message, returnResponse: true },
    },
    cdk: {
      webSocketStage: {
        throttle: { rateLimit: liveThrottling.rate, burstLimit: liveThrottling.burst },
      },
    },
  });

  for (const fn of [connect, disconnect, message]) {
    exempt(fn, [
      failuresKeptBy(
        "Invoked synchronously by the WebSocket API: a failure refuses the connection or the message, and the board falls back to polling, so there is no event to keep",
      ),
    ]);
    exempt(fn, [manageOwnConnections], true);
  }
  const ticketed =
    "Browsers cannot send an Authorization header when opening a WebSocket: the $connect handler admits only a single-use ticket, valid for a minute, that the API issues to a signed-in member of the meeting's team";
  for (const route of ["$connect", "$disconnect", "$default"] as const) {
    const construct = live.getRoute(route);
    if (!construct) throw new Error(`The WebSocket API has no ${route} route`);
    exempt(construct, [
      {
        rules: ["AwsSolutions-APIG4"],
        reason:
          route === "$connect"
            ? ticketed
            : `API Gateway authorises a WebSocket once, when it opens: ${route} runs only on a connection that $connect admitted with its single-use ticket`,
      },
    ]);
  }
  const cloudWatchRolePolicy = live.node.tryFindChild("APIGatewayCloudWatchRolePolicy");
  if (cloudWatchRolePolicy) {
    exempt(cloudWatchRolePolicy, [
      {
        rules: healthcareRule("IAMNoInlinePolicy"),
        reason:
          "SST's deploy-time step that registers the account's API Gateway logging role, which a WebSocket stage's access log needs: attached only to the stack's deploy-time custom resource handler, and used only while CloudFormation deploys",
      },
    ]);
  }
  encryptAccessLog(live, stack, settings);

  stack.addOutputs({ LiveUrl: live.url });
  return {
    live,
    /** Where browsers connect (the API's ticket URLs start with it). */
    url: live.url,
    /** Where functions post to connections: the `@connections` API of this stage. */
    connectionsEndpoint: live.cdk.webSocketStage.callbackUrl,
  };
}

/** What SST grants every route function of a WebSocket API: managing that API's connections, and only its. */
const manageOwnConnections = {
  rules: ["AwsSolutions-IAM5"],
  appliesTo: [{ regex: "/^Resource::arn:<AWS::Partition>:execute-api:.*@connections\\/\\*$/" }],
  reason:
    "Connections are named by API Gateway as they open, so a grant to manage them names the API and stage and leaves the connection id open; it reaches no other API",
};

/**
 * Wires the live boards into the stacks that use them, once every stack exists: the API learns
 * where boards connect (its tickets' URLs), and the notifier (the manifest's live subscription,
 * deployed by the Events stack with every other subscriber) gets the `@connections` endpoint and
 * leave to post to this API's connections alone. Events and Api then deploy after Live.
 */
export function connectLive(): void {
  const liveStack = getStack(Live);
  const live = liveStack.node.tryFindChild("LiveApi");
  if (!(live instanceof WebSocketApi)) throw new Error("The Live stack has no WebSocket API");
  const api = getStack(Api).node.tryFindChild("ApiHandler");
  if (!(api instanceof SstFunction)) throw new Error("The Api stack has no ApiHandler");
  api.addEnvironment("LIVE_URL", live.url);
  const notifier = getStack(Events).node.tryFindChild(`Subscriber_${notifierSubscription}`);
  if (!(notifier instanceof SstFunction)) {
    throw new Error(`The Events stack has no subscriber "${notifierSubscription}" for the live boards`);
  }
  const stage = live.cdk.webSocketStage.stageName;
  notifier.addEnvironment("LIVE_CONNECTIONS_ENDPOINT", live.cdk.webSocketStage.callbackUrl);
  notifier.attachPermissions([
    new iam.PolicyStatement({
      actions: ["execute-api:ManageConnections"],
      resources: [
        liveStack.formatArn({
          service: "execute-api",
          resource: live.cdk.webSocketApi.apiId,
          resourceName: `${stage}/POST/@connections/*`,
        }),
      ],
    }),
  ]);
  exempt(notifier, [manageOwnConnections], true);
}

/** SST makes the access log group; its entries name connections and routes, so they are encrypted like the rest. */
function encryptAccessLog(live: WebSocketApi, stack: StackContext["stack"], settings: StageSettings) {
  const accessLog = live.node.tryFindChild("LogGroup");
  if (!(accessLog instanceof logs.LogGroup)) throw new Error("The WebSocket API has no access log group");
  (accessLog.node.defaultChild as logs.CfnLogGroup).kmsKeyId = operationsKey(stack, settings).keyArn;
}
