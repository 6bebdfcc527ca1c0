import type { LocalRuntime } from "@linkwork/local/runtime";
import { type ApiClient, apiClient } from "./api-client";
import { runBenchmark } from "./harness";
import { Ledger } from "./ledger";
import { describeMachine, describeSettings } from "./machine";
import { checkTable, expectationTable, latencyByOutcomeTable, scenarioTable } from "./report";
import {
  allocationRaces,
  alone,
  type CapacityRound,
  capacityRounds,
  claimRaces,
  judgeRaces,
  pipelines,
  type ScenarioResult,
} from "./scenarios";
import { heading } from "./table";
import { tamper } from "./tamper";
import { verifyFinalState, type Worker } from "./verify";
import { type Crew, type Workflow, workflow } from "./workflow";
import { addStaff, numbered, type Person, signInAs } from "./world";

/**
 * Allocation and claiming under contention through the local runtime, then a check of the final
 * state in the database: no update lost or made twice, no caseload past its limit.
 */
const settings = {
  uncontendedReferrals: 10,
  contenders: 20,
  allocationRaces: 25,
  claimRaces: 25,
  pipelineClients: 16,
  referralsPerPipelineClient: 5,
  pipelineWorkers: 4,
  capacityRounds: 4,
  workersPerCapacityRound: 3,
  capacityCaseloadLimit: 4,
  capacityHeldBefore: 2,
  referralsPerCapacityRound: 12,
  deadlineMs: 300_000,
};

const roomy = 1_000;

