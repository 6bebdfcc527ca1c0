import { CfnResource, type Stack } from "aws-cdk-lib";
import * as lambda from "aws-cdk-lib/aws-lambda";
import type { IConstruct } from "constructs";

/** A rule set aside for one resource, with the reason it does not apply there. */
export interface Exemption {
  /** Rule ids as the packs name them (`AwsSolutions-L1`, `HIPAA.Security-LambdaInsideVPC`). */
  rules: readonly string[];
  reason: string;
  /** Only these findings of the rules (`Resource::*`, `Policy::arn:...`), when a rule reports several. */
  appliesTo?: readonly (string | { regex: string })[];
}

/** The same rule in the HIPAA Security and NIST 800-53 rev 5 packs, which share their rule names. */
export function healthcareRule(name: string): string[] {
  return [`HIPAA.Security-${name}`, `NIST.800.53.R5-${name}`];
}

/**
 * Records exemptions on the resource (or, with `children`, on the resources it is made of), in the
 * `cdk_nag` metadata cdk-nag reads. Written as metadata rather than through cdk-nag's own helper so
 * the stacks deploy without cdk-nag installed: only the infra tests run the packs.
 */
export function exempt(construct: IConstruct, exemptions: readonly Exemption[], children = false): void {
  const targets = children ? construct.node.findAll() : [construct.node.defaultChild ?? construct];
  for (const target of targets) {
    if (!CfnResource.isCfnResource(target)) continue;
    const existing = (target.getMetadata("cdk_nag") as { rules_to_suppress?: unknown[] } | undefined)
      ?.rules_to_suppress;
    const added = exemptions.flatMap((exemption) =>
      exemption.rules.map((id) => ({
        id,
        reason: exemption.reason,
        ...(exemption.appliesTo ? { applies_to: [...exemption.appliesTo] } : {}),
      })),
    );
    target.addMetadata("cdk_nag", { rules_to_suppress: [...(existing ?? []), ...added] });
  }
}

/** The Lambda basic execution role: AWS's managed policy that only lets a function write its own logs. */
export const basicExecutionPolicy =
  "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

/** What holds for every Lambda function in the app, Linkwork's and SST's alike. */
export const everyFunction: readonly Exemption[] = [
  {
    rules: healthcareRule("LambdaInsideVPC"),
    reason:
      "The functions reach only AWS service endpoints (DynamoDB, EventBridge, SQS, CloudWatch) over TLS with IAM-signed requests, and no resource lives in a VPC: a VPC would add NAT or endpoints without narrowing what a function can reach",
  },
  {
    rules: ["AwsSolutions-IAM4"],
    appliesTo: [basicExecutionPolicy],
    reason:
      "AWSLambdaBasicExecutionRole grants only CreateLogGroup, CreateLogStream and PutLogEvents: the function writing its own logs",
  },
];

/**
 * SST's deploy-time custom resource handler, one per stack: it runs only while CloudFormation
 * deploys (uploading the site, reading stack metadata), never on a request, and SST sets its runtime
 * and role.
 */
export function exemptDeployTimeHandler(stack: Stack): void {
  const handler = stack.node.tryFindChild("CustomResourceHandler");
  if (!(handler instanceof lambda.Function)) return;
  const reason =
    "SST's deploy-time custom resource handler: CloudFormation invokes it synchronously while deploying, and SST chooses its runtime";
  exempt(
    handler,
    [
      ...everyFunction,
      { rules: ["AwsSolutions-L1"], reason },
      {
        rules: healthcareRule("LambdaDLQ"),
        reason: `${reason}; a failure fails the deployment, which rolls back`,
      },
      { rules: healthcareRule("LambdaConcurrency"), reason: `${reason}; it runs once per deployment` },
    ],
    true,
  );
}

/**
 * What holds for every function built by `linkworkFunction`: on its role and the one policy it is
 * given (tracing creates the policy with the function, so it is there to be marked).
 */
export const linkworkFunctionFindings: readonly Exemption[] = [
  {
    rules: ["AwsSolutions-IAM5"],
    appliesTo: ["Resource::*"],
    reason:
      "X-Ray's PutTraceSegments and PutTelemetryRecords support no resource-level permissions; every other grant names its resource, as the infra tests assert",
  },
  {
    rules: ["AwsSolutions-IAM5"],
    appliesTo: [{ regex: "/^Resource::<Table[0-9A-F]{8}\\.Arn>\\/index\\/\\*$/" }],
    reason:
      "Query on the table's global indexes: they are generic and overloaded (gsi1..gsi6), so a function that queries uses them all; no index grants any other action",
  },
  {
    rules: healthcareRule("IAMNoInlinePolicy"),
    reason:
      "Each function has its own role and its own policy, made for that role alone: an inline policy lives and dies with the role and cannot be attached to anything else",
  },
  {
    rules: ["AwsSolutions-L1"],
    reason:
      "Linkwork pins nodejs22.x (bundled with the esbuild target node22, the version the tests run against); moving to a newer runtime is a deliberate upgrade of bundles and tests together",
  },
];

/** Reserved concurrency only binds where the account can spare it; development accounts often cannot. */
export const unreservedInDevelopment: Exemption = {
  rules: healthcareRule("LambdaConcurrency"),
  reason:
    "Development stages reserve no concurrency: new and sandbox accounts have a quota of 10 concurrent executions, where any reservation fails the deploy. Protected stages (prod, staging) reserve it",
};

/** How a function's failures are kept when it is not invoked asynchronously, per kind of invocation. */
export function failuresKeptBy(how: string): Exemption {
  return { rules: healthcareRule("LambdaDLQ"), reason: how };
}
