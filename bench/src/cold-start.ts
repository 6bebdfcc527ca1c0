import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { marshall } from "@aws-sdk/util-dynamodb";
import { eventSource } from "@linkwork/core/event/catalogue";
import { createId } from "@linkwork/core/util/id";
import { bundledFunctions, bundleFunction, type FunctionBundle } from "@linkwork/infra/bundle";
import { toHttpApiEvent } from "@linkwork/local/api-gateway";
import { apiClient } from "./api-client";
import { runBenchmark } from "./harness";
import { describeMachine, describeSettings } from "./machine";
import { referralInput } from "./referral-input";
import { milliseconds, summarise } from "./stats";
import { heading, table } from "./table";

/**
 * Each function bundle as SST deploys it, imported and invoked once with a representative event
 * in a fresh Node process, several times over; against the same for a bundle holding only the AWS
 * SDK's DynamoDB client and one GetItem. The first invocation does its real I/O (DynamoDB Local,
 * the dev issuer's JWKS, the local EventBridge endpoint) on this machine.
 */
const settings = { runs: 9, deadlineMs: 240_000 };

const probe = fileURLToPath(new URL("./cold-start-probe.mjs", import.meta.url));
const run = promisify(execFile);

interface Case {
  name: string;
  handler: string;
  /** A new event for each run, so no run finds the work of the one before already done. */
  event(): Promise<unknown>;
  succeeded(result: unknown): boolean;
}

interface Sample {
  importMs: number;
  invocationMs: number;
  importCpuMs: number;
  invocationCpuMs: number;
}