await runBenchmark("contention", settings.deadlineMs, async ({ runtime, baseUrl, loadAtStart }) => {
  const started = performance.now();
  const api = apiClient(baseUrl);
  const ledger = new Ledger();
  const flow = workflow(api, ledger);
  const gp = await signInAs(api, "usr_gp", "gp@linkwork.test");
  const manager = await signInAs(api, "usr_manager_vcs", "manager.vcs@linkwork.test");
  const coordinators = await addStaff(runtime, api, "coordinator", numbered("c", settings.contenders));
  const claimers = await addStaff(runtime, api, "worker", numbered("race", settings.contenders), roomy);
  const pipelineWorkers = await addStaff(
    runtime,
    api,
    "worker",
    numbered("pipeline", settings.pipelineWorkers),
    roomy,
  );
  const [soleWorker] = await addStaff(runtime, api, "worker", ["alone"], roomy);
  const crew = { gp, coordinator: coordinators[0] as Person, acceptor: manager };

  const uncontended = await flow.prepare(settings.uncontendedReferrals, "triaged", crew);
  const triaged = await flow.prepare(settings.allocationRaces, "triaged", crew);
  const accepted = await flow.prepare(settings.claimRaces, "accepted", crew);
  const received = await flow.prepare(
    settings.pipelineClients * settings.referralsPerPipelineClient,
    "received",
    crew,
  );
  const rounds = await prepareCapacityRounds(runtime, api, flow, crew);
  const preparedIn = (performance.now() - started) / 1000;

  const results: ScenarioResult[] = [];
  const quietly = async (scenario: () => Promise<ScenarioResult>) => {
    // Each scenario starts with the event pipeline idle, so it is not timed on the last one's events.
    await runtime.settled();
    results.push(await scenario());
  };
  await quietly(() => alone(flow, uncontended, crew, soleWorker as Person));
  await quietly(() => allocationRaces(flow, triaged, coordinators));
  await quietly(() => claimRaces(flow, accepted, claimers));
  await quietly(() => pipelines(flow, received, settings.pipelineClients, coordinators, pipelineWorkers));
  await quietly(() => capacityRounds(flow, rounds));

  const workers: Worker[] = [
    ...[...claimers, ...pipelineWorkers, soleWorker as Person].map((worker) => ({
      userId: worker.userId,
      caseloadLimit: roomy,
    })),
    ...rounds.flatMap((round) =>
      round.workers.map((worker) => ({
        userId: worker.userId,
        caseloadLimit: settings.capacityCaseloadLimit,
      })),
    ),
  ];
  const tampered = process.argv.includes("--tamper") ? await tamper(runtime, ledger) : [];
  const checks = await verifyFinalState(runtime, ledger, ledger.referralIds, workers);
  const races = judgeRaces(results.flatMap((result) => result.races));
  const serverErrors = ledger.responses.filter((response) => response.status >= 500).length;
  const unanswered = ledger.responses.filter((response) => response.status === 0).length;

  const updates = checks.filter((check) => !check.delivery);
  const lost = updates.reduce((sum, check) => sum + check.lost, 0);
  const doubled = updates.reduce((sum, check) => sum + check.doubled, 0) + races.extraWinners;
  const overLimit = checks.reduce((sum, check) => sum + check.overLimit, 0);
  const undelivered = checks
    .filter((check) => check.delivery)
    .reduce((sum, check) => sum + check.lost + check.doubled, 0);

  console.info(heading("Allocation and claiming under contention, through the local runtime"));
  console.info(
    describeSettings([
      ...describeMachine(loadAtStart),
      ...Object.entries(settings),
      [
        "set-up",
        `${ledger.referralIds.length} referrals prepared through the API in ${preparedIn.toFixed(1)}s`,
      ],
      ["all requests", `${ledger.responses.length} (set-up included)`],
    ]),
  );
  for (const result of results) console.info(`  ${result.title}`);
  for (const change of tampered) console.info(`  TAMPERED ON PURPOSE: ${change}`);
  console.info(`\n${scenarioTable(results)}`);
  console.info(`\nLatency of changes (200) and refusals (409), ms:\n${latencyByOutcomeTable(results)}`);
  console.info(`\n${expectationTable(results)}`);
  console.info(`\nFinal state read back from DynamoDB Local:\n${checkTable(checks)}`);
  console.info(
    `\nraces: ${results.flatMap((result) => result.races).length}, with more than one winner: ${races.extraWinners}, ` +
      `without a winner: ${races.withoutWinner}, refusals not naming the winner's version: ${races.conflictsWithoutNewVersion}`,
  );
  const verdict = [
    ["LOST updates", lost],
    ["DOUBLED updates", doubled],
    ["caseloads past their limit", overLimit],
    ["events lost or doubled on the way to the timeline", undelivered],
    ["5xx responses", serverErrors],
    ["requests without an answer", unanswered],
    ["races without a winner", races.withoutWinner],
  ] as const;
  console.info("");
  for (const [what, value] of verdict) console.info(`${what}: ${value}`);
  const failed = verdict.some(([, value]) => value > 0);
  console.info(failed ? "\nFAILED" : "\nPASSED: every change made exactly once");
  return failed ? 1 : 0;
});

/**
 * Each capacity round gets its own link workers, already holding some cases (claimed through the
 * API, so their counters are honest), and a batch of accepted referrals nobody holds yet.
 */
async function prepareCapacityRounds(
  runtime: LocalRuntime,
  api: ApiClient,
  flow: Workflow,
  crew: Crew,
): Promise<CapacityRound[]> {
  const perRound =
    settings.workersPerCapacityRound * settings.capacityHeldBefore + settings.referralsPerCapacityRound;
  const pool = await flow.prepare(settings.capacityRounds * perRound, "accepted", crew);
  const rounds: CapacityRound[] = [];
  for (let round = 0; round < settings.capacityRounds; round++) {
    const workers = await addStaff(
      runtime,
      api,
      "worker",
      numbered(`limit${round + 1}w`, settings.workersPerCapacityRound),
      settings.capacityCaseloadLimit,
    );
    const batch = pool.slice(round * perRound, (round + 1) * perRound);
    const held = batch.slice(0, workers.length * settings.capacityHeldBefore);
    for (const [index, referral] of held.entries()) {
      await flow.must("claim", referral, workers[index % workers.length] as Person);
    }
    rounds.push({
      workers,
      referrals: batch.slice(held.length),
      freePerWorker: settings.capacityCaseloadLimit - settings.capacityHeldBefore,
    });
  }
  return rounds;
}
