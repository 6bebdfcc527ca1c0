import { databaseFromEnvironment } from "@linkwork/core/db/database";
import { type SweepResult, sweepServiceLevels } from "@linkwork/core/referral/sweep";
import { systemClock } from "@linkwork/core/util/clock";

/** Returns overdue allocations to triage and records missed service levels; see sweepServiceLevels. */
export async function handler(): Promise<SweepResult> {
  const result = await sweepServiceLevels({ db: databaseFromEnvironment(), clock: systemClock });
  if (result.expired.length + result.breached.length === 0) return result;
  console.info(
    JSON.stringify({
      sweep: "service-levels",
      expired: result.expired.length,
      breached: result.breached.length,
    }),
  );
  return result;
}
