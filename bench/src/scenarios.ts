import type { ApiResponse } from "./api-client";
import type { Step } from "./ledger";
import type { Crew, Handle, Workflow } from "./workflow";
import { organisations, type Person } from "./world";

/** Many clients sending the same change to one referral at the same version, all at once. */
export interface Race {
  referralId: string;
  version: number;
  attempts: ApiResponse[];
}

export interface Expectation {
  what: string;
  expected: number;
  found: number;
}

export interface ScenarioResult {
  name: string;
  title: string;
  responses: ApiResponse[];
  seconds: number;
  races: Race[];
  expectations: Expectation[];
}

export const outcomeOf = (response: ApiResponse): string => {
  if (response.status === 409) return `409 ${response.code ?? "?"}`;
  if (response.status >= 500) return "5xx";
  if (response.status === 0) return "no answer";
  return String(response.status);
};

const count = (responses: ApiResponse[], outcome: string) =>
  responses.filter((response) => outcomeOf(response) === outcome).length;

async function races(
  flow: Workflow,
  step: Step,
  referrals: Handle[],
  contenders: Person[],
  organisationFor: (index: number) => string,
) {
  const all: Race[] = [];
  const started = performance.now();
  for (const referral of referrals) {
    const attempts = await Promise.all(
      contenders.map((person, index) => flow.act(step, referral, person, organisationFor(index))),
    );
    all.push({ referralId: referral.id, version: referral.version, attempts });
  }
  return { races: all, seconds: (performance.now() - started) / 1000 };
}

/**
 * (0) The same steps from one client, one request at a time: what a change costs when nothing
 * else is happening, to read the contended figures against.
 */
export async function alone(
  flow: Workflow,
  referrals: Handle[],
  crew: Crew,
  worker: Person,
): Promise<ScenarioResult> {
  const responses: ApiResponse[] = [];
  const started = performance.now();
  for (const referral of referrals) {
    let current = referral;
    for (const [step, person] of [
      ["allocate", crew.coordinator],
      ["accept", crew.acceptor],
      ["claim", worker],
    ] as const) {
      const response = await flow.act(step, current, person);
      responses.push(response);
      if (response.status !== 200) break;
      current = { id: current.id, version: response.body.version };
    }
  }
  return {
    name: "(0) one client, no contention",
    title: `(0) one client takes ${referrals.length} triaged referrals through allocate, accept and claim, one request at a time`,
    responses,
    seconds: (performance.now() - started) / 1000,
    races: [],
    expectations: [{ what: "200", expected: referrals.length * 3, found: count(responses, "200") }],
  };
}

/** (a) Coordinators allocating one triaged referral at once, each to a provider of their choice. */
export async function allocationRaces(
  flow: Workflow,
  referrals: Handle[],
  coordinators: Person[],
): Promise<ScenarioResult> {
  const providers = [organisations.communityConnect, organisations.northTownPcn, organisations.carersCentre];
  const run = await races(
    flow,
    "allocate",
    referrals,
    coordinators,
    (index) => providers[index % providers.length] as string,
  );
  const responses = run.races.flatMap((race) => race.attempts);
  const losers = referrals.length * (coordinators.length - 1);
  return {
    name: "(a) same referral: allocate",
    title: `(a) ${coordinators.length} coordinators allocate the same referral, ${referrals.length} times`,
    responses,
    ...run,
    expectations: [
      { what: "200", expected: referrals.length, found: count(responses, "200") },
      { what: "409 version_conflict", expected: losers, found: count(responses, "409 version_conflict") },
    ],
  };
}

/** (b) Link workers claiming one accepted referral at once. */
export async function claimRaces(
  flow: Workflow,
  referrals: Handle[],
  workers: Person[],
): Promise<ScenarioResult> {
  const run = await races(flow, "claim", referrals, workers, () => organisations.communityConnect);
  const responses = run.races.flatMap((race) => race.attempts);
  const losers = referrals.length * (workers.length - 1);
  return {
    name: "(b) same referral: claim",
    title: `(b) ${workers.length} link workers claim the same referral, ${referrals.length} times`,
    responses,
    ...run,
    expectations: [
      { what: "200", expected: referrals.length, found: count(responses, "200") },
      { what: "409 already_claimed", expected: losers, found: count(responses, "409 already_claimed") },
    ],
  };
}

