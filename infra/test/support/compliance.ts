import { Aspects } from "aws-cdk-lib";
import {
  AwsSolutionsChecks,
  HIPAASecurityChecks,
  type INagLogger,
  NagMessageLevel,
  NIST80053R5Checks,
} from "cdk-nag";
import type { App } from "sst/constructs";

export interface Finding {
  rule: string;
  resource: string;
  /** The part of the resource the rule objects to, when it names one (a policy, a wildcard). */
  finding: string;
  level: NagMessageLevel;
  info: string;
}

export interface ComplianceReport {
  errors: Finding[];
  warnings: Finding[];
  suppressed: (Finding & { reason: string })[];
  /** Rules that threw while checking a resource: a check that did not run is not a pass. */
  failedChecks: string[];
}

/**
 * Runs AWS Solutions, HIPAA Security and NIST 800-53 rev 5 over every resource as the app is
 * synthesised, collecting what they find instead of annotating the stacks.
 */
export function checkCompliance(app: App): ComplianceReport {
  const report: ComplianceReport = { errors: [], warnings: [], suppressed: [], failedChecks: [] };
  const describe = (data: Parameters<INagLogger["onNonCompliance"]>[0]): Finding => ({
    rule: data.ruleId,
    resource: data.resource.node.path,
    finding: data.findingId,
    level: data.ruleLevel,
    info: data.ruleInfo,
  });
  const logger: INagLogger = {
    onCompliance: () => undefined,
    onNotApplicable: () => undefined,
    onNonCompliance(data) {
      const finding = describe(data);
      if (data.ruleLevel === NagMessageLevel.ERROR) report.errors.push(finding);
      else report.warnings.push(finding);
    },
    onSuppressed(data) {
      report.suppressed.push({ ...describe(data), reason: data.suppressionReason });
    },
    onError(data) {
      report.failedChecks.push(`${data.ruleId} on ${data.resource.node.path}: ${data.errorMessage}`);
    },
    onSuppressedError(data) {
      report.failedChecks.push(`${data.ruleId} on ${data.resource.node.path}: ${data.errorMessage}`);
    },
  };
  const props = { reports: false, additionalLoggers: [logger] };
  for (const pack of [
    new AwsSolutionsChecks(props),
    new HIPAASecurityChecks(props),
    new NIST80053R5Checks(props),
  ])
    Aspects.of(app).add(pack);
  return report;
}

export function describeFinding(finding: Finding): string {
  const part = finding.finding && finding.finding !== finding.rule ? ` (${finding.finding})` : "";
  return `${finding.rule} on ${finding.resource}${part}: ${finding.info}`;
}
