import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Template } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import config from "../../sst.config";
import { Api } from "../api";
import { stacks } from "../app";
import { Auth } from "../auth";
import { Events } from "../events";
import { Live } from "../live";
import { Schedules } from "../schedules";
import { Storage } from "../storage";
import { siteSource, Web } from "../web";
import { synthesise } from "./support/synthesise";
import { describeValue, logicalIdOf, resourceNamed, resourcesOfType } from "./support/template";

const productionOrigin = "https://linkwork.example.nhs.uk";
const variables = [
  "VITE_API_URL",
  "VITE_AUTH_MODE",
  "VITE_COGNITO_DOMAIN",
  "VITE_COGNITO_CLIENT_ID",
  "VITE_COGNITO_REGION",
];

/** A site built the way a pipeline builds its artefact: every variable left as its placeholder. */
const artefact = mkdtempSync(join(tmpdir(), "linkwork-site-"));
mkdirSync(join(artefact, "assets"));
writeFileSync(
  join(artefact, "index.html"),
  '<!doctype html><script type="module" src="/assets/index.js"></script>',
);
writeFileSync(
  join(artefact, "assets", "index.js"),
  `export const config = {${variables.map((name) => `${name}: "{{ ${name} }}"`).join(", ")}};`,
);

let templates: {
  web: Template;
  api: Template;
  auth: Template;
  storage: Template;
  events: Template;
  schedules: Template;
  live: Template;
};

beforeAll(async () => {
  // The whole app, built through sst.config.ts exactly as `sst deploy --stage prod` builds it.
  const synthesised = await synthesise({
    stage: "prod",
    stacks,
    build: (app) => config.stacks(app),
    environment: { LINKWORK_WEB_ORIGIN: productionOrigin, LINKWORK_WEB_ARTEFACT: artefact },
  });
  templates = {
    web: synthesised.template(Web),
    api: synthesised.template(Api),
    auth: synthesised.template(Auth),
    storage: synthesised.template(Storage),
    events: synthesised.template(Events),
    schedules: synthesised.template(Schedules),
    live: synthesised.template(Live),
  };
  synthesised.dispose();
});

afterAll(() => rmSync(artefact, { recursive: true, force: true }));

