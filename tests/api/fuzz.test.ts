import { demoOrganisations, demoUsers } from "@linkwork/local/demo-world";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { aReferral } from "../support/builders";
import { contractBreach } from "../support/fuzz/contract";
import { type OpenApiDocument, operationsOf } from "../support/fuzz/openapi-document";
import { createRawClient, type RawRequest, type RawResponse } from "../support/fuzz/raw-client";
import {
  bodyRequests,
  type FuzzWorld,
  pathRequests,
  queryRequests,
  transportRequests,
} from "../support/fuzz/requests";
import { journey } from "../support/journey";
import { seedStaff, team } from "../support/world";

/**
 * Property-based fuzzing of the whole API, from the OpenAPI document it serves: requests derived
 * from the zod schemas (valid-shaped, then broken), as every kind of caller, must never be a 5xx,
 * and every refusal must carry the contract's error body.
 *
 * A failure prints the shrunk request and the seed; replay it with
 * `FUZZ_SEED=<seed> FUZZ_PATH=<path> pnpm exec vitest run --project integration tests/api/fuzz.test.ts`.
 * Each run sends about 4,000 requests.
 */

let api: ApiHarness;
let world: FuzzWorld;
let send: (request: RawRequest) => Promise<RawResponse>;

beforeAll(async () => {
  api = await createApiHarness();
  await seedStaff(api.context);
  // A referral at each stage of its life, so bodies carrying the right version reach each transition.
  const stages = journey(() => api);
  const atEachStage = [
    await stages.referred(),
    await stages.triaged(),
    await stages.allocatedTo(team.vcsManager.organisationId),
    await stages.acceptedByCommunityConnect(),
  ];
  const claimed = await stages.acceptedByCommunityConnect();
  const claim = await stages.post(`/api/referrals/${claimed.id}/claim`, team.vcsWorker, {
    version: claimed.version,
  });
  expect(claim.status).toBe(200);
  const referralIds = [...atEachStage, claimed].map((referral) => referral.id);

  // More than a page of referrals, so real cursors exist to be replayed by other callers and lists.
  for (let batch = 0; batch < 6; batch += 1) {
    await Promise.all(
      Array.from({ length: 10 }, () =>
        api.call("POST", "/api/referrals", { as: team.gp, body: aReferral() }),
      ),
    );
  }
  const cursors: string[] = [];
  for (const [caller, query] of [
    [team.coordinator, ""],
    [team.coordinator, "?status=received"],
    [team.gp, ""],
  ] as const) {
    const page = await api.call("GET", `/api/referrals${query}`, { as: caller });
    cursors.push(page.body.cursor);
  }
  expect(cursors.every((cursor) => typeof cursor === "string")).toBe(true);
  for (const identity of Object.values(team)) {
    expect((await api.call("GET", "/api/me", { as: identity })).status).toBe(200);
  }
  const document: OpenApiDocument = (await api.call("GET", "/api/openapi.json")).body;
  const client = await createRawClient(api, team, {
    "junk-token": "Bearer junk",
    "empty-bearer": "Bearer ",
    "three-dots": "Bearer a.b.c",
    "huge-token": `Bearer ${"a".repeat(9_000)}`,
    basic: "Basic dXNlcjpwYXNz",
  });
  send = client.send;
  world = {
    document,
    operations: operationsOf(document),
    callers: client.callers,
    known: {
      id: referralIds,
      referralId: referralIds,
      cursor: cursors,
      organisationId: demoOrganisations.map((organisation) => organisation.organisationId),
      userId: demoUsers.map((user) => user.userId),
    },
  };
}, 120_000);
afterAll(() => api.close());

/** `FUZZ_SCALE=10` searches ten times as long, for a deeper look before a release. */
const scale = Number(process.env.FUZZ_SCALE ?? 1);

const replay = process.env.FUZZ_SEED
  ? { seed: Number(process.env.FUZZ_SEED), path: process.env.FUZZ_PATH, endOnFailure: true }
  : {};

async function expectNoBreach(arbitrary: fc.Arbitrary<RawRequest>, numRuns: number) {
  const answered = { accepted: 0, refused: 0 };
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (request) => {
      const response = await send(request);
      if (response.status < 300) answered.accepted += 1;
      if (response.status === 400) answered.refused += 1;
      const breach = contractBreach(response);
      if (breach) {
        throw new Error(`${request.method} ${request.path} ${breach}: ${response.text.slice(0, 300)}`);
      }
    }),
    { numRuns: Math.round(numRuns * scale), ...replay },
  );
  if (details.failed) {
    throw new Error(
      [
        fc.defaultReportMessage(details),
        `Failure: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`,
        `Replay: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath}`,
      ].join("\n\n"),
    );
  }
  // A harness that signed nobody in, or a generator that only made junk, would pass vacuously.
  expect(answered.accepted, "requests that got through to a use case").toBeGreaterThan(0);
  expect(answered.refused, "requests refused as not valid").toBeGreaterThan(0);
}

describe("the API under fuzzing never answers 5xx, and refuses in the contract's shape", () => {
  it("bodies derived from each operation's schema, valid-shaped and then broken", async () => {
    await expectNoBreach(bodyRequests(world), 1_500);
  }, 180_000);

  it("query strings: each parameter valid, hostile, repeated, unknown or badly encoded; forged cursors", async () => {
    await expectNoBreach(queryRequests(world), 1_000);
  }, 180_000);

  it("path ids: empty, over DynamoDB's key size, unicode, encoded slashes, ids of other kinds", async () => {
    await expectNoBreach(pathRequests(world), 800);
  }, 180_000);

  it("bodies that are not JSON objects, wrong content types and methods no route has", async () => {
    await expectNoBreach(transportRequests(world), 700);
  }, 180_000);
});
