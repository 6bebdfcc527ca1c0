import {
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";
import type { UserActor } from "@linkwork/core/actor";
import { toAuditItem } from "@linkwork/core/audit/record";
import type { Context } from "@linkwork/core/context";
import { readReferral } from "@linkwork/core/referral/read";
import { demoUsers } from "@linkwork/local/demo-world";
import { type ApiClient, apiClient } from "./api-client";
import { runBenchmark } from "./harness";
import { describeMachine, describeSettings } from "./machine";
import { rawDocumentClient } from "./raw-dynamodb";
import { referralInput } from "./referral-input";
import { milliseconds, type Summary, summarise } from "./stats";
import { heading, table } from "./table";

/**
 * GET /api/referrals/{id} through the local runtime, against the DynamoDB Local calls it makes
 * (a consistent GetItem of the referral, then a TransactWriteItems of one conditional audit put) issued raw.
 */
const settings = {
  referrals: 50,
  warmUpRounds: 200,
  measuredRounds: 1000,
  deadlineMs: 240_000,
};

type Timing = "request" | "useCase" | "health" | "me" | "getItem" | "auditWrite" | "rawSum";

interface Probe {
  name: Exclude<Timing, "rawSum">;
  run(referralId: string): Promise<number>;
}

await runBenchmark("read-referral", settings.deadlineMs, async ({ runtime, baseUrl, loadAtStart }) => {
  const api = apiClient(baseUrl);
  const gp = await api.signIn("gp@linkwork.test");
  const coordinatorToken = await api.signIn("coordinator@linkwork.test");
  const referralIds = await createReferrals(api, gp, settings.referrals);
  // Let the event pipeline write the new referrals' timelines before timing anything.
  await runtime.settled();

  const raw = rawDocumentClient(runtime.dynamodb.endpoint);
  const probes = makeProbes(api, coordinatorToken, raw, runtime.context, coordinator());
  const started = performance.now();
  await rounds(probes, referralIds, settings.warmUpRounds);
  const timings = await rounds(probes, referralIds, settings.measuredRounds);
  const seconds = (performance.now() - started) / 1000;
  raw.destroy();

  print(timings, seconds, loadAtStart);
  return 0;
});

async function createReferrals(api: ApiClient, token: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const response = await api.call<{ id: string }>("POST", "/api/referrals", {
      token,
      body: referralInput(),
    });
    if (response.status !== 201) throw new Error(`Creating a referral answered ${response.status}`);
    ids.push(response.body.id);
  }
  return ids;
}

function coordinator(): UserActor {
  const user = demoUsers.find((candidate) => candidate.email === "coordinator@linkwork.test");
  if (!user) throw new Error("The demo world has no coordinator");
  const { userId, email, name, roles, organisationId } = user;
  return { type: "user", userId, email, name, roles, organisationId };
}

