import type { UserActor } from "@linkwork/core/actor";
import type { Context } from "@linkwork/core/context";
import { receiveReferral } from "@linkwork/core/referral/receive";
import { ReferralCreate } from "@linkwork/core/referral/schema";
import { demoReferrals } from "./demo-referrals";
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
 * raise their events and reach the timeline through the pipeline. Safe to run again: whatever
 * exists is kept as it is (a link worker's caseload is not reset) and nothing is duplicated.
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

  // One at a time, so the triage queue shows them in the order written here.
  const gp = referrer();
  for (const [index, input] of demoReferrals.entries()) {
    const { replayed } = await receiveReferral(context, gp, ReferralCreate.parse(input), {
      idempotencyKey: `demo-referral-${index + 1}`,
    });
    if (!replayed) result.referrals++;
  }
  return result;
}

function referrer(): UserActor {
  const gp = demoUsers.find((candidate) => candidate.email === "gp@linkwork.test");
  if (!gp) throw new Error("The demo world has no GP");
  return {
    type: "user",
    userId: gp.userId,
    email: gp.email,
    name: gp.name,
    roles: gp.roles,
    organisationId: gp.organisationId,
  };
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