const stepsPerPipeline = 4;

/**
 * (c) Clients each taking their own referrals through triage, allocation, acceptance and claim
 * at the same time; link workers are shared, so claims still meet on their caseload counters.
 */
export async function pipelines(
  flow: Workflow,
  referrals: Handle[],
  clients: number,
  coordinators: Person[],
  workers: Person[],
): Promise<ScenarioResult> {
  const perClient = Math.floor(referrals.length / clients);
  const responses: ApiResponse[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const coordinator = coordinators[client % coordinators.length] as Person;
      const worker = workers[client % workers.length] as Person;
      const steps: Array<[Step, Person]> = [
        ["triage", coordinator],
        ["allocate", coordinator],
        ["accept", worker],
        ["claim", worker],
      ];
      for (const referral of referrals.slice(client * perClient, (client + 1) * perClient)) {
        let current = referral;
        for (const [step, person] of steps) {
          const response = await flow.act(step, current, person);
          responses.push(response);
          if (response.status !== 200) break;
          current = { id: current.id, version: response.body.version };
        }
      }
    }),
  );
  return {
    name: "(c) different referrals",
    title: `(c) ${clients} clients, each taking ${perClient} referrals of its own through triage, allocate, accept and claim, with ${workers.length} shared link workers`,
    responses,
    seconds: (performance.now() - started) / 1000,
    races: [],
    expectations: [
      { what: "200", expected: clients * perClient * stepsPerPipeline, found: count(responses, "200") },
    ],
  };
}

export interface CapacityRound {
  workers: Person[];
  referrals: Handle[];
  /** Free places on each worker's caseload when the round starts. */
  freePerWorker: number;
}

/**
 * (d) Link workers one or two cases short of their limit, each claiming every referral of a batch
 * at once: exactly their free places are filled; every other claim is refused and changes nothing.
 */
export async function capacityRounds(flow: Workflow, rounds: CapacityRound[]): Promise<ScenarioResult> {
  const responses: ApiResponse[] = [];
  const byWorker = new Map<string, number>();
  const started = performance.now();
  for (const round of rounds) {
    const attempts = await Promise.all(
      round.referrals.flatMap((referral) =>
        round.workers.map(async (worker) => {
          const response = await flow.act("claim", referral, worker);
          if (response.status === 200) byWorker.set(worker.userId, (byWorker.get(worker.userId) ?? 0) + 1);
          return response;
        }),
      ),
    );
    responses.push(...attempts);
  }
  const seconds = (performance.now() - started) / 1000;
  const first = rounds[0] as CapacityRound;
  const places = rounds.map((round) =>
    Math.min(round.workers.length * round.freePerWorker, round.referrals.length),
  );
  const expectedFilled = rounds.reduce(
    (sum, round) =>
      sum + (round.workers.length * round.freePerWorker <= round.referrals.length ? round.workers.length : 0),
    0,
  );
  const filled = rounds
    .flatMap((round) => round.workers.map((worker) => [worker, round.freePerWorker] as const))
    .filter(([worker, free]) => byWorker.get(worker.userId) === free).length;
  return {
    name: "(d) claims near the limit",
    title: `(d) ${first.workers.length} link workers with ${first.freePerWorker} free places each claim the same ${first.referrals.length} referrals at once, ${rounds.length} times`,
    responses,
    seconds,
    races: [],
    expectations: [
      {
        what: "200",
        expected: places.reduce((sum, value) => sum + value, 0),
        found: count(responses, "200"),
      },
      { what: "workers filled exactly to their limit", expected: expectedFilled, found: filled },
    ],
  };
}

/** Races with exactly one winner are right; none is a false conflict, more than one a doubled update. */
export function judgeRaces(all: Race[]) {
  let withoutWinner = 0;
  let extraWinners = 0;
  let conflictsWithoutNewVersion = 0;
  for (const race of all) {
    const winners = race.attempts.filter((attempt) => attempt.status === 200).length;
    if (winners === 0) withoutWinner++;
    if (winners > 1) extraWinners += winners - 1;
    conflictsWithoutNewVersion += race.attempts.filter(
      (attempt) => attempt.status === 409 && winners > 0 && attempt.currentVersion !== race.version + 1,
    ).length;
  }
  return { withoutWinner, extraWinners, conflictsWithoutNewVersion };
}
