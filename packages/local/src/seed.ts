import type { Context } from "@linkwork/core/context";
import { receiveReferral } from "@linkwork/core/referral/receive";
import { ReferralCreate, type ReferralCreateInput } from "@linkwork/core/referral/schema";
import { transitionReferral } from "@linkwork/core/referral/transition";
import { seedDemoCasework } from "./demo-casework";
import { contextAt, demoActor, demoMdtExists, receivedBeforeLastMeeting, seedDemoMdt } from "./demo-mdt";
import { demoReferrals, triagedBeforeLastMeeting } from "./demo-referrals";
import { demoOrganisations, demoPractices, demoUsers } from "./demo-world";

export interface SeedResult {
  /** How many of each were created; zero everywhere when the world was already there. */
  organisations: number;
  practices: number;
  users: number;
  referrals: number;
}

/** An empty database has no organisations; anything else is someone's data and is left alone. */
export async function isDatabaseEmpty(context: Context): Promise<boolean> {
  const result = await context.db.entities.organisation.query.all({}).go({ limit: 1 });
  return result.data.length === 0;
}

/**
 * Creates the demo world through the same entities and use cases as the API, so the referrals
 * raise their events and reach the timeline through the pipeline; then the MDT, its last meeting
 * and this week's prepared meeting (demo-mdt.ts); then three cases at three stages of casework
 * (waiting to be picked up, in progress, closed with its message back: demo-casework.ts). Safe to
 * run again: whatever exists is kept as it is (a link worker's caseload is not reset) and nothing
 * is duplicated.
 */
export async function seedDemoWorld(context: Context): Promise<SeedResult> {
  const { organisation, practice, user } = context.db.entities;
  const at = context.clock.now().toISOString();
  const result: SeedResult = { organisations: 0, practices: 0, users: 0, referrals: 0 };

  const created = (outcomes: boolean[]) => outcomes.filter(Boolean).length;
  const [organisations, practices, users] = await Promise.all([
    Promise.all(
      demoOrganisations.map((item) =>
        createUnlessPresent(() => {
          const { eligibility, ...fields } = item;
          return organisation
            .create({ ...fields, ...eligibility, version: 1, createdAt: at, updatedAt: at })
            .go();
        }),
      ),
    ),
    Promise.all(demoPractices.map((item) => createUnlessPresent(() => practice.create(item).go()))),
    Promise.all(
      demoUsers.map((item) =>
        createUnlessPresent(() =>
          user
            .create({
              ...item,
              version: 1,
              activeCaseload: 0,
              active: true,
              createdAt: at,
              updatedAt: at,
            })
            .go(),
        ),
      ),
    ),
  ]);
  result.organisations = created(organisations);
  result.practices = created(practices);
  result.users = created(users);

  // Those the team's last meeting discussed came in weeks ago, so their idempotency records
  // have outlived their 24 hours; the team, seeded after them, says they are already here.
  const storyTold = await demoMdtExists(context);
  // One at a time, so the triage queue shows them in the order written here.
  for (const [index, input] of demoReferrals.entries()) {
    const earlier = Object.keys(triagedBeforeLastMeeting).indexOf(input.person.nhsNumber ?? "");
    if (earlier >= 0 && storyTold) continue;
    const receivedIn =
      earlier >= 0 ? contextAt(context, receivedBeforeLastMeeting(context.clock.now(), earlier)) : context;
    if (await receiveDemoReferral(receivedIn, input, `demo-referral-${index + 1}`)) result.referrals++;
  }
  await seedDemoMdt(context);
  result.referrals += await seedDemoCasework(context);
  return result;
}

/**
 * Receives one demo referral from the GP, unless an earlier seed did (true when this one did);
 * one of those triaged before the last meeting is triaged by the coordinator two hours later.
 */
async function receiveDemoReferral(
  context: Context,
  input: ReferralCreateInput,
  idempotencyKey: string,
): Promise<boolean> {
  const request = ReferralCreate.parse(input);
  const { referral, replayed } = await receiveReferral(context, demoActor("gp@linkwork.test"), request, {
    idempotencyKey,
  });
  const details = triagedBeforeLastMeeting[request.person.nhsNumber ?? ""];
  if (!replayed && details) {
    const triagedAt = new Date(context.clock.now().getTime() + 2 * 60 * 60 * 1000);
    await transitionReferral(
      contextAt(context, triagedAt),
      demoActor("coordinator@linkwork.test"),
      referral.id,
      referral.version,
      { type: "triage", ...details, needs: request.needs, riskFlags: request.riskFlags },
    );
  }
  return !replayed;
}

async function createUnlessPresent(create: () => Promise<unknown>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** ElectroDB wraps the SDK's error; the cause says whether the item was already there. */
function isConditionFailure(error: unknown): boolean {
  const cause = (error as { cause?: { name?: string } } | undefined)?.cause;
  return cause?.name === "ConditionalCheckFailedException";
}
