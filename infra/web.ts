import { AspectPriority, Aspects, Duration, type Stack, Token } from "aws-cdk-lib";
import { ResponseHeadersPolicy } from "aws-cdk-lib/aws-cloudfront";
import * as s3 from "aws-cdk-lib/aws-s3";
import { type StackContext, StaticSite, type StaticSiteProps, use } from "sst/constructs";
import { Api } from "./api";
import { Auth } from "./auth";
import { type Exemption, exempt, healthcareRule } from "./compliance";
import { type StageSettings, stageSettings } from "./stage";

/** Deploy builds go here, never to web/dist, which the local runtime serves. */
const deployBuildDirectory = "../.sst/web-dist";

export type SiteSource = Pick<StaticSiteProps, "path" | "buildCommand" | "buildOutput" | "vite"> & {
  prebuilt: boolean;
};

/**
 * Where the site's files come from. By default the deploy builds `web/`. A pipeline that builds once
 * and promotes the same files through its stages sets `LINKWORK_WEB_ARTEFACT` to that build, made
 * with every `VITE_*` variable set to its `{{ NAME }}` placeholder: the deploy fills them all in.
 */
export function siteSource(environment: NodeJS.ProcessEnv = process.env): SiteSource {
  const artefact = environment.LINKWORK_WEB_ARTEFACT;
  if (artefact) return { path: artefact, buildOutput: ".", prebuilt: true };
  return {
    path: "web",
    buildCommand: `pnpm build --outDir ${deployBuildDirectory} --emptyOutDir`,
    buildOutput: deployBuildDirectory,
    // SST writes a typing file for the site's variables; web/ declares its own, so keep this one out of it.
    vite: { types: "../.sst/web-env.d.ts" },
    prebuilt: false,
  };
}

/** The SolidJS app on S3 and CloudFront, configured for this stage's API and hosted sign-in. */
export function Web({ app, stack }: StackContext) {
  const settings = stageSettings(app.stage);
  const { api } = use(Api);
  const { client, hostedDomain } = use(Auth);
  const { prebuilt, ...source } = siteSource();
  const accessLogs = accessLogBucket(stack, settings);
  const environment: Record<string, string> = {
    VITE_API_URL: api.url,
    VITE_AUTH_MODE: "cognito",
    VITE_COGNITO_DOMAIN: hostedDomain,
    VITE_COGNITO_CLIENT_ID: client.userPoolClientId,
    VITE_COGNITO_REGION: stack.region,
  };
  const site = new StaticSite(stack, "Site", {
    ...source,
    environment,
    // SST fills in values known only at deploy time; a prebuilt site needs the fixed ones filled in too.
    replaceValues: prebuilt ? fixedValueReplacements(environment) : [],
    errorPage: "redirect_to_index_page",
    cdk: {
      bucket: {
        enforceSSL: true,
        serverAccessLogsBucket: accessLogs,
        serverAccessLogsPrefix: "site-bucket/",
      },
      distribution: {
        defaultBehavior: { responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS },
        enableLogging: true,
        logBucket: accessLogs,
        logFilePrefix: "cloudfront/",
      },
    },
  });
  exemptSite(site);
  stack.addOutputs({ SiteUrl: site.url });
  return { site };
}

function fixedValueReplacements(environment: Record<string, string>) {
  return Object.entries(environment)
    .filter(([, value]) => !Token.isUnresolved(value))
    .flatMap(([name, value]) =>
      ["**/*.html", "**/*.js"].map((files) => ({ files, search: `{{ ${name} }}`, replace: value })),
    );
}

/** How long requests to the site are kept on record. */
export const accessLogRetention = Duration.days(365);

/**
 * CloudFront's and the site bucket's access logs. CloudFront's standard logs are delivered with an
 * ACL grant, so the bucket takes object-writer ownership; S3 server access logs can be delivered
 * only to a bucket encrypted with S3-managed keys, so it uses SSE-S3.
 */
function accessLogBucket(stack: Stack, settings: StageSettings): s3.Bucket {
  const bucket = new s3.Bucket(stack, "AccessLogs", {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    versioned: true,
    objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
    lifecycleRules: [{ expiration: accessLogRetention, noncurrentVersionExpiration: Duration.days(30) }],
    removalPolicy: settings.statefulRemovalPolicy,
    autoDeleteObjects: !settings.isProtected,
  });
  exempt(bucket, [
    {
      rules: healthcareRule("S3DefaultEncryptionKMS"),
      reason:
        "S3 server access logs can be delivered only to a bucket whose default encryption is S3-managed keys (SSE-S3), not KMS; CloudFront's logs share the bucket",
    },
    {
      rules: healthcareRule("S3BucketReplicationEnabled"),
      reason:
        "Access logs are kept for review in the stage's own region; replicating them elsewhere would move request records out of the UK region",
    },
  ]);
  return bucket;
}

/** What does not apply to the site: its files are the public web app, rebuilt from the repository on every deploy. */
function exemptSite(site: StaticSite) {
  if (!site.cdk) throw new Error("The static site has no bucket or distribution to check");
  const rebuilt =
    "The bucket holds only the built web app, which every deploy uploads again from the repository";
  exempt(site.cdk.bucket, [
    {
      rules: healthcareRule("S3BucketVersioningEnabled"),
      reason: `${rebuilt}: an earlier version is a redeploy away`,
    },
    {
      rules: healthcareRule("S3BucketReplicationEnabled"),
      reason: `${rebuilt}: there is nothing to recover from a copy`,
    },
    {
      rules: healthcareRule("S3DefaultEncryptionKMS"),
      reason: `${rebuilt} and serves it to anyone through CloudFront; SST's origin access identity cannot read SSE-KMS objects, so it is encrypted with S3-managed keys`,
    },
  ]);
  exempt(site.cdk.distribution, [
    {
      rules: ["AwsSolutions-CFR4"],
      reason:
        "Served on the default *.cloudfront.net certificate until the stage has a custom domain, and that certificate cannot set a minimum TLS version; the distribution redirects every request to HTTPS",
    },
    {
      rules: ["AwsSolutions-CFR7"],
      reason:
        "SST v2's StaticSite reaches its private bucket through an origin access identity; the bucket policy admits only that identity",
    },
  ]);
  const deployTime =
    "SST's deploy-time policy for uploading the site and invalidating the CDN, attached to its custom resource handler alone";
  const deployTimeExemptions: Record<string, Exemption[]> = {
    S3UploaderPolicy: [
      { rules: healthcareRule("IAMNoInlinePolicy"), reason: deployTime },
      {
        rules: ["AwsSolutions-IAM5"],
        appliesTo: [
          { regex: "/^Resource::<SiteS3Bucket[0-9A-F]{8}\\.Arn>\\/\\*$/" },
          { regex: "/^Resource::arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-.*\\/\\*$/" },
        ],
        reason: `${deployTime}: it writes the site's objects and reads the deploy assets, both only inside their buckets`,
      },
    ],
    CloudFrontInvalidatorPolicy: [{ rules: healthcareRule("IAMNoInlinePolicy"), reason: deployTime }],
  };
  // SST adds these policies when it builds the site, after this stack's code has run, so they are
  // marked as the app is synthesised, before the compliance checks look at them.
  Aspects.of(site).add(
    {
      visit(node) {
        const exemptions = deployTimeExemptions[node.node.id];
        if (exemptions && node.node.scope === site) exempt(node, exemptions);
      },
    },
    { priority: AspectPriority.MUTATING },
  );
}
