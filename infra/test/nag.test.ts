import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as logs from "aws-cdk-lib/aws-logs";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { getStack, type StackContext } from "sst/constructs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import config from "../../sst.config";
import { configure, stacks } from "../app";
import { type ComplianceReport, checkCompliance, describeFinding } from "./support/compliance";
import { synthesise } from "./support/synthesise";

/** A prebuilt site stands in for `pnpm build`, which these checks do not need. */
const artefact = mkdtempSync(join(tmpdir(), "linkwork-site-"));
mkdirSync(join(artefact, "assets"));
writeFileSync(join(artefact, "index.html"), "<!doctype html><title>Linkwork</title>");
afterAll(() => rmSync(artefact, { recursive: true, force: true }));

const reports: Record<string, ComplianceReport> = {};
const stackMetadata: Record<string, unknown[]> = {};

async function check(stage: string, environment: Record<string, string> = {}) {
  let report: ComplianceReport | undefined;
  const synthesised = await synthesise({
    stage,
    stacks,
    build(app) {
      config.stacks(app);
      report = checkCompliance(app);
    },
    environment: { LINKWORK_WEB_ARTEFACT: artefact, ...environment },
  });
  stackMetadata[stage] = stacks.map((stack) => getStack(stack).templateOptions.metadata?.cdk_nag);
  synthesised.dispose();
  if (!report) throw new Error("The compliance packs did not run");
  reports[stage] = report;
  // Warnings do not fail the build; they are listed here for review.
  const warnings = report.warnings.map(describeFinding);
  if (warnings.length > 0) console.info(`cdk-nag warnings in ${stage}:\n  ${warnings.join("\n  ")}`);
}

beforeAll(async () => {
  await check("prod", { LINKWORK_WEB_ORIGIN: "https://linkwork.example.nhs.uk" });
  await check("alice");
});

describe.each(["prod", "alice"])(
  "the whole app in stage %s, under AWS Solutions, HIPAA Security and NIST 800-53 rev 5",
  (stage) => {
    it("has no unsuppressed error", () => {
      const report = reports[stage] as ComplianceReport;
      expect(report.errors.map(describeFinding)).toEqual([]);
    });

    it("was checked by every rule (none failed to run)", () => {
      expect((reports[stage] as ComplianceReport).failedChecks).toEqual([]);
    });

    it("sets rules aside only per resource, each with its reason, never for a whole stack", () => {
      const report = reports[stage] as ComplianceReport;
      expect(report.suppressed.length).toBeGreaterThan(0);
      for (const suppressed of report.suppressed) {
        expect(suppressed.reason.length, `${suppressed.rule} on ${suppressed.resource}`).toBeGreaterThan(40);
      }
      expect(stackMetadata[stage]).toEqual(stacks.map(() => undefined));
    });
  },
);

describe("the checks themselves", () => {
  it("report a resource that breaks a rule, so a clean result means something", async () => {
    function Careless({ stack }: StackContext) {
      new sqs.Queue(stack, "PlainQueue");
      new logs.LogGroup(stack, "PlainLogs");
    }
    let report: ComplianceReport | undefined;
    const synthesised = await synthesise({
      stage: "dev",
      stacks: [Careless],
      build(app) {
        configure(app);
        app.stack(Careless);
        report = checkCompliance(app);
      },
    });
    synthesised.dispose();
    const rulesBroken = (id: string) =>
      (report?.errors ?? []).filter((error) => error.resource.includes(`/${id}/`)).map((error) => error.rule);
    expect(rulesBroken("PlainQueue")).toEqual(
      expect.arrayContaining(["AwsSolutions-SQS3", "AwsSolutions-SQS4"]),
    );
    expect(rulesBroken("PlainLogs")).toEqual(
      expect.arrayContaining([
        "HIPAA.Security-CloudWatchLogGroupEncrypted",
        "NIST.800.53.R5-CloudWatchLogGroupEncrypted",
      ]),
    );
  });
});
