import { eventTypesAbout, isEventOf, parseEvent } from "@linkwork/core/event/catalogue";
import { ReferralCreate } from "@linkwork/core/referral/schema";
import { recordTimelineEntry } from "@linkwork/core/timeline/record";
import { createId } from "@linkwork/core/util/id";
import type { DevIdentity } from "@linkwork/local/dev-issuer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { aReferral, uniqueNhsNumber } from "../support/builders";
import { seedStaff, team } from "../support/world";

let api: ApiHarness;
beforeAll(async () => {
  api = await createApiHarness();
  await seedStaff(api.context);
});
afterAll(() => api.close());

const coordinatorOnly = ["personId", "hasOtherOpenReferrals", "otherOpenReferrals", "possibleMatch"];

/** Plays the event pipeline's part for these referrals: their outbox events onto their timelines. */
async function deliverEvents(referralIds: string[]) {
  const outbox = await api.db.entities.outbox.scan.go({ pages: "all" });
  for (const item of outbox.data.filter((event) => referralIds.includes(event.subject.id))) {
    const event = parseEvent({
      id: item.eventId,
      type: item.type,
      occurredAt: item.occurredAt,
      actor: item.actor,
      subject: item.subject,
      data: item.data,
    });
    if (isEventOf(event, eventTypesAbout("referral"))) await recordTimelineEntry(api.context.db, event);
  }
}

async function refer(as: DevIdentity, person: ReturnType<typeof aReferral>["person"]) {
  const response = await api.call("POST", "/api/referrals", { as, body: aReferral({ person }) });
  expect(response.status).toBe(201);
  return response.body;
}

/** What a referrer could compare between two of their referrals: everything but ids, references and times. */
function shape(body: Record<string, unknown>) {
  const { id: _id, reference: _reference, receivedAt: _received, updatedAt: _updated, ...rest } = body;
  const serviceLevel = rest.serviceLevel as Record<string, unknown> | undefined;
  return {
    keys: Object.keys(body).sort(),
    values: { ...rest, person: undefined, serviceLevel: { ...serviceLevel, dueAt: undefined } },
  };
}

describe("a referrer cannot learn whether an NHS number is known", () => {
  it("gets the same answer for a known NHS number (agreeing or not) as for a new one, timeline included", async () => {
    const known = aReferral().person;
    const first = await refer(team.coordinator, known);

    const agreeing = await refer(team.gp, known);
    const differing = await refer(team.gp, { ...known, givenName: "Mallory", postcode: "NS9 9ZZ" });
    const unknown = await refer(team.gp, { ...known, nhsNumber: uniqueNhsNumber() });
    const answers = [agreeing, differing, unknown];

    for (const body of answers) {
      for (const field of coordinatorOnly) expect(body).not.toHaveProperty(field);
    }
    expect(shape(differing)).toEqual(shape(unknown));
    expect(shape(agreeing)).toEqual(shape(unknown));
    expect(differing.person).toEqual(
      ReferralCreate.parse(aReferral({ person: { ...known, givenName: "Mallory", postcode: "NS9 9ZZ" } }))
        .person,
    );

    const read = async (id: string) => (await api.call("GET", `/api/referrals/${id}`, { as: team.gp })).body;
    const reads = await Promise.all(answers.map((body) => read(body.id)));
    expect(reads.map(shape)).toEqual(reads.map(() => shape(unknown)));
    const list = await api.call("GET", "/api/referrals", { as: team.gp });
    for (const item of list.body.items)
      for (const field of coordinatorOnly) expect(item).not.toHaveProperty(field);

    await deliverEvents([first.id, ...answers.map((body) => body.id)]);
    const timeline = async (id: string, as: DevIdentity) =>
      (await api.call("GET", `/api/referrals/${id}/timeline`, { as })).body.items.map(
        (item: { type: string; data: Record<string, unknown> }) => ({
          type: item.type,
          data: { ...item.data, referralId: undefined },
        }),
      );
    const timelines = await Promise.all(answers.map((body) => timeline(body.id, team.gp)));
    expect(timelines[0]).toHaveLength(1);
    expect(timelines[0]).toEqual(timelines[2]);
    expect(timelines[1]).toEqual(timelines[2]);
    expect(timelines[2][0].data).not.toHaveProperty("knownPerson");
    expect(timelines[2][0].data).not.toHaveProperty("otherOpenReferrals");

    const coordinatorView = await timeline(differing.id, team.coordinator);
    expect(coordinatorView.map((item: { type: string }) => item.type)).toEqual([
      "referral.received",
      "referral.possible_match_found",
    ]);
    const agreeingForCoordinator = await timeline(agreeing.id, team.coordinator);
    expect(agreeingForCoordinator[0].data).toMatchObject({ knownPerson: true, otherOpenReferrals: 1 });
  });

  it("shows a coordinator which record a referral is on and what else is open", async () => {
    const known = aReferral().person;
    const first = await refer(team.gp, known);
    const second = await refer(team.gp, known);
    const seen = await api.call("GET", `/api/referrals/${second.id}`, { as: team.coordinator });
    const original = await api.call("GET", `/api/referrals/${first.id}`, { as: team.coordinator });
    expect(seen.body).toMatchObject({ personId: original.body.personId, hasOtherOpenReferrals: true });
    expect(seen.body.otherOpenReferrals).toEqual([expect.objectContaining({ id: first.id })]);
  });
});

