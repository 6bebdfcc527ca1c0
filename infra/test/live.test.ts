import { handlerPaths, subscriptions, webSocketHandlers } from "@linkwork/functions/manifest";
import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { Api } from "../api";
import { configure } from "../app";
import { Auth } from "../auth";
import { Events } from "../events";
import { connectLive, Live, notifierSubscription } from "../live";
import { Storage } from "../storage";
import { webSocketTableActions } from "../table-actions";
import { synthesise } from "./support/synthesise";
import { functionNamed, grantsOf, resourcesOfType } from "./support/template";

let storage: Template;
let live: Template;
let events: Template;
let api: Template;

beforeAll(async () => {
  const stacks = [Storage, Live, Events, Auth, Api] as const;
  const synthesised = await synthesise({
    stage: "dev",
    stacks,
    build(app) {
      configure(app);
      for (const stack of stacks) app.stack(stack);
      connectLive();
    },
  });
  storage = synthesised.template(Storage);
  live = synthesised.template(Live);
  events = synthesised.template(Events);
  api = synthesised.template(Api);
  synthesised.dispose();
});

const routeFunctions = {
  $connect: "LiveConnect",
  $disconnect: "LiveDisconnect",
  $default: "LiveMessage",
} as const;

describe("the WebSocket API", () => {
  it("is one API Gateway WebSocket API routing on the route key, throttled and access-logged", () => {
    const apis = resourcesOfType(live, "AWS::ApiGatewayV2::Api");
    expect(apis).toHaveLength(1);
    expect(apis[0]?.Properties).toMatchObject({
      ProtocolType: "WEBSOCKET",
      RouteSelectionExpression: "$request.body.action",
    });
    const [stage] = resourcesOfType(live, "AWS::ApiGatewayV2::Stage");
    expect(stage?.Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: 50,
      ThrottlingBurstLimit: 100,
    });
    expect(stage?.Properties.AccessLogSettings?.DestinationArn).toBeDefined();
  });

  it("has exactly the $connect, $disconnect and $default routes, each running the manifest's handler", () => {
    const routes = resourcesOfType(live, "AWS::ApiGatewayV2::Route");
    expect(routes.map((route) => route.Properties.RouteKey).sort()).toEqual([
      "$connect",
      "$default",
      "$disconnect",
    ]);
    for (const [route, id] of Object.entries(routeFunctions)) {
      expect(functionNamed(live, id).properties.Handler).toBe(
        webSocketHandlers[route as keyof typeof routeFunctions],
      );
    }
  });

  it("admits connections through the ticket its $connect handler checks, not an authorizer", () => {
    const connect = resourcesOfType(live, "AWS::ApiGatewayV2::Route").find(
      (route) => route.Properties.RouteKey === "$connect",
    );
    expect(connect?.Properties.AuthorizationType).toBe("NONE");
    expect(resourcesOfType(live, "AWS::ApiGatewayV2::Authorizer")).toEqual([]);
  });

  it("answers on $default (the pong), and on no other route", () => {
    const responses = resourcesOfType(live, "AWS::ApiGatewayV2::RouteResponse");
    expect(responses).toHaveLength(1);
    const defaultRoute = resourcesOfType(live, "AWS::ApiGatewayV2::Route").find(
      (route) => route.Properties.RouteKey === "$default",
    );
    expect(responses[0]?.Properties.RouteId).toEqual({ Ref: defaultRoute?.logicalId });
  });

  it("encrypts its access log with the stack's operations key", () => {
    const accessLog = resourcesOfType(live, "AWS::Logs::LogGroup").find((group) =>
      (group.Metadata?.["aws:cdk:path"] ?? "").includes("LiveApi"),
    );
    expect(accessLog?.Properties.KmsKeyId).toEqual({
      "Fn::GetAtt": [expect.stringMatching(/^OperationsKey/), "Arn"],
    });
  });
});

describe("the route functions' permissions", () => {
  it.each(Object.entries(routeFunctions))(
    "%s may do exactly its table actions, on the table alone, and manage only this API's connections",
    (route, id) => {
      const { grants } = grantsOf(live, id, [storage]);
      const table = grants.filter((grant) => grant.action.startsWith("dynamodb:"));
      expect(table.map((grant) => grant.action).sort()).toEqual(
        webSocketTableActions[route as keyof typeof webSocketTableActions]
          .map((action) => `dynamodb:${action}`)
          .sort(),
      );
      for (const grant of table) expect(grant.resource).toBe("Table.Arn");
      const manage = grants.filter((grant) => grant.action.startsWith("execute-api:"));
      expect(manage).toHaveLength(1);
      expect(manage[0]?.action).toBe("execute-api:ManageConnections");
      expect(manage[0]?.resource).toMatch(/:LiveApi\/\*\/\*\/@connections\/\*$/);
      expect(functionNamed(live, id).properties.Environment.Variables.TABLE_NAME).toBeDefined();
    },
  );
});

describe("the notifier", () => {
  const subscription = subscriptions.find((candidate) => candidate.name === notifierSubscription);

  it("is the manifest's live subscription, listening to every meeting and action event and to capacity changes", () => {
    expect(subscription?.handler).toBe(handlerPaths.liveNotifier);
    const types = subscription?.eventTypes ?? [];
    expect(types).toEqual(
      expect.arrayContaining(["meeting.item_updated", "meeting.started", "action.completed"]),
    );
    expect(types).toEqual(
      expect.arrayContaining(["referral.claimed", "referral.closed", "user.capacity_changed"]),
    );
    expect(types).not.toContain("referral.received");
    expect(types).not.toContain("referral.triaged");
    const rule = resourcesOfType(events, "AWS::Events::Rule").find((candidate) =>
      (candidate.Metadata?.["aws:cdk:path"] ?? "").includes(`/${notifierSubscription}/`),
    );
    expect(rule?.Properties.EventPattern["detail-type"]).toEqual([...types]);
  });

  it("posts to this API's connections through its @connections endpoint, and to no other API", () => {
    const notifier = functionNamed(events, `Subscriber_${notifierSubscription}`);
    expect(notifier.properties.Environment.Variables.LIVE_CONNECTIONS_ENDPOINT).toBeDefined();
    const { grants } = grantsOf(events, `Subscriber_${notifierSubscription}`, [live, storage]);
    const manage = grants.filter((grant) => grant.action.startsWith("execute-api:"));
    expect(manage).toHaveLength(1);
    expect(manage[0]?.action).toBe("execute-api:ManageConnections");
    expect(manage[0]?.resource).toMatch(/:LiveApi\/dev\/POST\/@connections\/\*$/);
  });

  it("only queries connections and closes those that have gone: it deletes nothing", () => {
    const { grants } = grantsOf(events, `Subscriber_${notifierSubscription}`, [live, storage]);
    const table = grants.filter((grant) => grant.action.startsWith("dynamodb:"));
    expect([...new Set(table.map((grant) => grant.action))].sort()).toEqual([
      "dynamodb:Query",
      "dynamodb:UpdateItem",
    ]);
  });
});

describe("the API", () => {
  it("is told where boards connect, for the tickets' URLs", () => {
    const variables = functionNamed(api, "ApiHandler").properties.Environment.Variables;
    expect(variables.LIVE_URL).toBeDefined();
  });
});
