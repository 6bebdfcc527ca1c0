import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { eventually } from "./eventually";

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const tsx = join(repositoryRoot, "packages/local/node_modules/tsx/dist/cli.mjs");
const main = join(repositoryRoot, "packages/local/src/main.ts");

export interface CliProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** The URL the CLI printed once ready. */
  ready(timeoutMs?: number): Promise<string>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs the `dev` command (`tsx packages/local/src/main.ts`) as a developer would. */
export function startCli(args: string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, [tsx, main, ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolveExit) => child.once("exit", (code) => resolveExit(code)));
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  return {
    child,
    output: () => output,
    exited,
    ready: (timeoutMs = 150_000) =>
      eventually(
        async () => {
          if (hasExited) throw new Error(`The CLI exited before it was ready:\n${output}`);
          return /Linkwork is running at (http:\/\/\S+)/.exec(output)?.[1];
        },
        { timeoutMs, intervalMs: 200, what: "the CLI to be ready" },
      ),
    async stop(signal = "SIGTERM") {
      if (!hasExited) child.kill(signal);
      return exited;
    },
  };
}

/** Processes whose command line mentions this text (e.g. a DynamoDB Local `-dbPath`). */
export function processesMentioning(text: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      if (commandLine.includes(text)) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}
