import { allocationOptions, type OrganisationProfile } from "@linkwork/core/allocation/domain/options";
import { isValidNhsNumber } from "@linkwork/core/person/domain/nhs-number";
import { assignReferral } from "@linkwork/core/referral/assign";
import { ReferralCreate } from "@linkwork/core/referral/schema";
import { findUserByEmail } from "@linkwork/core/user/find";
import { demoCases } from "@linkwork/local/demo-casework";
import { demoActor } from "@linkwork/local/demo-mdt";
import { demoReferrals, triagedBeforeLastMeeting } from "@linkwork/local/demo-referrals";
import { demoOrganisations, demoUsers } from "@linkwork/local/demo-world";
import { isDatabaseEmpty, seedDemoWorld } from "@linkwork/local/seed";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestContext } from "../support/database";

type Setup = Awaited<ReturnType<typeof createTestContext>>;

/** The seeded demo world of the API contract (docs: API.md, "Local sign-in"). */
const contract = [
  ["coordinator@linkwork.test", ["triage_coordinator"], "Northshire Social Prescribing Hub", "hub"],
  ["manager.pcn@linkwork.test", ["org_manager"], "North Town PCN", "pcn"],
  ["worker.pcn@linkwork.test", ["link_worker"], "North Town PCN", "pcn"],
  ["manager.vcs@linkwork.test", ["org_manager"], "Community Connect", "vcs"],
  ["worker.vcs@linkwork.test", ["link_worker"], "Community Connect", "vcs"],
  ["gp@linkwork.test", ["referrer", "mdt_member"], "Riverside Surgery", "gp_practice"],
  ["commissioner@linkwork.test", ["commissioner"], "Northshire Council", "council"],
  ["admin@linkwork.test", ["admin"], "Northshire Social Prescribing Hub", "hub"],
  // Beyond the contract's table: the PCN's second link worker, whom a case can move to.
  ["worker2.pcn@linkwork.test", ["link_worker"], "North Town PCN", "pcn"],
] as const;

const seedDay = "2026-11-23T09:00:00.000Z";
let setup: Setup;
let firstRun: Awaited<ReturnType<typeof seedDemoWorld>>;
beforeAll(async () => {
  setup = await createTestContext(seedDay);
  expect(await isDatabaseEmpty(setup.context)).toBe(true);
  firstRun = await seedDemoWorld(setup.context);
});

async function everything(db: Setup["db"]) {
  const [organisations, practices, referrals] = await Promise.all([
    db.entities.organisation.query.all({}).go({ pages: "all" }),
    db.entities.practice.query.all({}).go({ pages: "all" }),
    db.entities.referral.scan.go({ pages: "all" }),
  ]);
  return { organisations: organisations.data, practices: practices.data, referrals: referrals.data };
}

