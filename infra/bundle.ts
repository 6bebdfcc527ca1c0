import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { handlerPaths, subscriptions, webSocketHandlers } from "@linkwork/functions/manifest";
import type { FunctionProps } from "sst/constructs";
import { initProject } from "sst/project.js";
import { useNodeHandler } from "sst/runtime/handlers/node.js";
import { defaultFunctionProps } from "./app";
import { scheduledSweeps } from "./schedules";

export const repositoryRoot = fileURLToPath(new URL("..", import.meta.url));

/** Every function SST bundles from functions/src, by a short name. */
export const bundledFunctions: readonly { name: string; handler: string }[] = [
  { name: "api", handler: handlerPaths.api },
  { name: "relay", handler: handlerPaths.relay },
  ...subscriptions.map((subscription) => ({
    name: `subscriber ${subscription.name}`,
    handler: subscription.handler,
  })),
  ...scheduledSweeps.map((sweep) => ({ name: `sweep ${sweep.name}`, handler: sweep.handler })),
  ...Object.entries(webSocketHandlers).map(([route, handler]) => ({ name: `websocket ${route}`, handler })),
];

export interface FunctionBundle {
  /** The ES module SST wrote. */
  file: string;
  bytes: number;
  /** The part of `bytes` that is the AWS SDK: SST 2.49 bundles it (it forces only `sharp` and `pg-native` external). */
  sdkBytes: number;
  /** Bytes by npm package ("linkwork" for the repository's own code), largest first. */
  byPackage: [string, number][];
  /** zod's error message translations in the bundle. */
  zodLocales: string[];
  /** Every module with code in the bundle, as esbuild names it (relative to the working directory). */
  modules: string[];
  /** Packages bundled from more than one installed copy (two versions, or one under two peer sets). */
  duplicatePackages: string[];
}

interface Metafile {
  outputs: Record<
    string,
    { bytes: number; entryPoint?: string; inputs: Record<string, { bytesInOutput: number }> }
  >;
}

const awsSdk = /node_modules\/@(aws-sdk|smithy|aws)\//;
const zodLocale = /node_modules\/zod\/v4\/locales\/([^/]+)\.js$/;
const packageName = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/;
/** pnpm installs each copy of a package at `.pnpm/<name>@<version>[_<peers>]/node_modules/<name>/`. */
const installedCopy = /\.pnpm\/([^/]+)\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/;

let project: Promise<void> | undefined;

/**
 * Bundles a handler (`file.export`, relative to the repository root) into `out` through SST's own
 * Node.js builder in deploy mode, with the app's default function props: the code path and
 * options of `sst deploy`. A plugin that only listens reads esbuild's metafile, which SST keeps.
 */
export async function bundleFunction(handler: string, out: string): Promise<FunctionBundle> {
  project ??= initProject({ stage: "dev", root: repositoryRoot });
  await project;
  let metafile: Metafile | undefined;
  const nodejs = defaultFunctionProps.nodejs ?? {};
  const props: FunctionProps = {
    ...defaultFunctionProps,
    handler: join(repositoryRoot, handler),
    nodejs: {
      ...nodejs,
      esbuild: {
        ...nodejs.esbuild,
        plugins: [
          {
            name: "read-metafile",
            setup(build) {
              build.onEnd((result) => {
                metafile = result.metafile;
              });
            },
          },
        ],
      },
    },
  };
  const built = await useNodeHandler().build({ functionID: handler, mode: "deploy", out, props });
  if (built.type !== "success" || !metafile)
    throw new Error(`${handler} did not bundle: ${JSON.stringify(built)}`);
  const [path, output] =
    Object.entries(metafile.outputs).find(
      ([file, candidate]) => candidate.entryPoint && file.endsWith(".mjs"),
    ) ?? [];
  if (!path || !output) throw new Error(`${handler}: esbuild wrote no module`);
  const totals = new Map<string, number>();
  const copies = new Map<string, Set<string>>();
  const zodLocales: string[] = [];
  let sdkBytes = 0;
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    if (awsSdk.test(input)) sdkBytes += bytesInOutput;
    const locale = input.match(zodLocale)?.[1];
    if (locale && locale !== "index" && bytesInOutput > 0) zodLocales.push(locale);
    const name = input.match(packageName)?.[1] ?? "linkwork";
    totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
    const copy = input.match(installedCopy);
    if (copy?.[1] && copy[2]) copies.set(copy[2], (copies.get(copy[2]) ?? new Set()).add(copy[1]));
  }
  return {
    // esbuild names its output relative to the working directory.
    file: resolve(path),
    bytes: output.bytes,
    sdkBytes,
    byPackage: [...totals].sort((left, right) => right[1] - left[1]),
    zodLocales,
    modules: Object.entries(output.inputs)
      .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
      .map(([input]) => input),
    duplicatePackages: [...copies].filter(([, installed]) => installed.size > 1).map(([name]) => name),
  };
}

export function isAwsSdkPackage(name: string): boolean {
  return awsSdk.test(`node_modules/${name}/`);
}
