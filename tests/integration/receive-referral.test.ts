import { receiveReferral } from "@linkwork/core/referral/receive";
import { ReferralCreate } from "@linkwork/core/referral/schema";
import { IdempotencyConflict } from "@linkwork/core/util/errors";
import { beforeAll, describe, expect, it } from "vitest";
import { aReferral, aUser } from "../support/builders";
import { createTestContext } from "../support/database";

let setup: Awaited<ReturnType<typeof createTestContext>>;
beforeAll(async () => {
  setup = await createTestContext();
});

const gp = aUser();

describe("receiving a referral", () => {
  it("stores the referral, its person, its outbox event and an audit entry together", async () => {
    const { context, db } = setup;
    const input = ReferralCreate.parse(aReferral());
    const { referral, replayed } = await receiveReferral(context, gp, input);

    expect(replayed).toBe(false);
    expect(referral).toMatchObject({ status: "received", version: 1, source: "gp", referrerId: gp.userId });
    expect(referral.id).toMatch(/^ref_/);
    expect(referral.reference).toMatch(/^LW-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const stored = await db.entities.referral.get({ referralId: referral.id }).go();
    expect(stored.data?.person.nhsNumber).toBe(input.person.nhsNumber);
    expect(referral.personId).toBeUndefined();
    const person = await db.entities.person.get({ personId: stored.data?.personId ?? "" }).go();
    expect(person.data?.nhsNumber).toBe(input.person.nhsNumber);
    const audit = await db.entities.audit.query.bySubject({ subjectId: referral.id }).go();
    expect(audit.data.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["referral.create", gp.userId],
    ]);

    const outbox = await db.entities.outbox.scan
      .where((attributes, { eq }) => eq(attributes.type, "referral.received"))
      .go({ pages: "all" });
    const event = outbox.data.find((item) => item.subject.id === referral.id);
    expect(event).toMatchObject({
      actor: { type: "user", id: gp.userId },
      data: { referralId: referral.id },
    });
    expect(JSON.stringify(event?.data)).not.toContain(input.person.familyName);
  });

  it("attaches a second referral for the same NHS number only as a possible match when its details differ", async () => {
    const { context, db } = setup;
    const first = ReferralCreate.parse(aReferral());
    const second = ReferralCreate.parse(
      aReferral({
        person: { ...aReferral().person, nhsNumber: first.person.nhsNumber, postcode: "NS2 7QT" },
      }),
    );
    const a = await receiveReferral(context, gp, first);
    const known = (await db.entities.referral.get({ referralId: a.referral.id }).go()).data?.personId ?? "";
    const b = await receiveReferral(context, gp, second);
    const person = await db.entities.person.get({ personId: known }).go();
    expect(person.data).toMatchObject({ version: 1, details: { postcode: first.person.postcode } });
    const match = await db.entities.personMatch.get({ referralId: b.referral.id }).go();
    expect(match.data).toMatchObject({
      candidatePersonId: known,
      status: "pending",
      differences: ["postcode"],
    });
    expect(b.referral.person).toEqual(second.person);
  });

  it("creates one person when two referrals for a new NHS number arrive at once", async () => {
    const { context } = setup;
    const input = ReferralCreate.parse(aReferral());
    const results = await Promise.all([1, 2, 3].map(() => receiveReferral(context, gp, input)));
    const items = await Promise.all(
      results.map((result) => setup.db.entities.referral.get({ referralId: result.referral.id }).go()),
    );
    expect(new Set(items.map((item) => item.data?.personId)).size).toBe(1);
    expect(new Set(results.map((result) => result.referral.id)).size).toBe(3);
  });

  it("returns the first referral when a request is retried with the same Idempotency-Key", async () => {
    const { context } = setup;
    const input = ReferralCreate.parse(aReferral());
    const first = await receiveReferral(context, gp, input, { idempotencyKey: "key-1" });
    const retry = await receiveReferral(context, gp, input, { idempotencyKey: "key-1" });
    expect(retry).toEqual({ referral: first.referral, replayed: true });
  });

  it("audits a retried request as a read of the referral it returns", async () => {
    const { context, db } = setup;
    const input = ReferralCreate.parse(aReferral());
    const first = await receiveReferral(context, gp, input, { idempotencyKey: "audited-replay" });
    await receiveReferral(context, gp, input, { idempotencyKey: "audited-replay" });
    const audit = await db.entities.audit.query.bySubject({ subjectId: first.referral.id }).go();
    expect(audit.data.map((entry) => [entry.action, entry.actorId, entry.outcome])).toEqual([
      ["referral.create", gp.userId, "granted"],
      ["referral.replay", gp.userId, "granted"],
    ]);
  });

  it("stores one referral when the same keyed request races itself", async () => {
    const { context } = setup;
    const input = ReferralCreate.parse(aReferral());
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => receiveReferral(context, gp, input, { idempotencyKey: "race" })),
    );
    expect(new Set(results.map((result) => result.referral.id)).size).toBe(1);
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
  });

  it("refuses a reused Idempotency-Key with a different body", async () => {
    const { context } = setup;
    await receiveReferral(context, gp, ReferralCreate.parse(aReferral()), { idempotencyKey: "key-2" });
    await expect(
      receiveReferral(context, gp, ReferralCreate.parse(aReferral()), { idempotencyKey: "key-2" }),
    ).rejects.toMatchObject({ code: IdempotencyConflict().code });
  });

  it("scopes Idempotency-Keys to the caller", async () => {
    const { context } = setup;
    const input = ReferralCreate.parse(aReferral());
    const mine = await receiveReferral(context, gp, input, { idempotencyKey: "shared" });
    const theirs = await receiveReferral(context, aUser({ userId: "usr_other" }), input, {
      idempotencyKey: "shared",
    });
    expect(theirs.referral.id).not.toBe(mine.referral.id);
  });
});
