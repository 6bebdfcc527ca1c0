import { RemovalPolicy } from "aws-cdk-lib";

/** Stages that hold real data: their stateful resources outlive the stack and refuse deletion. */
export const protectedStages: readonly string[] = ["prod", "staging"];

/** Where people open the web app when they run it on their own machine (the local runtime or Vite). */
export const localWebOrigins: readonly string[] = ["http://localhost:3000", "http://localhost:5173"];

export interface StageSettings {
  stage: string;
  /** Retain stateful resources and turn on deletion protection. */
  isProtected: boolean;
  /** For stateful resources (table, user pool, logs, dead letter queues). */
  statefulRemovalPolicy: RemovalPolicy;
  /**
   * Origins the browser app is served from: allowed by the API's CORS and as sign-in redirects.
   * The deployed site's origin comes from `LINKWORK_WEB_ORIGIN` (its custom domain, or the CloudFront
   * address from the stage's first deploy); development stages also accept the local origins.
   */
  webOrigins: string[];
}

export function stageSettings(stage: string, environment: NodeJS.ProcessEnv = process.env): StageSettings {
  const isProtected = protectedStages.includes(stage);
  const deployedOrigin = readOrigin(environment.LINKWORK_WEB_ORIGIN);
  if (isProtected && !deployedOrigin) {
    throw new Error(
      `Stage "${stage}" holds real data and needs LINKWORK_WEB_ORIGIN (e.g. https://linkwork.example.nhs.uk) ` +
        "so that sign-in redirects and CORS name exactly the site people use",
    );
  }
  return {
    stage,
    isProtected,
    statefulRemovalPolicy: isProtected ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    webOrigins: [...(deployedOrigin ? [deployedOrigin] : []), ...(isProtected ? [] : localWebOrigins)],
  };
}

function readOrigin(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = new URL(value);
  if (url.protocol !== "https:") throw new Error(`LINKWORK_WEB_ORIGIN must be https, not ${value}`);
  return url.origin;
}