describe("the web app", () => {
  it("is deployed from web/, built with `pnpm build` into a folder local development never serves", () => {
    const source = siteSource({});
    expect(source.path).toBe("web");
    expect(source.buildCommand).toMatch(/^pnpm build --outDir \.\.\/\.sst\/web-dist/);
    expect(source.buildOutput).toBe("../.sst/web-dist");
    expect(source.prebuilt).toBe(false);
  });

  it("is served from a private bucket through CloudFront, over HTTPS, with security headers", () => {
    const buckets = resourcesOfType(templates.web, "AWS::S3::Bucket");
    expect(buckets).toHaveLength(2);
    for (const bucket of buckets) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
    const [distribution] = resourcesOfType(templates.web, "AWS::CloudFront::Distribution");
    const config = distribution?.Properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe("index.html");
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe("redirect-to-https");
    // CloudFront's managed SecurityHeadersPolicy: HSTS, nosniff, frame options, referrer policy.
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toBe("67f7725c-6f97-4210-82d7-5512b31e9d03");
  });

  it("refuses plain HTTP to both buckets, and logs every request to the site and its bucket", () => {
    const accessLogs = logicalIdOf(templates.web, "AccessLogs", "AWS::S3::Bucket");
    const site = resourceNamed(templates.web, "S3Bucket", "AWS::S3::Bucket");
    expect(site.Properties.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: accessLogs },
      LogFilePrefix: "site-bucket/",
    });
    const [distribution] = resourcesOfType(templates.web, "AWS::CloudFront::Distribution");
    expect(distribution?.Properties.DistributionConfig.Logging).toEqual({
      Bucket: { "Fn::GetAtt": [accessLogs, "RegionalDomainName"] },
      Prefix: "cloudfront/",
    });
    for (const policy of resourcesOfType(templates.web, "AWS::S3::BucketPolicy")) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({
          Effect: "Deny",
          Action: "s3:*",
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        }),
      );
    }
    expect(resourcesOfType(templates.web, "AWS::S3::BucketPolicy")).toHaveLength(2);
  });

  it("keeps the access logs a year, encrypted and versioned, and outliving the stack in production", () => {
    const logs = resourceNamed(templates.web, "AccessLogs", "AWS::S3::Bucket");
    expect(logs.DeletionPolicy).toBe("Retain");
    expect(logs.Properties.VersioningConfiguration).toEqual({ Status: "Enabled" });
    expect(logs.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
    });
    expect(logs.Properties.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ ExpirationInDays: 365, NoncurrentVersionExpiration: { NoncurrentDays: 30 } }),
    ]);
  });

  it("sends every unknown path to index.html, so the app's own routes work on reload", () => {
    const [distribution] = resourcesOfType(templates.web, "AWS::CloudFront::Distribution");
    const errors = distribution?.Properties.DistributionConfig.CustomErrorResponses as Record<
      string,
      unknown
    >[];
    expect(errors).toContainEqual(
      expect.objectContaining({ ErrorCode: 404, ResponseCode: 200, ResponsePagePath: "/index.html" }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ ErrorCode: 403, ResponseCode: 200, ResponsePagePath: "/index.html" }),
    );
  });

  it("is configured at deploy time for this stage's API and hosted sign-in", () => {
    const [upload] = resourcesOfType(templates.web, "Custom::S3Uploader");
    const replacements = upload?.Properties.replaceValues as {
      files: string;
      search: string;
      replace: unknown;
    }[];
    const exporters = Object.values(templates);
    const values = Object.fromEntries(
      variables.map((name) => {
        const found = replacements.filter((replacement) => replacement.search === `{{ ${name} }}`);
        expect(found.map((replacement) => replacement.files).sort(), name).toEqual(["**/*.html", "**/*.js"]);
        return [name, describeValue(found[0]?.replace, exporters)];
      }),
    );
    expect(values).toEqual({
      VITE_API_URL: "Api.ApiEndpoint",
      VITE_AUTH_MODE: "cognito",
      VITE_COGNITO_DOMAIN: "AuthUserPoolHostedSignIn.auth.eu-west-2.amazoncognito.com",
      VITE_COGNITO_CLIENT_ID: "AuthUserPoolClient",
      VITE_COGNITO_REGION: "eu-west-2",
    });
  });
});

describe("in production", () => {
  it("the API admits only the production site", () => {
    const [httpApi] = resourcesOfType(templates.api, "AWS::ApiGatewayV2::Api");
    expect(httpApi?.Properties.CorsConfiguration.AllowOrigins).toEqual([productionOrigin]);
  });

  it("data is kept, but functions, rules and roles are replaced cleanly rather than orphaned", () => {
    const [table] = resourcesOfType(templates.storage, "AWS::DynamoDB::Table");
    expect(table?.DeletionPolicy).toBe("Retain");
    for (const template of Object.values(templates)) {
      for (const type of ["AWS::Lambda::Function", "AWS::Events::Rule", "AWS::IAM::Role"]) {
        for (const resource of resourcesOfType(template, type))
          expect(resource.DeletionPolicy).toBeUndefined();
      }
    }
  });

  it("every Linkwork function has concurrency reserved, so none can starve the others", () => {
    const reserved: Record<string, number | undefined> = {};
    for (const template of Object.values(templates)) {
      for (const fn of resourcesOfType(template, "AWS::Lambda::Function")) {
        const path = fn.Metadata?.["aws:cdk:path"] ?? "";
        if (path.includes("/CustomResourceHandler/")) continue;
        reserved[path.split("/")[1] ?? path] = fn.Properties.ReservedConcurrentExecutions;
      }
    }
    expect(reserved).toEqual({
      ApiHandler: 100,
      Preflight: 10,
      Relay: 10,
      Subscriber_timeline: 10,
      Subscriber_live: 10,
      LiveConnect: 20,
      LiveDisconnect: 20,
      LiveMessage: 20,
      "Sweep_service-levels": 2,
    });
  });

  it("dead letter queues and logs are kept with the data", () => {
    for (const type of ["AWS::SQS::Queue", "AWS::Logs::LogGroup"]) {
      for (const resource of resourcesOfType(templates.events, type))
        expect(resource.DeletionPolicy).toBe("Retain");
    }
  });
});
