import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { subscriptions } from "@linkwork/functions/manifest";
import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { Api } from "../api";
import { Auth } from "../auth";
import { Events } from "../events";
import { Storage } from "../storage";
import { synthesise } from "./support/synthesise";
import { type Grant, grantsOf, resourcesOfType } from "./support/template";

let templates: { storage: Template; events: Template; auth: Template; api: Template };
let artifacts: string;

beforeAll(async () => {
  const synthesised = await synthesise({ stage: "dev", stacks: [Storage, Events, Auth, Api] });
  templates = {
    storage: synthesised.template(Storage),
    events: synthesised.template(Events),
    auth: synthesised.template(Auth),
    api: synthesised.template(Api),
  };
  artifacts = synthesised.artifacts;
  return () => synthesised.dispose();
});

/** Linkwork's own functions; SST adds a deploy-time custom resource handler to each stack, which is not ours. */
function linkworkFunctions() {
  return Object.values(templates).flatMap((template) =>
    resourcesOfType(template, "AWS::Lambda::Function").filter(
      (fn) => !fn.Metadata?.["aws:cdk:path"]?.includes("/CustomResourceHandler/"),
    ),
  );
}

const basicExecution = "arn:AWS::Partition:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
const tracing: Grant[] = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"].map((action) => ({
  effect: "Allow",
  action,
  resource: "*",
}));

function allow(actions: string[], ...resources: string[]): Grant[] {
  return actions.flatMap((action) => resources.map((resource) => ({ effect: "Allow", action, resource })));
}

function sorted(grants: Grant[]): string[] {
  return grants.map((grant) => `${grant.effect} ${grant.action} on ${grant.resource}`).sort();
}

/** The functions built from functions/src; the CORS preflight answer is a few inline lines instead. */
function bundledFunctions() {
  return linkworkFunctions().filter((fn) => (fn.Properties.Handler as string).startsWith("functions/src/"));
}

function logRetentionOf(fn: ReturnType<typeof linkworkFunctions>[number]): number {
  const logGroupId = fn.Properties.LoggingConfig.LogGroup.Ref as string;
  const template = Object.values(templates).find((candidate) => candidate.toJSON().Resources[logGroupId]);
  return template?.toJSON().Resources[logGroupId].Properties.RetentionInDays;
}

describe("every function", () => {
  it("is the API, the CORS preflight answer, the relay, or a subscriber: nothing else runs", () => {
    const names = linkworkFunctions().map((fn) => fn.Metadata?.["aws:cdk:path"]?.split("/")[1]);
    expect(names.sort()).toEqual(
      [
        "ApiHandler",
        "Preflight",
        "Relay",
        ...subscriptions.map((subscription) => `Subscriber_${subscription.name}`),
      ].sort(),
    );
  });

  it("runs Node.js 22 on arm64 and logs to its own log group with a retention", () => {
    for (const fn of linkworkFunctions()) {
      expect(fn.Properties.Runtime).toBe("nodejs22.x");
      expect(fn.Properties.Architectures).toEqual(["arm64"]);
      expect(logRetentionOf(fn)).toBeGreaterThan(0);
    }
  });

  it("logs to a log group encrypted with its own stack's operations key", () => {
    for (const fn of linkworkFunctions()) {
      const logGroupId = fn.Properties.LoggingConfig.LogGroup.Ref as string;
      const template = Object.values(templates).find((candidate) => candidate.toJSON().Resources[logGroupId]);
      const resources = template?.toJSON().Resources ?? {};
      const [keyId, attribute] = resources[logGroupId].Properties.KmsKeyId["Fn::GetAtt"];
      expect(attribute).toBe("Arn");
      expect(resources[keyId].Type).toBe("AWS::KMS::Key");
      expect(keyId).toMatch(/^OperationsKey/);
    }
  });

  it("built from functions/src, is traced and keeps its logs three months", () => {
    expect(bundledFunctions()).toHaveLength(2 + subscriptions.length);
    for (const fn of bundledFunctions()) {
      expect(fn.Properties.TracingConfig).toEqual({ Mode: "Active" });
      expect(logRetentionOf(fn)).toBe(90);
    }
  });

  it("built from functions/src, is one minified ESM bundle per handler", () => {
    const bundles = readdirSync(artifacts, { recursive: true, encoding: "utf8" }).filter((file) =>
      file.endsWith(".mjs"),
    );
    for (const fn of bundledFunctions()) {
      const file = `${(fn.Properties.Handler as string).replace(/\.handler$/, "")}.mjs`;
      const bundle = bundles.find((candidate) => candidate.endsWith(file));
      expect(bundle, file).toBeDefined();
      const code = readFileSync(join(artifacts, bundle as string), "utf8");
      expect(code.startsWith("import { createRequire")).toBe(true);
      expect(code).toMatch(/export\{[^}]*\bas handler\}/);
    }
  });
});

