import { rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { App, getStack } from "sst/constructs";
import { initProject, setProject, useProject } from "sst/project.js";
import { configure } from "../../app";

export type StackFunction = Parameters<App["stack"]>[0];

export interface Synthesised {
  stage: string;
  /** Where the function bundles were built, one folder per function. */
  artifacts: string;
  template(stack: StackFunction): Template;
  /** Removes the build directory; call it once the file's tests are done. */
  dispose(): void;
}

/**
 * Synthesises stacks for a stage the way `sst deploy` would, offline: the app settings from
 * infra/app.ts (or sst.config.ts itself), functions bundled with esbuild, sites zipped. Each call gets its own build
 * directory, so test files synthesising in parallel never share one. `environment` is set only
 * while the stacks are built.
 */
export async function synthesise(options: {
  stage: string;
  stacks: readonly StackFunction[];
  environment?: Record<string, string>;
  /** How to add the stacks to the app: by default the app settings and then `stacks`, in order. */
  build?: (app: App) => void | Promise<void>;
}): Promise<Synthesised> {
  const out = await mkdtemp(join(tmpdir(), "linkwork-infra-"));
  const dispose = () => rmSync(out, { recursive: true, force: true });
  const previous = { ...process.env };
  Object.assign(process.env, options.environment);
  try {
    await initProject({ stage: options.stage });
    const project = useProject();
    const artifacts = join(out, "artifacts");
    setProject({ ...project, paths: { ...project.paths, out, artifacts } });
    const app = new App(
      { mode: "deploy", stage: options.stage, name: project.config.name, region: project.config.region },
      // Construct paths in the template let tests find resources by the names the stacks give them.
      { outdir: join(out, "cdk.out"), context: { "aws:cdk:enable-path-metadata": true } },
    );
    if (options.build) await options.build(app);
    else {
      configure(app);
      for (const stack of options.stacks) app.stack(stack);
    }
    await app.finish();
    const templates = new Map(
      options.stacks.map((stack) => [stack, Template.fromStack(getStack(stack))] as const),
    );
    return {
      stage: options.stage,
      artifacts,
      template(stack) {
        const template = templates.get(stack);
        if (!template) throw new Error(`Stack ${stack.name} was not synthesised`);
        return template;
      },
      dispose,
    };
  } catch (error) {
    dispose();
    throw error;
  } finally {
    for (const key of Object.keys(options.environment ?? {})) {
      if (previous[key] === undefined) delete process.env[key];
      else process.env[key] = previous[key];
    }
  }
}
