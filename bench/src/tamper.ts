import { transactWrite } from "@linkwork/core/db/transact";
import { referralUpdate } from "@linkwork/core/referral/write";
import type { LocalRuntime } from "@linkwork/local/runtime";
import type { Ledger } from "./ledger";

/**
 * Spoils the final state on purpose (`--tamper`), to show the checks catch what they look for:
 * a referral changed once more than the API answered, a change's event gone from the outbox, and
 * a caseload counter raised past the worker's limit. The run must then fail.
 */
export async function tamper(runtime: LocalRuntime, ledger: Ledger): Promise<string[]> {
  await runtime.settled();
  const { referral, outbox, user } = runtime.context.db.entities;
  const allocation = ledger.changes.find((change) => change.step === "allocate");
  const claim = ledger.changes.find((change) => change.step === "claim");
  if (!allocation || !claim) throw new Error("Nothing to tamper with: no allocation or claim succeeded");
  const current = (await referral.get({ referralId: allocation.referralId }).go({ consistent: true })).data;
  if (!current) throw new Error(`Nothing to tamper with: ${allocation.referralId} is missing`);
  await transactWrite(runtime.context, [
    referralUpdate(runtime.context, current, { ...current, version: current.version + 1 }, {}),
  ]);
  const events = await outbox.scan
    .where((attributes, { eq }) => eq(attributes.type, "referral.accepted"))
    .go();
  const event = events.data[0];
  if (event) await outbox.delete({ eventId: event.eventId }).go();
  const worker = await user.get({ userId: claim.actorId }).go();
  const limit = worker.data?.caseloadLimit ?? 0;
  await user
    .patch({ userId: claim.actorId })
    .set({ activeCaseload: limit + 1 })
    .go();
  return [
    `${allocation.referralId}: version raised by one`,
    `${event?.subject.id}: its referral.accepted event deleted from the outbox`,
    `${claim.actorId}: caseload counter set to ${limit + 1}, past the limit of ${limit}`,
  ];
}
