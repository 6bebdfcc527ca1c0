import { caseloadStatuses, eventOfCommand } from "@linkwork/core/referral/domain/lifecycle";
import type { LocalRuntime } from "@linkwork/local/runtime";
import type { Change, Ledger } from "./ledger";

/** One check of the final state: how many updates it found lost, doubled, or past a caseload limit. */
export interface Check {
  name: string;
  lost: number;
  doubled: number;
  overLimit: number;
  /** Whether it checks the event pipeline's delivery rather than the updates themselves. */
  delivery: boolean;
  examples: string[];
}

export interface Worker {
  userId: string;
  caseloadLimit: number;
}

type Tally = Map<string, number>;

const tally = (keys: Iterable<string>): Tally => {
  const counts: Tally = new Map();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
};

function check(name: string, delivery = false): Check {
  return { name, lost: 0, doubled: 0, overLimit: 0, delivery, examples: [] };
}

function note(target: Check, example: string): void {
  if (target.examples.length < 5) target.examples.push(example);
}

/**
 * Reads the final state back from the database, once the event pipeline has settled, and
 * compares it with what the API answered: every 200 is one change, made exactly once.
 */
export async function verifyFinalState(
  runtime: LocalRuntime,
  ledger: Ledger,
  referralIds: readonly string[],
  workers: readonly Worker[],
): Promise<Check[]> {
  await runtime.settled();
  const { referral, user, outbox, timeline } = runtime.context.db.entities;
  const finals = await referral
    .get(referralIds.map((referralId) => ({ referralId })))
    .go({ consistent: true });
  const byId = new Map(finals.data.map((item) => [item.referralId, item]));
  const tracked = new Set(referralIds);
  const events = (await outbox.scan.go({ pages: "all", consistent: true })).data.filter((event) =>
    tracked.has(event.subject.id),
  );
  const entries = (await timeline.scan.go({ pages: "all", consistent: true })).data.filter((entry) =>
    tracked.has(entry.referralId),
  );

  const versions = check("version = 1 + successful changes");
  const sequence = check("each success got its own next version");
  const lastWrite = check("stored state = last successful change");
  const events_ = check("outbox: one event per change");
  const oneWorker = check("at most one link worker per referral");
  const caseloads = check("caseload counter = assigned referrals");
  const claims = check("assigned referrals = successful claims");
  const limits = check("caseload within its limit");
  const delivered = check("timeline: each event delivered once", true);

  for (const referralId of referralIds) {
    const stored = byId.get(referralId);
    const changes = ledger.changesOf(referralId);
    if (!stored) {
      versions.lost += changes.length + 1;
      note(versions, `${referralId} is missing`);
      continue;
    }
    const expectedVersion = 1 + changes.length;
    if (stored.version !== expectedVersion) {
      if (stored.version < expectedVersion) versions.lost += expectedVersion - stored.version;
      else versions.doubled += stored.version - expectedVersion;
      note(versions, `${referralId}: version ${stored.version}, ${changes.length} changes answered 200`);
    }

    const answered = tally(changes.map((change) => String(change.version)));
    for (const [version, count] of answered) {
      if (count > 1) {
        sequence.doubled += count - 1;
        note(sequence, `${referralId}: ${count} successes each said version ${version}`);
      }
    }

    const last = changes.reduce<Change | undefined>(
      (latest, change) => (latest && latest.version >= change.version ? latest : change),
      undefined,
    );
    if (
      last &&
      (stored.status !== last.status ||
        stored.organisationId !== last.organisationId ||
        stored.assignedTo !== last.assignedTo)
    ) {
      lastWrite.lost++;
      note(lastWrite, `${referralId}: stored ${stored.status}/${stored.organisationId}/${stored.assignedTo}`);
    }

    const expectedTypes = tally([
      "referral.received",
      ...changes.map((change) => eventOfCommand[change.step]),
    ]);
    const ownEvents = events.filter((event) => event.subject.id === referralId);
    const foundTypes = tally(ownEvents.map((event) => event.type));
    for (const type of new Set([...expectedTypes.keys(), ...foundTypes.keys()])) {
      const difference = (foundTypes.get(type) ?? 0) - (expectedTypes.get(type) ?? 0);
      if (difference > 0) events_.doubled += difference;
      if (difference < 0) events_.lost -= difference;
      if (difference !== 0) note(events_, `${referralId}: ${type} ${difference > 0 ? "+" : ""}${difference}`);
    }

    const claimCount = changes.filter((change) => change.step === "claim").length;
    const claimedEvents = foundTypes.get("referral.claimed") ?? 0;
    if (Math.max(claimCount, claimedEvents) > 1) {
      oneWorker.doubled += Math.max(claimCount, claimedEvents) - 1;
      note(oneWorker, `${referralId}: ${claimCount} claims answered 200, ${claimedEvents} claimed events`);
    }

    const eventIds = new Set(ownEvents.map((event) => event.eventId));
    const entryIds = tally(
      entries.filter((entry) => entry.referralId === referralId).map((entry) => entry.eventId),
    );
    for (const eventId of eventIds) {
      if (!entryIds.has(eventId)) {
        delivered.lost++;
        note(delivered, `${referralId}: event ${eventId} is not on the timeline`);
      }
    }
    for (const [eventId, count] of entryIds) {
      if (!eventIds.has(eventId) || count > 1) {
        delivered.doubled += eventIds.has(eventId) ? count - 1 : count;
        note(delivered, `${referralId}: timeline entry for ${eventId} x${count}`);
      }
    }
  }

  for (const worker of workers) {
    const stored = await user.get({ userId: worker.userId }).go({ consistent: true });
    const activeCaseload = stored.data?.activeCaseload ?? 0;
    const assigned = finals.data.filter(
      (item) => item.assignedTo === worker.userId && caseloadStatuses.includes(item.status),
    ).length;
    const claimed = ledger.changes.filter(
      (change) => change.step === "claim" && change.actorId === worker.userId,
    ).length;
    if (activeCaseload !== assigned) {
      if (activeCaseload < assigned) caseloads.lost += assigned - activeCaseload;
      else caseloads.doubled += activeCaseload - assigned;
      note(caseloads, `${worker.userId}: counter ${activeCaseload}, ${assigned} assigned`);
    }
    if (assigned !== claimed) {
      if (assigned < claimed) claims.lost += claimed - assigned;
      else claims.doubled += assigned - claimed;
      note(claims, `${worker.userId}: ${assigned} assigned, ${claimed} claims answered 200`);
    }
    const limit = stored.data?.caseloadLimit ?? worker.caseloadLimit;
    if (Math.max(activeCaseload, assigned) > limit) {
      limits.overLimit += Math.max(activeCaseload, assigned) - limit;
      note(limits, `${worker.userId}: ${Math.max(activeCaseload, assigned)} held, limit ${limit}`);
    }
  }

  const pipeline = check("event pipeline: no dead letters or failed batches", true);
  const deadLetters = runtime.bus.deadLetters().length + runtime.stream.failedBatches().length;
  if (deadLetters > 0) {
    pipeline.lost += deadLetters;
    note(pipeline, `${deadLetters} dead letters or failed relay batches`);
  }

  return [versions, sequence, lastWrite, events_, oneWorker, caseloads, claims, limits, delivered, pipeline];
}
