import { Token } from "aws-cdk-lib";
import { ResponseHeadersPolicy } from "aws-cdk-lib/aws-cloudfront";
import { type StackContext, StaticSite, type StaticSiteProps, use } from "sst/constructs";
import { Api } from "./api";
import { Auth } from "./auth";

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
export function Web({ stack }: StackContext) {
  const { api } = use(Api);
  const { client, hostedDomain } = use(Auth);
  const { prebuilt, ...source } = siteSource();
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
      distribution: {
        defaultBehavior: { responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS },
      },
    },
  });
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