describe("seeding the demo world", () => {
  it.each(contract)("signs in %s as %j at %s", async (email, roles, organisationName, kind) => {
    const user = await findUserByEmail(setup.context, email);
    expect(user?.roles).toEqual(roles);
    const organisation = await setup.db.entities.organisation
      .get({ organisationId: user?.organisationId ?? "" })
      .go();
    expect(organisation.data).toMatchObject({ name: organisationName, kind });
  });

  it("creates the organisations with the kinds and roles in the contract, and a second provider", async () => {
    const { organisations } = await everything(setup.db);
    const byName = Object.fromEntries(organisations.map((organisation) => [organisation.name, organisation]));
    expect(byName["Northshire Social Prescribing Hub"]).toMatchObject({
      kind: "hub",
      acceptsReferrals: false,
    });
    expect(byName["North Town PCN"]).toMatchObject({ kind: "pcn", acceptsReferrals: true });
    expect(byName["Community Connect"]).toMatchObject({ kind: "vcs", acceptsReferrals: true });
    expect(byName["Riverside Surgery"]).toMatchObject({
      kind: "gp_practice",
      odsCode: "A81001",
      acceptsReferrals: false,
    });
    expect(byName["Northshire Council"]).toMatchObject({ kind: "council", acceptsReferrals: false });
    expect(
      organisations.filter((organisation) => organisation.acceptsReferrals).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it("gives link workers a caseload limit, with the one demo case in progress on the PCN worker's", async () => {
    // Community Connect's worker picked up the demo case closed weeks ago: closing it freed the place.
    // The PCN's second, part-time worker starts with an empty, smaller caseload, so a manager can
    // move a case to Sam (the README's casework walk-through).
    for (const [email, caseloadLimit, activeCaseload] of [
      ["worker.pcn@linkwork.test", 30, 1],
      ["worker2.pcn@linkwork.test", 12, 0],
      ["worker.vcs@linkwork.test", 30, 0],
    ] as const) {
      const worker = await findUserByEmail(setup.context, email);
      expect(worker).toMatchObject({ caseloadLimit, activeCaseload, active: true });
    }
  });

  it("gives North Town PCN two link workers, so a manager can move a case from one to the other", () => {
    const pcnWorkers = demoUsers.filter(
      (user) => user.organisationId === "org_north_town_pcn" && user.roles.includes("link_worker"),
    );
    expect(pcnWorkers.map((user) => [user.userId, user.name])).toEqual([
      ["usr_worker_pcn", "Tom Gallagher"],
      ["usr_worker_pcn_2", "Sam Okafor"],
    ]);
  });

  it("puts Riverside Surgery (A81001) in North Town PCN, beside other practices", async () => {
    const { practices, organisations } = await everything(setup.db);
    const pcn = organisations.find((organisation) => organisation.name === "North Town PCN");
    expect(practices.find((practice) => practice.odsCode === "A81001")).toMatchObject({
      name: "Riverside Surgery",
      pcnOrganisationId: pcn?.organisationId,
    });
    expect(practices.length).toBeGreaterThan(1);
  });

  it("receives realistic referrals from the GP through the referral use case, with their events", async () => {
    const { referrals } = await everything(setup.db);
    const gp = await findUserByEmail(setup.context, "gp@linkwork.test");
    // The triage and MDT stories' referrals, and the three demo cases' (demo-casework.ts).
    const demoCount = demoReferrals.length + demoCases.length;
    expect(referrals).toHaveLength(demoCount);
    expect(firstRun.referrals).toBe(demoCount);
    for (const referral of referrals) {
      expect(referral.referrerId).toBe(gp?.userId);
      expect(referral.person.nhsNumber?.startsWith("999")).toBe(true);
      expect(isValidNhsNumber(referral.person.nhsNumber ?? "")).toBe(true);
    }
    expect(new Set(referrals.flatMap((referral) => referral.needs)).size).toBeGreaterThan(5);
    expect(new Set(referrals.flatMap((referral) => referral.riskFlags)).size).toBeGreaterThan(3);
    expect(new Set(referrals.map((referral) => referral.source)).size).toBeGreaterThan(1);

    const outbox = await setup.db.entities.outbox.scan.go({ pages: "all" });
    expect(outbox.data.filter((event) => event.type === "referral.received")).toHaveLength(demoCount);
  });

  it("leaves in the triage queue, received now, all but the two the team's last meeting discussed", async () => {
    const { referrals } = await everything(setup.db);
    const inTriageStory = new Set(demoReferrals.map((input) => input.person.nhsNumber));
    const waiting = referrals.filter(
      (referral) =>
        inTriageStory.has(referral.person.nhsNumber) &&
        !((referral.person.nhsNumber ?? "") in triagedBeforeLastMeeting),
    );
    expect(waiting).toHaveLength(demoReferrals.length - 2);
    for (const referral of waiting) {
      expect(referral).toMatchObject({ status: "received", version: 1, receivedAt: seedDay });
    }
  });

  it("received those two a fortnight before that meeting and triaged them that morning, so no timer runs", async () => {
    const { referrals } = await everything(setup.db);
    // The seed day is a Monday: this week's meeting is on the Tuesday, the last one on 10 November.
    const discussed = referrals
      .filter((referral) => (referral.person.nhsNumber ?? "") in triagedBeforeLastMeeting)
      .sort((left, right) => left.receivedAt.localeCompare(right.receivedAt));
    expect(
      discussed.map((referral) => [
        referral.person.givenName,
        referral.status,
        referral.version,
        referral.receivedAt,
        referral.triagedAt,
        referral.sweepState,
      ]),
    ).toEqual([
      ["Edith", "triaged", 2, "2026-10-27T09:00:00.000Z", "2026-10-27T11:00:00.000Z", "none"],
      ["Albert", "triaged", 2, "2026-10-27T09:20:00.000Z", "2026-10-27T11:20:00.000Z", "none"],
    ]);
    expect(discussed.map((referral) => referral.priority)).toEqual(
      Object.values(triagedBeforeLastMeeting).map((triage) => triage.priority),
    );
  });

  it("changes nothing when run again", async () => {
    const before = await everything(setup.db);
    const again = await seedDemoWorld(setup.context);
    const after = await everything(setup.db);

    expect(again).toEqual({ organisations: 0, practices: 0, users: 0, referrals: 0 });
    expect(after.organisations).toEqual(before.organisations);
    expect(after.practices).toEqual(before.practices);
    expect(after.referrals.map((referral) => referral.referralId).sort()).toEqual(
      before.referrals.map((referral) => referral.referralId).sort(),
    );
    expect(await isDatabaseEmpty(setup.context)).toBe(false);
  });

  it("keeps a link worker's caseload when run again", async () => {
    const worker = await findUserByEmail(setup.context, "worker.vcs@linkwork.test");
    await setup.db.entities.user
      .patch({ userId: worker?.userId ?? "" })
      .set({ activeCaseload: 4 })
      .go();
    await seedDemoWorld(setup.context);
    expect(await findUserByEmail(setup.context, "worker.vcs@linkwork.test")).toMatchObject({
      activeCaseload: 4,
    });
  });

  it("lets the PCN's manager move Yvonne Baptiste's case to Sam Okafor, as the README walks through", async () => {
    const { referrals } = await everything(setup.db);
    const yvonne = referrals.find((referral) => referral.person.givenName === "Yvonne");
    expect(yvonne).toMatchObject({ status: "active", assignedTo: "usr_worker_pcn" });
    const moved = await assignReferral(
      setup.context,
      demoActor("manager.pcn@linkwork.test"),
      yvonne?.referralId ?? "",
      {
        type: "reassign",
        version: yvonne?.version ?? 0,
        linkWorkerId: "usr_worker_pcn_2",
        reason: "Tom is on leave for two weeks.",
      },
    );
    expect(moved).toMatchObject({ assignedTo: "usr_worker_pcn_2", assignedToName: "Sam Okafor" });
    const [tom, sam] = await Promise.all(
      ["worker.pcn@linkwork.test", "worker2.pcn@linkwork.test"].map((email) =>
        findUserByEmail(setup.context, email),
      ),
    );
    expect([tom?.activeCaseload, sam?.activeCaseload]).toEqual([0, 1]);
  });

  it("gives allocation real choices: every demo referral fits some providers and not others", () => {
    const providers: OrganisationProfile[] = demoOrganisations.flatMap((organisation) =>
      organisation.acceptsReferrals && organisation.eligibility
        ? [
            {
              organisationId: organisation.organisationId,
              name: organisation.name,
              ...organisation.eligibility,
              linkWorkers: demoUsers
                .filter((user) => user.organisationId === organisation.organisationId && user.caseloadLimit)
                .map((user) => ({
                  userId: user.userId,
                  gender: user.gender,
                  caseloadLimit: user.caseloadLimit ?? 0,
                  activeCaseload: 0,
                  active: true,
                })),
              waiting: { count: 0, longestWorkingDays: 0 },
            },
          ]
        : [],
    );
    const eligibleFor = demoReferrals.map((input) => {
      const referral = ReferralCreate.parse(input);
      const options = allocationOptions({ ...referral, ...referral.person }, providers, "2026-11-23");
      return options.filter((option) => option.eligible).map((option) => option.organisationId);
    });

    for (const eligible of eligibleFor) {
      expect(eligible.length).toBeGreaterThan(0);
    }
    for (const provider of providers) {
      const fits = eligibleFor.filter((eligible) => eligible.includes(provider.organisationId)).length;
      expect(fits, provider.name).toBeGreaterThan(0);
      expect(fits, provider.name).toBeLessThan(demoReferrals.length);
    }
  });
});
