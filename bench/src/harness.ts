import { type LocalRuntime, startLocalRuntime } from "@linkwork/local/runtime";
import { loadAverage } from "./machine";

export interface Harness {
  runtime: LocalRuntime;
  /** The API's base URL on the loopback address, so no name lookup sits inside a timing. */
  baseUrl: string;
  /** The machine's load averages before the runtime started, to tell other work from ours. */
  loadAtStart: string;
}

/**
 * Runs one benchmark against a fresh local runtime (in-memory DynamoDB Local, any free port,
 * demo world seeded) and always stops it, Java process included. The run is cut off at the
 * deadline, so a hang cannot keep a machine busy; the process exits with the benchmark's code.
 */
export async function runBenchmark(
  name: string,
  deadlineMs: number,
  benchmark: (harness: Harness) => Promise<number>,
): Promise<never> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const loadAtStart = loadAverage();
  let runtime: LocalRuntime | undefined;
  const stopAndExit = async (code: number): Promise<never> => {
    await runtime?.stop().catch((error: unknown) => console.error(`Could not stop the runtime: ${error}`));
    process.exit(code);
  };
  const deadline = setTimeout(() => {
    console.error(`\n${name}: stopped after ${deadlineMs / 1000}s without finishing`);
    void stopAndExit(2);
  }, deadlineMs);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void stopAndExit(130));
  }
  try {
    runtime = await startLocalRuntime({
      port: 0,
      host: "127.0.0.1",
      seed: true,
      // Measure DynamoDB Local as it runs once warm, as in a session of real use.
      dynamodbJvm: "throughput",
      // The service-level sweep changes referrals on its own clock; kept out of the run, every
      // change is one a client asked for and the figures are the requests' alone.
      scheduleIntervalMs: 24 * 60 * 60 * 1000,
    });
    const baseUrl = `http://127.0.0.1:${runtime.port}`;
    const code = await benchmark({ runtime, baseUrl, loadAtStart });
    clearTimeout(deadline);
    return await stopAndExit(code);
  } catch (error) {
    clearTimeout(deadline);
    console.error(`${name} failed:`, error);
    return await stopAndExit(1);
  }
}
