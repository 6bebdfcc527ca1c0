import type { Template } from "aws-cdk-lib/assertions";
import { expect } from "vitest";

export interface Resource {
  logicalId: string;
  Type: string;
  // biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties are whatever the resource type says.
  Properties: Record<string, any>;
  Metadata?: { "aws:cdk:path"?: string };
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export function resourcesOfType(template: Template, type: string): Resource[] {
  return Object.entries(template.findResources(type)).map(([logicalId, resource]) => ({
    logicalId,
    ...(resource as Omit<Resource, "logicalId">),
  }));
}

/** The one resource of this type whose construct path passes through `id`, as the stack named it. */
export function resourceNamed(template: Template, id: string, type: string): Resource {
  const matches = resourcesOfType(template, type).filter((resource) =>
    (resource.Metadata?.["aws:cdk:path"] ?? "").split("/").includes(id),
  );
  expect(
    matches.map((match) => match.logicalId),
    `one ${type} named ${id}`,
  ).toHaveLength(1);
  return matches[0] as Resource;
}

export function logicalIdOf(template: Template, id: string, type: string): string {
  return resourceNamed(template, id, type).logicalId;
}

export function functionNamed(template: Template, id: string) {
  const resource = resourceNamed(template, id, "AWS::Lambda::Function");
  return { logicalId: resource.logicalId, properties: resource.Properties };
}

/**
 * What a cross-stack `Fn::ImportValue` stands for: the value the exporting stack exports under
 * that name, so tests can check a reference points at the right resource in the other stack.
 */
export function imported(exporter: Template, value: unknown): unknown {
  const name = (value as { "Fn::ImportValue"?: string })["Fn::ImportValue"];
  if (!name) throw new Error(`Not an import: ${JSON.stringify(value)}`);
  const outputs = Object.values(exporter.toJSON().Outputs ?? {}) as {
    Value: unknown;
    Export?: { Name: string };
  }[];
  const output = outputs.find((candidate) => candidate.Export?.Name === name);
  if (!output) throw new Error(`No export named ${name}`);
  return output.Value;
}

/**
 * A readable name for a CloudFormation value: `Table.Arn` for `Fn::GetAtt`, joins concatenated,
 * imports followed into the exporting stack, so grants can be compared as plain strings.
 */
export function describeValue(value: unknown, exporters: readonly Template[] = []): string {
  if (typeof value === "string") return value;
  const object = value as Record<string, unknown>;
  if ("Ref" in object) return `${logicalName(object.Ref as string)}`;
  if ("Fn::GetAtt" in object) {
    const [id, attribute] = object["Fn::GetAtt"] as [string, string];
    return `${logicalName(id)}.${attribute}`;
  }
  if ("Fn::Join" in object) {
    const [separator, parts] = object["Fn::Join"] as [string, unknown[]];
    return parts.map((part) => describeValue(part, exporters)).join(separator);
  }
  if ("Fn::ImportValue" in object) {
    for (const exporter of exporters) {
      try {
        return describeValue(imported(exporter, object), exporters);
      } catch {}
    }
  }
  return JSON.stringify(value);
}

/** `Table710B521B` -> `Table`: CDK appends an eight-character hash to every logical id. */
function logicalName(id: string): string {
  return id.replace(/[0-9A-F]{8}$/, "");
}

export interface Grant {
  effect: string;
  action: string;
  resource: string;
}

/** Every permission a function's role holds, one action on one resource per entry. */
export function grantsOf(template: Template, functionId: string, exporters: readonly Template[] = []) {
  const fn = functionNamed(template, functionId);
  const role = (fn.properties.Role as { "Fn::GetAtt": [string, string] })["Fn::GetAtt"][0];
  const roleResource = template.toJSON().Resources[role];
  const policies = resourcesOfType(template, "AWS::IAM::Policy").filter((policy) =>
    (policy.Properties.Roles as unknown[]).some(
      (attached) => JSON.stringify(attached) === JSON.stringify({ Ref: role }),
    ),
  );
  const documents = [
    ...policies.map((policy) => policy.Properties.PolicyDocument),
    ...((roleResource.Properties.Policies ?? []) as { PolicyDocument: unknown }[]).map(
      (policy) => policy.PolicyDocument,
    ),
  ] as { Statement: { Effect: string; Action: string | string[]; Resource: unknown }[] }[];
  const grants: Grant[] = [];
  for (const document of documents) {
    for (const statement of document.Statement) {
      const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
      const resources = Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
      for (const action of actions) {
        for (const resource of resources) {
          grants.push({ effect: statement.Effect, action, resource: describeValue(resource, exporters) });
        }
      }
    }
  }
  const managedPolicies = ((roleResource.Properties.ManagedPolicyArns ?? []) as unknown[]).map((arn) =>
    describeValue(arn),
  );
  return { grants, managedPolicies };
}