describe("a self-referral never changes a stored person record", () => {
  it("leaves the record as it was when someone quotes its NHS number with other details", async () => {
    const known = aReferral().person;
    const first = await refer(team.gp, known);
    const personId = (await api.call("GET", `/api/referrals/${first.id}`, { as: team.coordinator })).body
      .personId;
    const before = await api.call("GET", `/api/people/${personId}`, { as: team.coordinator });
    expect(before.status).toBe(200);

    const { phone: _phone, ...rest } = known;
    const response = await api.call("POST", "/api/self-referrals", {
      body: {
        person: { ...rest, givenName: "Mallory", email: "mallory@example.com", postcode: "NS9 9ZZ" },
        reason: "Please call me",
        needs: ["loneliness_isolation"],
        consent: { shareWithProviders: true },
      },
      sourceIp: "198.51.100.77",
    });
    expect(response.status).toBe(202);
    const after = await api.call("GET", `/api/people/${personId}`, { as: team.coordinator });
    expect(after.body).toEqual(before.body);
  });
});

describe("settling a possible match through the API", () => {
  it("lets a coordinator see the match, refuses a stale version, and confirms it", async () => {
    const known = aReferral().person;
    const first = await refer(team.gp, known);
    const second = await refer(team.gp, { ...known, postcode: "NS2 7QT" });
    const seen = await api.call("GET", `/api/referrals/${second.id}`, { as: team.coordinator });
    expect(seen.body.possibleMatch).toEqual({ basis: "nhs_number", differences: ["postcode"] });
    const queue = await api.call("GET", "/api/referrals?status=received", { as: team.coordinator });
    expect(
      queue.body.items.find((item: { id: string }) => item.id === second.id)?.possibleMatch,
    ).toBeDefined();

    const match = await api.call("GET", `/api/referrals/${second.id}/person-match`, { as: team.coordinator });
    expect(match.status).toBe(200);
    expect(match.body).toMatchObject({
      status: "pending",
      candidate: { postcode: known.postcode, openReferrals: 1 },
    });

    const path = `/api/referrals/${second.id}/person-match/confirm`;
    const stale = await api.call("POST", path, { as: team.coordinator, body: { version: 7 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "version_conflict", currentVersion: 1 });
    const confirmed = await api.call("POST", path, { as: team.coordinator, body: { version: 1 } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ version: 2, hasOtherOpenReferrals: true });
    expect(confirmed.body.possibleMatch).toBeUndefined();
    const original = await api.call("GET", `/api/referrals/${first.id}`, { as: team.coordinator });
    expect(confirmed.body.personId).toBe(original.body.personId);
    const again = await api.call("POST", path, { as: team.coordinator, body: { version: 2 } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("invalid_transition");
  });

  it("splits a referral off as someone else", async () => {
    const known = aReferral().person;
    await refer(team.gp, known);
    const second = await refer(team.gp, { ...known, givenName: "Grace" });
    const split = await api.call("POST", `/api/referrals/${second.id}/person-match/split`, {
      as: team.coordinator,
      body: { version: second.version },
    });
    expect(split.status).toBe(200);
    expect(split.body.version).toBe(second.version + 1);
    expect(split.body.possibleMatch).toBeUndefined();
  });

  it("keeps matching and stored records to triage coordinators", async () => {
    const known = aReferral().person;
    await refer(team.gp, known);
    const second = await refer(team.gp, { ...known, postcode: "NS2 7QT" });
    const personId = (await api.call("GET", `/api/referrals/${second.id}`, { as: team.coordinator })).body
      .personId;
    for (const as of [team.gp, team.vcsManager, team.commissioner]) {
      expect((await api.call("GET", `/api/referrals/${second.id}/person-match`, { as })).status).toBe(403);
      expect(
        (
          await api.call("POST", `/api/referrals/${second.id}/person-match/confirm`, {
            as,
            body: { version: 1 },
          })
        ).status,
      ).toBe(403);
      expect((await api.call("GET", `/api/people/${personId}`, { as })).status).toBe(403);
      expect(
        (
          await api.call("PATCH", `/api/people/${personId}`, {
            as,
            body: { version: 1, details: { postcode: "NS1 1AA" } },
          })
        ).status,
      ).toBe(403);
    }
  });
});

describe("correcting a stored person record", () => {
  it("is version-checked and lists every problem with the change", async () => {
    const first = await refer(team.gp, aReferral().person);
    const personId = (await api.call("GET", `/api/referrals/${first.id}`, { as: team.coordinator })).body
      .personId;
    const path = `/api/people/${personId}`;
    const invalid = await api.call("PATCH", path, {
      as: team.coordinator,
      body: { details: { postcode: "nowhere", email: "not-an-email" } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual([
      "details.email",
      "details.postcode",
      "version",
    ]);
    const renumbered = await api.call("PATCH", path, {
      as: team.coordinator,
      body: { version: 1, details: { nhsNumber: uniqueNhsNumber() } },
    });
    expect(renumbered.status).toBe(400);
    expect(renumbered.body.error.details).toContainEqual({
      path: "details",
      message: expect.stringContaining("nhsNumber"),
    });
    const updated = await api.call("PATCH", path, {
      as: team.coordinator,
      body: { version: 1, details: { postcode: "ns2 7qt" } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ version: 2, details: { postcode: "NS2 7QT" } });
    const stale = await api.call("PATCH", path, {
      as: team.coordinator,
      body: { version: 1, details: { givenName: "Eve" } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.currentVersion).toBe(2);
    const referral = await api.call("GET", `/api/referrals/${first.id}`, { as: team.coordinator });
    expect(referral.body.person.postcode).toBe(first.person.postcode);
    expect(
      (await api.call("GET", `/api/people/${createId("person")}`, { as: team.coordinator })).status,
    ).toBe(404);
    expect((await api.call("GET", "/api/people/per_missing", { as: team.coordinator })).status).toBe(400);
  });

  it("removes a phone number and email address that are no longer the person's, as an audited change", async () => {
    const first = await refer(team.gp, {
      ...aReferral().person,
      email: "ada@example.com",
      addressLine1: "12 Mill Lane",
    });
    const personId = (await api.call("GET", `/api/referrals/${first.id}`, { as: team.coordinator })).body
      .personId;
    const path = `/api/people/${personId}`;
    const before = (await api.call("GET", path, { as: team.coordinator })).body;
    expect(before.details).toMatchObject({ phone: first.person.phone, email: "ada@example.com" });

    const removed = await api.call("PATCH", path, {
      as: team.coordinator,
      body: { version: before.version, remove: ["phone", "email"] },
    });
    expect(removed.status).toBe(200);
    expect(removed.body.version).toBe(before.version + 1);
    const after = (await api.call("GET", path, { as: team.coordinator })).body;
    expect(after.version).toBe(before.version + 1);
    expect(after.details).not.toHaveProperty("phone");
    expect(after.details).not.toHaveProperty("email");
    expect(after.details).toMatchObject({
      givenName: before.details.givenName,
      addressLine1: "12 Mill Lane",
    });

    const audit = await api.db.entities.audit.query.bySubject({ subjectId: personId }).go();
    expect(
      audit.data
        .filter((entry) => entry.action === "person.update")
        .map((entry) => [entry.actorId, entry.purpose]),
    ).toEqual([[team.coordinator.userId, "Correcting the person's record: removing email, phone"]]);
    const referral = await api.call("GET", `/api/referrals/${first.id}`, { as: team.coordinator });
    expect(referral.body.person).toMatchObject({ phone: first.person.phone, email: "ada@example.com" });
  });

  it("refuses to remove a required detail, an unknown one, or one it is also setting, naming each", async () => {
    const first = await refer(team.gp, aReferral().person);
    const personId = (await api.call("GET", `/api/referrals/${first.id}`, { as: team.coordinator })).body
      .personId;
    const path = `/api/people/${personId}`;
    const refused = await api.call("PATCH", path, {
      as: team.coordinator,
      body: {
        version: 1,
        details: { phone: "07700 900 982" },
        remove: ["givenName", "favouriteColour", "phone", "nhsNumber"],
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      {
        path: "remove.0",
        message: "givenName cannot be removed: every person's record needs it. Correct it in details instead",
      },
      {
        path: "remove.1",
        message: expect.stringContaining("favouriteColour is not a detail that can be removed"),
      },
      { path: "remove.3", message: expect.stringContaining("The NHS number cannot be removed") },
      { path: "remove.2", message: "phone is both set in details and removed: send it in one of them" },
    ]);
    for (const remove of [["postcode"], ["dateOfBirth"], ["familyName"]]) {
      const required = await api.call("PATCH", path, { as: team.coordinator, body: { version: 1, remove } });
      expect(required.status).toBe(400);
      expect(required.body.error.details).toEqual([
        { path: "remove.0", message: expect.stringContaining("every person's record needs it") },
      ]);
    }
    const nothing = await api.call("PATCH", path, {
      as: team.coordinator,
      body: { version: 1, details: {}, remove: [] },
    });
    expect(nothing.status).toBe(400);
    expect(nothing.body.error.details).toEqual([{ path: "details", message: "Change at least one detail" }]);
    const unchanged = (await api.call("GET", path, { as: team.coordinator })).body;
    expect(unchanged.version).toBe(1);
    expect(unchanged.details.phone).toBe(first.person.phone);
  });
});
