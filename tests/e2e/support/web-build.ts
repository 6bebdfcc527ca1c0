import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));
const builtIndex = join(repositoryRoot, "web", "dist", "index.html");

/** Everything the bundle is made from: the app, its build config, and the core schemas it imports. */
const inputs = [
  "web/src",
  "web/index.html",
  "web/vite.config.ts",
  "web/package.json",
  "web/tsconfig.json",
  "packages/core/src",
].map((path) => join(repositoryRoot, path));

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), 0);
}

/**
 * Builds the web app unless web/dist is newer than everything it is made from. The first test file
 * of a run builds; the rest find the build current, so it happens once per run at most.
 */
export function ensureWebAppBuilt(): void {
  const built = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
  if (built > Math.max(...inputs.map(newestChange))) return;
  execFileSync("pnpm", ["--filter", "@linkwork/web", "build"], {
    cwd: repositoryRoot,
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
  });
}

/** A separate build with other settings (e.g. hosted sign-in) into its own folder, for one test file. */
export function buildWebAppInto(outDir: string, environment: Record<string, string>): void {
  execFileSync(
    "pnpm",
    ["--filter", "@linkwork/web", "exec", "vite", "build", "--outDir", outDir, "--emptyOutDir"],
    {
      cwd: repositoryRoot,
      env: { ...process.env, ...environment },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 120_000,
    },
  );
}

/** Usable as a vitest globalSetup for the e2e project as well. */
export default function setup(): void {
  ensureWebAppBuilt();
}
