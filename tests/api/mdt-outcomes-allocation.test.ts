import { describe, expect, it } from "vitest";
import { triage } from "../support/journey";
import { team } from "../support/world";
import { councilMember, mdtApiSuite } from "./mdt-fixtures";

const { api, createTeam, planned, referredWith, listed } = mdtApiSuite();

/** The council officer holds no role that reaches referrals: only the team's agenda does. */
const member = councilMember;

async function allocationSteps(referralId: string, version: number) {
  const read = await api().call("GET", `/api/referrals/${referralId}`, { as: member });
  const triaged = await api().call("POST", `/api/referrals/${referralId}/triage`, {
    as: member,
    body: { version, ...triage },
  });
  const options = await api().call("GET", `/api/referrals/${referralId}/allocation-options`, { as: member });
  const allocated = await api().call("POST", `/api/referrals/${referralId}/allocate`, {
    as: member,
    body: { version: triaged.body?.version ?? version + 1, organisationId: team.vcsWorker.organisationId },
  });
  return { read, triaged, options, allocated };
}

describe("allocating from the board", () => {
  it("lets a member triage and allocate a person on their meeting's agenda, with the ranked options", async () => {
    expect(member.roles).toEqual(["mdt_member"]);
    const mdt = await createTeam();
    const meeting = await planned(mdt.id);
    const referral = await referredWith();
    await listed(meeting.id, referral.id);

    const { read, triaged, options, allocated } = await allocationSteps(referral.id, referral.version);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body.allowedActions).toEqual(expect.arrayContaining(["triage"]));
    expect(triaged.status, JSON.stringify(triaged.body)).toBe(200);
    expect(triaged.body).toMatchObject({
      status: "triaged",
      allowedActions: expect.arrayContaining(["allocate"]),
    });
    expect(options.status, JSON.stringify(options.body)).toBe(200);
    expect(options.body.options.map((option: { name: string }) => option.name)).toContain(
      "Community Connect",
    );
    expect(allocated.status, JSON.stringify(allocated.body)).toBe(200);
    expect(allocated.body).toMatchObject({
      status: "allocated",
      organisationId: team.vcsWorker.organisationId,
    });
  });

  it("is not found for a person on no agenda of the member's teams", async () => {
    const mdt = await createTeam();
    await planned(mdt.id);
    const referral = await referredWith();
    const { read, triaged, options, allocated } = await allocationSteps(referral.id, referral.version);
    expect([read.status, triaged.status, options.status, allocated.status]).toEqual([404, 404, 404, 404]);
    const stored = await api().db.entities.referral.get({ referralId: referral.id }).go();
    expect(stored.data).toMatchObject({ status: "received", version: referral.version });
  });

  it("stops 30 days after the meeting where the person was discussed ended", async () => {
    const mdt = await createTeam();
    const meeting = await planned(mdt.id);
    const referral = await referredWith();
    const item = await listed(meeting.id, referral.id);
    const decided = await api().call("POST", `/api/meetings/${meeting.id}/items/${item.id}/outcome`, {
      as: team.gp,
      body: {
        version: item.version,
        decision: "Allocate to Community Connect after the meeting",
        actions: [],
      },
    });
    expect(decided.status).toBe(200);
    const started = await api().call("POST", `/api/meetings/${meeting.id}/start`, {
      as: team.gp,
      body: { version: meeting.version },
    });
    const ended = await api().call("POST", `/api/meetings/${meeting.id}/end`, {
      as: team.gp,
      body: { version: started.body.version },
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect((await api().call("GET", `/api/referrals/${referral.id}`, { as: member })).status).toBe(200);

    // 30 days on: the listing's access ended a moment ago, as the end set it to.
    const stored = await api().db.entities.agendaItem.get({ meetingId: meeting.id, itemId: item.id }).go();
    const endedAt = Date.parse(ended.body.endedAt);
    expect(Date.parse(stored.data?.accessUntil ?? "")).toBe(endedAt + 30 * 24 * 60 * 60 * 1000);
    await api()
      .db.entities.agendaItem.patch({ meetingId: meeting.id, itemId: item.id })
      .set({ accessUntil: new Date(Date.now() - 60_000).toISOString() })
      .go();

    const { read, triaged, options, allocated } = await allocationSteps(referral.id, referral.version);
    expect([read.status, triaged.status, options.status, allocated.status]).toEqual([404, 404, 404, 404]);
    // The chair referred this person, so their own referral is still theirs to see.
    expect((await api().call("GET", `/api/referrals/${referral.id}`, { as: team.gp })).status).toBe(200);
  });
});