/** Each probe times one call; the raw calls' parameters come from ElectroDB, as the API's do. */
function makeProbes(
  api: ApiClient,
  token: string,
  raw: DynamoDBDocumentClient,
  context: Context,
  actor: UserActor,
): Probe[] {
  const { db } = context;
  const timedGet = async (path: string, referralId: string) => {
    const response = await api.call("GET", path, { token });
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status} (${referralId})`);
    return response.ms;
  };
  return [
    { name: "request", run: (referralId) => timedGet(`/api/referrals/${referralId}`, referralId) },
    {
      name: "useCase",
      run: async (referralId) => {
        const started = performance.now();
        await readReferral(context, actor, referralId);
        return performance.now() - started;
      },
    },
    { name: "health", run: (referralId) => timedGet("/api/health", referralId) },
    { name: "me", run: (referralId) => timedGet("/api/me", referralId) },
    {
      name: "getItem",
      run: async (referralId) => {
        const params = db.entities.referral.get({ referralId }).params({ consistent: true });
        const started = performance.now();
        const result = await raw.send(new GetCommand(params));
        const ms = performance.now() - started;
        if (!result.Item) throw new Error(`GetItem found no referral ${referralId}`);
        return ms;
      },
    },
    {
      name: "auditWrite",
      run: async (referralId) => {
        const entry = toAuditItem({
          actor,
          action: "referral.read",
          subjectType: "referral",
          subjectId: referralId,
          purpose: "Triage coordination",
          outcome: "granted",
          at: new Date(),
        });
        // The shape recordAudit sends: one conditional put inside a transaction.
        const params = db.service.transaction
          .write(({ audit }) => [audit.create(entry).commit()])
          .params() as TransactWriteCommandInput;
        const started = performance.now();
        await raw.send(new TransactWriteCommand(params));
        return performance.now() - started;
      },
    },
  ];
}

/**
 * One round calls every probe once, one at a time, on the same referral; the order rotates from
 * round to round, so no probe always follows the same one.
 */
async function rounds(probes: Probe[], referralIds: string[], count: number) {
  const timings: Record<Timing, number[]> = {
    request: [],
    useCase: [],
    health: [],
    me: [],
    getItem: [],
    auditWrite: [],
    rawSum: [],
  };
  for (let round = 0; round < count; round++) {
    const referralId = referralIds[round % referralIds.length] as string;
    const ms: Partial<Record<Probe["name"], number>> = {};
    for (let step = 0; step < probes.length; step++) {
      const probe = probes[(round + step) % probes.length] as Probe;
      ms[probe.name] = await probe.run(referralId);
      timings[probe.name].push(ms[probe.name] as number);
    }
    timings.rawSum.push((ms.getItem ?? 0) + (ms.auditWrite ?? 0));
  }
  return timings;
}

function print(timings: Record<Timing, number[]>, seconds: number, loadAtStart: string) {
  const summaries = Object.fromEntries(
    Object.entries(timings).map(([name, samples]) => [name, summarise(samples)]),
  ) as Record<Timing, Summary>;
  const row = (label: string, summary: Summary) => [
    label,
    String(summary.count),
    milliseconds(summary.p50),
    milliseconds(summary.p95),
    milliseconds(summary.mean),
    milliseconds(summary.min),
    milliseconds(summary.max),
  ];
  const { request, useCase, rawSum, getItem, auditWrite, health, me } = summaries;

  console.info(heading("GET /api/referrals/{id}: the API against its own DynamoDB Local calls"));
  console.info(
    describeSettings([
      ...describeMachine(loadAtStart),
      ...Object.entries(settings),
      ["measured in", `${seconds.toFixed(1)}s, one call at a time, so nothing waits in a queue`],
    ]),
  );
  console.info("");
  console.info(
    table(
      ["timing (ms)", "count", "p50", "p95", "mean", "min", "max"],
      [
        row("GET /api/referrals/{id} over HTTP", request),
        row("  readReferral use case, in process", useCase),
        row("  raw GetItem (consistent)", getItem),
        row("  raw TransactWriteItems (1 audit put)", auditWrite),
        row("  raw calls of one request, summed", rawSum),
        row("GET /api/health (no auth, no data)", health),
        row("GET /api/me (auth, no data)", me),
      ],
    ),
  );
  console.info("");
  console.info(
    table(
      ["request / raw calls", "p50", "p95"],
      [
        ["ratio", `${(request.p50 / rawSum.p50).toFixed(2)}x`, `${(request.p95 / rawSum.p95).toFixed(2)}x`],
        ["overhead (ms)", milliseconds(request.p50 - rawSum.p50), milliseconds(request.p95 - rawSum.p95)],
      ],
    ),
  );
  console.info("\nWhere the median request's time goes (differences of medians, so approximate):");
  const parts: Array<[string, number]> = [
    ["DynamoDB Local: the two calls, raw", rawSum.p50],
    ["ElectroDB, access rule, audit entry, mapping (use case - raw)", useCase.p50 - rawSum.p50],
    ["HTTP, gateway emulation, Lambda adapter, Hono, JWT (request - use case)", request.p50 - useCase.p50],
    ["  of which the bare round trip (GET /api/health)", health.p50],
    ["  of which JWT verification (GET /api/me - GET /api/health)", me.p50 - health.p50],
  ];
  console.info(
    table(
      ["part", "p50 ms", "share"],
      parts.map(([part, ms]) => [part, milliseconds(ms), `${((ms / request.p50) * 100).toFixed(0)}%`]),
    ),
  );
}
