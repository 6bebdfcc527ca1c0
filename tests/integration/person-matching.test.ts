import { confirmPossibleMatch } from "@linkwork/core/person/confirm-match";
import { readPossibleMatch } from "@linkwork/core/person/read-match";
import { splitPossibleMatch } from "@linkwork/core/person/split-match";
import { updatePerson } from "@linkwork/core/person/update-person";
import { readReferral } from "@linkwork/core/referral/read";
import { receiveReferral } from "@linkwork/core/referral/receive";
import { ReferralCreate, type ReferralCreateInput } from "@linkwork/core/referral/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { aReferral, aUser, people, uniqueNhsNumber } from "../support/builders";
import { createTestContext } from "../support/database";

let setup: Awaited<ReturnType<typeof createTestContext>>;
beforeAll(async () => {
  setup = await createTestContext();
});

const gp = aUser();
const coordinator = aUser({ ...people.coordinator });

let nextPostcode = 100;
/** A person nobody else in this file shares a postcode with, so identity matches stay within a test. */
function freshPerson(overrides: Partial<ReferralCreateInput["person"]> = {}) {
  nextPostcode += 1;
  const postcode = `NS${Math.floor(nextPostcode / 100)} ${nextPostcode % 10}${"ABCDEFGHJ"[Math.floor(nextPostcode / 10) % 9]}B`;
  return { ...aReferral().person, nhsNumber: uniqueNhsNumber(), postcode, ...overrides };
}

async function refer(person: ReferralCreateInput["person"], actor = gp) {
  const input = ReferralCreate.parse(aReferral({ person, source: "health_professional" }));
  const { referral } = await receiveReferral(setup.context, actor, input);
  return referral;
}

async function stored(referralId: string) {
  const item = await setup.db.entities.referral.get({ referralId }).go();
  if (!item.data) throw new Error(`no referral ${referralId}`);
  return item.data;
}

async function personRecord(personId: string) {
  return (await setup.db.entities.person.get({ personId }).go()).data;
}

describe("a referral never changes a stored person record", () => {
  it("attaches a referral that agrees with the record, leaving its details as they were", async () => {
    const person = freshPerson();
    const first = await refer(person);
    const firstPersonId = (await stored(first.id)).personId;
    const second = await refer({ ...person, givenName: "ADA", phone: "+44 1632 960001" });
    expect((await stored(second.id)).personId).toBe(firstPersonId);
    const record = await personRecord(firstPersonId);
    expect(record?.details).toMatchObject({ givenName: "Ada", phone: person.phone });
    expect([...(record?.openReferralIds ?? [])].sort()).toEqual([first.id, second.id].sort());
  });

  it("keeps a referral quoting a known NHS number with other details apart, as a possible match", async () => {
    const person = freshPerson();
    const first = await refer(person);
    const knownId = (await stored(first.id)).personId;
    const before = await personRecord(knownId);
    const impostor = {
      ...person,
      givenName: "Mallory",
      postcode: "NS9 9ZZ",
      phone: "07700 900 666",
      email: "mallory@example.com",
    };
    const second = await refer(impostor, aUser({ userId: "usr_other_gp" }));

    expect(await personRecord(knownId)).toEqual(before);
    const secondItem = await stored(second.id);
    expect(secondItem.personId).not.toBe(knownId);
    expect(secondItem.person).toEqual(ReferralCreate.parse(aReferral({ person: impostor })).person);
    const ownRecord = await personRecord(secondItem.personId);
    expect(ownRecord?.nhsNumber).toBeUndefined();

    const seen = await readReferral(setup.context, coordinator, second.id);
    expect(seen.possibleMatch).toEqual({
      basis: "nhs_number",
      differences: ["givenName", "postcode", "phone"],
    });
    const match = await readPossibleMatch(setup.context, coordinator, second.id);
    expect(match.candidate).toMatchObject({ personId: knownId, givenName: "Ada", postcode: person.postcode });
  });

  it.each([
    ["agreeing in every detail", {}],
    ["with other contact details and postcode", { email: "someone@example.com", postcode: "NS9 1AA" }],
  ])("a self-referral never changes a stored person record, %s", async (_case, changes) => {
    const person = freshPerson();
    const first = await refer(person);
    const knownId = (await stored(first.id)).personId;
    const before = await personRecord(knownId);
    const { referral } = await receiveReferral(
      setup.context,
      { type: "public" },
      {
        ...ReferralCreate.parse(aReferral({ person: { ...person, ...changes } })),
        source: "self",
        riskFlags: [],
      },
    );
    expect(await personRecord(knownId)).toEqual(before);
    expect((await stored(referral.id)).personId).not.toBe(knownId);
    expect((await readReferral(setup.context, coordinator, referral.id)).possibleMatch).toMatchObject({
      basis: "nhs_number",
    });
  });
});

