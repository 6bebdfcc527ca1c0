import { type App, type FunctionProps, getStack } from "sst/constructs";
import { Api } from "./api";
import { Auth } from "./auth";
import { exemptDeployTimeHandler } from "./compliance";
import { Events } from "./events";
import { connectLive, Live } from "./live";
import { Schedules } from "./schedules";
import { stageSettings } from "./stage";
import { Storage } from "./storage";
import { Web } from "./web";

export type { SSTConfig } from "sst";

/** Every function: Node 22 on Graviton, an ESM bundle, traced. Functions raise memory or timeout where they need to. */
export const defaultFunctionProps: FunctionProps = {
  runtime: "nodejs22.x",
  architecture: "arm_64",
  memorySize: "512 MB",
  timeout: "10 seconds",
  tracing: "active",
  nodejs: { format: "esm", minify: true, esbuild: { target: "node22" } },
};

/** In dependency order: each stack uses only those before it. */
export const stacks = [Storage, Live, Events, Schedules, Auth, Api, Web] as const;

/**
 * App-wide settings. Development stages tear everything down with the stage; protected stages keep
 * their stateful resources (each sets its own removal policy), while replaced functions, rules and
 * roles are deleted rather than orphaned, so an old rule can never keep delivering events.
 */
export function configure(app: App): void {
  const settings = stageSettings(app.stage);
  app.setDefaultFunctionProps(defaultFunctionProps);
  if (!settings.isProtected) app.setDefaultRemovalPolicy("destroy");
}

export function addStacks(app: App): void {
  for (const stack of stacks) app.stack(stack);
  connectLive();
  for (const stack of stacks) exemptDeployTimeHandler(getStack(stack));
}