describe("least privilege", () => {
  const table = "Table.Arn";
  const tableIndexes = "Table.Arn/index/*";

  it("the API function may read, query, write and condition-check items, and nothing more: no batch writes, which could delete", () => {
    const { grants, managedPolicies } = grantsOf(templates.api, "ApiHandler", [
      templates.storage,
      templates.auth,
    ]);
    expect(sorted(grants)).toEqual(
      sorted([
        ...tracing,
        ...allow(
          [
            "dynamodb:GetItem",
            "dynamodb:BatchGetItem",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:ConditionCheckItem",
          ],
          table,
        ),
        ...allow(["dynamodb:Query"], table, tableIndexes),
      ]),
    );
    expect(managedPolicies).toEqual([basicExecution]);
  });

  it("the relay may read the table's stream, publish to the bus and park failed batches, and nothing more", () => {
    const { grants, managedPolicies } = grantsOf(templates.events, "Relay", [templates.storage]);
    expect(sorted(grants)).toEqual(
      sorted([
        ...tracing,
        ...allow(["events:PutEvents"], "BusEventBus.Arn"),
        ...allow(["dynamodb:ListStreams"], "*"),
        ...allow(
          ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"],
          "Table.StreamArn",
        ),
        ...allow(["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"], "RelayFailures.Arn"),
      ]),
    );
    expect(managedPolicies).toEqual([basicExecution]);
  });

  it("the timeline subscriber may only put items and park events it cannot handle", () => {
    const { grants, managedPolicies } = grantsOf(templates.events, "Subscriber_timeline", [
      templates.storage,
    ]);
    expect(sorted(grants)).toEqual(
      sorted([
        ...tracing,
        ...allow(["dynamodb:PutItem"], table),
        ...allow(
          ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"],
          "SubscribertimelineDeadLetters.Arn",
        ),
      ]),
    );
    expect(managedPolicies).toEqual([basicExecution]);
  });

  it("the CORS preflight answer may only write its own logs", () => {
    const { grants, managedPolicies } = grantsOf(templates.api, "Preflight");
    expect(grants).toEqual([]);
    expect(managedPolicies).toEqual([basicExecution]);
  });

  it("no function may scan or delete, manage the table, or hold a wildcard action", () => {
    const roles: [Template, string][] = [
      [templates.api, "ApiHandler"],
      [templates.events, "Relay"],
      ...subscriptions.map((subscription): [Template, string] => [
        templates.events,
        `Subscriber_${subscription.name}`,
      ]),
    ];
    for (const [template, id] of roles) {
      const { grants } = grantsOf(template, id, [templates.storage]);
      for (const grant of grants) {
        expect(grant.effect, `${id}: ${grant.action}`).toBe("Allow");
        expect(grant.action, id).not.toContain("*");
        expect(grant.action, id).not.toMatch(
          /^dynamodb:(Scan|DeleteItem|DeleteTable|UpdateTable|CreateTable|PartiQL)/,
        );
      }
    }
  });
});