describe("a self-referral quoting an NHS number nobody has used yet", () => {
  it("does not take the number: a professional's referral quoting it later is a possible match, not joined", async () => {
    const person = freshPerson();
    const { referral: self } = await receiveReferral(
      setup.context,
      { type: "public" },
      {
        ...ReferralCreate.parse(aReferral({ person: { ...person, email: "someone@example.com" } })),
        source: "self",
        riskFlags: [],
      },
    );
    const selfRecord = await personRecord((await stored(self.id)).personId);
    expect(selfRecord?.nhsNumber).toBeUndefined();
    expect((await stored(self.id)).person.nhsNumber).toBe(person.nhsNumber);

    const fromGp = await refer(person);
    expect((await stored(fromGp.id)).personId).not.toBe(selfRecord?.personId);
    expect((await personRecord((await stored(fromGp.id)).personId))?.nhsNumber).toBe(person.nhsNumber);
    const seen = await readReferral(setup.context, coordinator, fromGp.id);
    expect(seen.hasOtherOpenReferrals).toBe(false);
    expect(seen.possibleMatch).toMatchObject({ basis: "identity" });
  });
});

describe("confirming a possible match that later referrals joined", () => {
  it("moves every open referral on the provisional record to the person already known", async () => {
    const { nhsNumber, ...withoutNumber } = freshPerson();
    const first = await refer(withoutNumber);
    // Quotes an NHS number: a possible match (identity) whose own record holds the number.
    const second = await refer({ ...withoutNumber, nhsNumber });
    // Quotes the same number: joins the second's record, with no match of its own to settle.
    const third = await refer({ ...withoutNumber, nhsNumber });
    const provisional = (await stored(second.id)).personId;
    expect((await stored(third.id)).personId).toBe(provisional);

    const version = (await stored(second.id)).version;
    const confirmed = await confirmPossibleMatch(setup.context, coordinator, second.id, version);

    const known = (await stored(first.id)).personId;
    expect(confirmed.personId).toBe(known);
    expect((await stored(third.id)).personId).toBe(known);
    const record = await personRecord(known);
    expect([...(record?.openReferralIds ?? [])].sort()).toEqual([first.id, second.id, third.id].sort());
    expect(record?.nhsNumber).toBe(nhsNumber);
    expect(await personRecord(provisional)).toMatchObject({ mergedInto: known });
  });
});

describe("confirming a possible match whose existing person was merged since", () => {
  it("moves the referral to the record that person is kept on now", async () => {
    const person = freshPerson();
    const first = await refer(person);
    const second = await refer({ ...person, phone: "07700 900 456" });
    const candidate = (await stored(first.id)).personId;
    // Since the match was found, the existing person's record was found to be someone else's.
    const survivor = (await stored((await refer(freshPerson())).id)).personId;
    await setup.db.entities.person.patch({ personId: candidate }).set({ mergedInto: survivor }).go();

    const version = (await stored(second.id)).version;
    const confirmed = await confirmPossibleMatch(setup.context, coordinator, second.id, version);

    expect(confirmed.personId).toBe(survivor);
    expect((await personRecord(survivor))?.openReferralIds).toContain(second.id);
  });
});

describe("matching without an NHS number", () => {
  const withoutNhsNumber = (overrides: Partial<ReferralCreateInput["person"]> = {}) => {
    const { nhsNumber: _nhsNumber, ...person } = freshPerson(overrides);
    return person;
  };

  it("never merges on name, birth date and postcode alone: the coordinator is asked", async () => {
    const person = withoutNhsNumber();
    const first = await refer(person);
    const second = await refer(person);
    const [a, b] = [await stored(first.id), await stored(second.id)];
    expect(b.personId).not.toBe(a.personId);
    const seen = await readReferral(setup.context, coordinator, second.id);
    expect(seen.possibleMatch).toEqual({ basis: "identity", differences: [] });
  });

  it("keeps twins apart: same family name, birth date and postcode, different given names", async () => {
    const ada = withoutNhsNumber();
    const first = await refer(ada);
    const second = await refer({ ...ada, givenName: "Grace" });
    expect((await stored(second.id)).personId).not.toBe((await stored(first.id)).personId);
    expect((await readReferral(setup.context, coordinator, second.id)).possibleMatch).toBeUndefined();
  });

  it.each([
    ["李", "王", "伟"],
    ["Иванов", "Петров", "Иван"],
  ])("keeps %s and %s apart when birth date and postcode agree", async (one, other, givenName) => {
    const person = withoutNhsNumber({ givenName, familyName: one });
    const first = await refer(person);
    const second = await refer({ ...person, familyName: other });
    expect((await stored(second.id)).personId).not.toBe((await stored(first.id)).personId);
    expect((await readReferral(setup.context, coordinator, second.id)).possibleMatch).toBeUndefined();
    const third = await refer({ ...person });
    expect((await readReferral(setup.context, coordinator, third.id)).possibleMatch).toEqual({
      basis: "identity",
      differences: [],
    });
  });
});