await runBenchmark("cold-start", settings.deadlineMs, async ({ runtime, baseUrl, loadAtStart }) => {
  const api = apiClient(baseUrl);
  const gp = await api.signIn("gp@linkwork.test");
  const coordinator = await api.signIn("coordinator@linkwork.test");
  const created = await api.call<{ id: string }>("POST", "/api/referrals", {
    token: gp,
    body: referralInput(),
  });
  if (created.status !== 201) throw new Error(`Creating a referral answered ${created.status}`);
  const referralId = created.body.id;
  await runtime.settled();

  const cases = casesFor(baseUrl, coordinator, referralId);
  const work = await mkdtemp(join(tmpdir(), "linkwork-cold-start-"));
  try {
    const results: Result[] = [];
    for (const item of cases) {
      const bundle = await bundleFunction(item.handler, join(work, item.name));
      // One run first, not counted, so every counted one finds the bundle in the page cache.
      await coldStart(item, bundle, work);
      results.push({ item, bundle, samples: [] });
    }
    // Round by round, every bundle in turn, so a change in the machine's load touches them all.
    for (let round = 0; round < settings.runs; round++) {
      for (const result of results) result.samples.push(await coldStart(result.item, result.bundle, work));
      // Events the relay published reach the timeline subscriber in this process: let them land.
      await runtime.settled();
    }
    print(results, loadAtStart);
    return 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

async function coldStart(item: Case, bundle: FunctionBundle, work: string): Promise<Sample> {
  const eventFile = join(work, `${item.name}.event.json`);
  await writeFile(eventFile, JSON.stringify(await item.event()));
  // The handlers' settings (table, endpoints, issuer) are in this process's environment, set by
  // the local runtime; NODE_OPTIONS would carry this process's TypeScript loader into the child.
  const { NODE_OPTIONS: _loader, ...environment } = process.env;
  const { stdout } = await run(process.execPath, [probe, bundle.file, eventFile], {
    env: environment,
    timeout: 30_000,
  });
  const sample = JSON.parse(stdout) as Sample & { result: unknown };
  if (!item.succeeded(sample.result)) {
    throw new Error(`${item.name}: the first invocation failed: ${JSON.stringify(sample.result)}`);
  }
  const { result: _result, ...timings } = sample;
  return timings;
}

function casesFor(baseUrl: string, coordinatorToken: string, referralId: string): Case[] {
  const handlers = new Map(bundledFunctions.map(({ name, handler }) => [name, handler]));
  const handlerOf = (name: string) => {
    const handler = handlers.get(name);
    if (!handler) throw new Error(`No function named ${name}`);
    return handler;
  };
  const receivedEvent = () => ({
    id: createId("event"),
    type: "referral.received",
    occurredAt: new Date().toISOString(),
    actor: { type: "user", id: "usr_bench" },
    subject: { type: "referral", id: referralId },
    data: { referralId, source: "gp", needs: ["housing"], riskFlags: [] },
  });
  return [
    {
      name: "AWS SDK floor",
      handler: "bench/src/cold-start-baseline.handler",
      event: async () => ({}),
      succeeded: (result) => isObject(result) && result.found === false,
    },
    {
      name: "api",
      handler: handlerOf("api"),
      event: () =>
        toHttpApiEvent(
          new Request(`${baseUrl}/api/referrals/${referralId}`, {
            headers: { authorization: `Bearer ${coordinatorToken}` },
          }),
        ),
      succeeded: (result) => isObject(result) && result.statusCode === 200,
    },
    {
      name: "relay",
      handler: handlerOf("relay"),
      event: async () => {
        const event = receivedEvent();
        const item = {
          pk: `$linkwork#eventid_${event.id}`,
          sk: "$outbox_1",
          __edb_e__: "outbox",
          __edb_v__: "1",
          eventId: event.id,
          type: event.type,
          occurredAt: event.occurredAt,
          actor: event.actor,
          subject: event.subject,
          data: event.data,
          expiresAt: Math.floor(Date.now() / 1000) + 3600,
        };
        return {
          Records: [{ eventName: "INSERT", dynamodb: { SequenceNumber: "1", NewImage: marshall(item) } }],
        };
      },
      succeeded: (result) =>
        isObject(result) && Array.isArray(result.batchItemFailures) && result.batchItemFailures.length === 0,
    },
    {
      name: "subscriber timeline",
      handler: handlerOf("subscriber timeline"),
      event: async () => {
        const event = receivedEvent();
        return {
          version: "0",
          id: createId("event"),
          "detail-type": event.type,
          source: eventSource,
          account: "000000000000",
          time: event.occurredAt,
          region: "eu-west-2",
          resources: [],
          detail: event,
        };
      },
      succeeded: (result) => result === null,
    },
    {
      name: "sweep service-levels",
      handler: handlerOf("sweep service-levels"),
      event: async () => ({}),
      succeeded: (result) => isObject(result) && Array.isArray(result.expired),
    },
  ];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

interface Result {
  item: Case;
  bundle: FunctionBundle;
  samples: Sample[];
}

function print(results: Result[], loadAtStart: string) {
  const kilobytes = (bytes: number) => (bytes / 1024).toFixed(0);
  const median = (samples: Sample[], figure: (sample: Sample) => number) =>
    summarise(samples.map(figure)).p50;
  const cpu = (sample: Sample) => sample.importCpuMs + sample.invocationCpuMs;
  const wall = (sample: Sample) => sample.importMs + sample.invocationMs;
  const floor = results[0] ? median(results[0].samples, cpu) : Number.NaN;
  console.info(heading("cold-start: import plus first invocation, each in a fresh Node process"));
  console.info(
    describeSettings([
      ["runs per bundle", `${settings.runs}, after one not counted, round by round`],
      ["figures", "medians, milliseconds: CPU time of the process (user + system), then wall time"],
      ...describeMachine(loadAtStart),
    ]),
  );
  console.info(
    `\n${table(
      [
        "bundle",
        "KB",
        "KB w/o SDK",
        "import CPU",
        "first call CPU",
        "CPU",
        "vs floor",
        "import wall",
        "total wall",
      ],
      results.map(({ item, bundle, samples }) => [
        item.name,
        kilobytes(bundle.bytes),
        kilobytes(bundle.bytes - bundle.sdkBytes),
        `${milliseconds(median(samples, (sample) => sample.importCpuMs))}ms`,
        `${milliseconds(median(samples, (sample) => sample.invocationCpuMs))}ms`,
        `${milliseconds(median(samples, cpu))}ms`,
        `${(median(samples, cpu) / floor).toFixed(2)}x`,
        `${milliseconds(median(samples, (sample) => sample.importMs))}ms`,
        `${milliseconds(median(samples, wall))}ms`,
      ]),
    )}`,
  );
}