describe("a coordinator settles a possible match", () => {
  async function possibleMatch() {
    const person = freshPerson();
    const first = await refer(person);
    const knownId = (await stored(first.id)).personId;
    const second = await refer({ ...person, postcode: "NS8 2AB" });
    return { first, second, knownId };
  }

  it("confirming moves the referral to the known person and records who decided", async () => {
    const { first, second, knownId } = await possibleMatch();
    const before = await personRecord(knownId);
    const confirmed = await confirmPossibleMatch(setup.context, coordinator, second.id, second.version);
    expect(confirmed).toMatchObject({
      version: second.version + 1,
      personId: knownId,
      hasOtherOpenReferrals: true,
    });
    expect(confirmed.possibleMatch).toBeUndefined();
    const known = await personRecord(knownId);
    expect(known?.details).toEqual(before?.details);
    expect([...(known?.openReferralIds ?? [])].sort()).toEqual([first.id, second.id].sort());
    const provisional = await personRecord(
      (await setup.db.entities.personMatch.get({ referralId: second.id }).go()).data?.personId ?? "",
    );
    expect(provisional?.mergedInto).toBe(knownId);

    const audit = await setup.db.entities.audit.query.bySubject({ subjectId: second.id }).go();
    expect(audit.data.map((entry) => entry.action)).toContain("person.match.confirm");
    const outbox = await setup.db.entities.outbox.scan.go({ pages: "all" });
    expect(
      outbox.data
        .filter((event) => event.subject.id === second.id)
        .map((event) => event.type)
        .sort(),
    ).toEqual(["referral.possible_match_confirmed", "referral.possible_match_found", "referral.received"]);
  });

  it("splitting keeps the referral on its own record and leaves the known person alone", async () => {
    const { second, knownId } = await possibleMatch();
    const before = await personRecord(knownId);
    const split = await splitPossibleMatch(setup.context, coordinator, second.id, second.version);
    expect(split.version).toBe(second.version + 1);
    expect(split.personId).not.toBe(knownId);
    expect(split.possibleMatch).toBeUndefined();
    expect(await personRecord(knownId)).toEqual(before);
    await expect(
      confirmPossibleMatch(setup.context, coordinator, second.id, split.version),
    ).rejects.toMatchObject({ code: "invalid_transition" });
  });

  it("refuses a decision made on a stale version, with the current one", async () => {
    const { second } = await possibleMatch();
    await expect(
      confirmPossibleMatch(setup.context, coordinator, second.id, second.version + 5),
    ).rejects.toMatchObject({ code: "version_conflict", currentVersion: second.version });
  });

  it("lets only triage coordinators decide", async () => {
    const { second } = await possibleMatch();
    await expect(splitPossibleMatch(setup.context, gp, second.id, second.version)).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("confirming a match found by identity gives the known person the NHS number the referral brought", async () => {
    const { nhsNumber: _none, ...known } = freshPerson();
    const first = await refer(known);
    const knownId = (await stored(first.id)).personId;
    const nhsNumber = uniqueNhsNumber();
    const second = await refer({ ...known, nhsNumber });
    await confirmPossibleMatch(setup.context, coordinator, second.id, second.version);
    expect((await personRecord(knownId))?.nhsNumber).toBe(nhsNumber);
    const third = await refer({ ...known, nhsNumber });
    expect((await stored(third.id)).personId).toBe(knownId);
  });
});

describe("correcting a person's stored record", () => {
  it("is an explicit, version-checked and audited change by a coordinator", async () => {
    const first = await refer(freshPerson());
    const personId = (await stored(first.id)).personId;
    const updated = await updatePerson(setup.context, coordinator, personId, {
      version: 1,
      details: { postcode: "ns2 7qt", phone: "07700 900 982" },
    });
    expect(updated).toMatchObject({ version: 2, details: { postcode: "NS2 7QT", phone: "07700 900 982" } });
    await expect(
      updatePerson(setup.context, coordinator, personId, { version: 1, details: { givenName: "Eve" } }),
    ).rejects.toMatchObject({ code: "version_conflict", currentVersion: 2 });
    await expect(
      updatePerson(setup.context, gp, personId, { version: 2, details: { givenName: "Eve" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const audit = await setup.db.entities.audit.query.bySubject({ subjectId: personId }).go();
    expect(audit.data.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["person.update", coordinator.userId],
    ]);
    expect((await stored(first.id)).person.postcode).not.toBe("NS2 7QT");
  });
});
