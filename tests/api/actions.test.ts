import { describe, expect, it } from "vitest";
import { team } from "../support/world";
import { councilMember, daysFromNow, mdtApiSuite } from "./mdt-fixtures";

const { api, createTeam, planned, referredWith, listed } = mdtApiSuite();

interface Action {
  id: string;
  version: number;
  status: string;
  allowedActions: string[];
}

/** An outcome with two actions: one for the PCN's link worker, one for Community Connect as a whole. */
async function agreedActions() {
  const mdt = await createTeam();
  const meeting = await planned(mdt.id);
  const item = await listed(meeting.id, (await referredWith()).id);
  const response = await api().call("POST", `/api/meetings/${meeting.id}/items/${item.id}/outcome`, {
    as: team.gp,
    body: {
      version: item.version,
      decision: "Support to reconnect with her old choir",
      actions: [
        {
          description: "Visit at home with the choir's details",
          ownerOrganisationId: team.pcnWorker.organisationId,
          ownerUserId: team.pcnWorker.userId,
          dueOn: daysFromNow(14).slice(0, 10),
        },
        {
          description: "Find a volunteer driver",
          ownerOrganisationId: team.vcsWorker.organisationId,
          dueOn: daysFromNow(7).slice(0, 10),
        },
      ],
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  const [forWorker, forOrganisation] = response.body.outcome.actions as Action[];
  if (!forWorker || !forOrganisation) throw new Error("Actions not recorded");
  return { meeting, forWorker, forOrganisation };
}

async function myActions(as: typeof team.gp) {
  const response = await api().call("GET", "/api/actions", { as });
  expect(response.status).toBe(200);
  return response.body.items as Action[];
}

function complete(actionId: string, as: typeof team.gp, body: unknown) {
  return api().call("POST", `/api/actions/${actionId}/complete`, { as, body });
}

describe("my actions", () => {
  it("lists the actions owned by the caller or their organisation, and no one else's", async () => {
    const { forWorker, forOrganisation } = await agreedActions();
    const ids = async (as: typeof team.gp) => (await myActions(as)).map((action) => action.id);
    expect(await ids(team.pcnWorker)).toContain(forWorker.id);
    expect(await ids(team.pcnWorker)).not.toContain(forOrganisation.id);
    expect(await ids(team.vcsWorker)).toContain(forOrganisation.id);
    expect(await ids(team.vcsManager)).toContain(forOrganisation.id);
    expect(await ids(councilMember)).not.toContain(forWorker.id);
    expect(await ids(team.gp)).not.toContain(forOrganisation.id);
    expect(
      (await myActions(team.vcsManager)).find((action) => action.id === forOrganisation.id),
    ).toMatchObject({
      status: "open",
      allowedActions: ["complete"],
      description: "Find a volunteer driver",
    });
  });

  it("keeps done actions for 30 days after they were done, after the open ones", async () => {
    const { forOrganisation } = await agreedActions();
    const done = await complete(forOrganisation.id, team.vcsWorker, { version: forOrganisation.version });
    expect(done.status).toBe(200);
    const listed = await myActions(team.vcsManager);
    const mine = listed.find((action) => action.id === forOrganisation.id);
    expect(mine).toMatchObject({ status: "done", completedBy: team.vcsWorker.userId, allowedActions: [] });
    const firstDone = listed.findIndex((action) => action.status === "done");
    expect(listed.slice(firstDone).every((action) => action.status === "done")).toBe(true);

    const longAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000).toISOString();
    await api().db.entities.action.patch({ actionId: forOrganisation.id }).set({ completedAt: longAgo }).go();
    expect((await myActions(team.vcsManager)).map((action) => action.id)).not.toContain(forOrganisation.id);
  });
});

describe("completing an action", () => {
  it("marks it done for anyone in the owning organisation, once, and says so as an event", async () => {
    const { meeting, forOrganisation } = await agreedActions();
    const response = await complete(forOrganisation.id, team.vcsManager, {
      version: forOrganisation.version,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({
      id: forOrganisation.id,
      status: "done",
      version: forOrganisation.version + 1,
      completedBy: team.vcsManager.userId,
      completedAt: expect.any(String),
      allowedActions: [],
    });
    const outbox = await api()
      .db.entities.outbox.scan.where((attributes, { eq }) => eq(attributes.type, "action.completed"))
      .go({ pages: "all" });
    expect(outbox.data.filter((event) => event.subject.id === forOrganisation.id)).toEqual([
      expect.objectContaining({
        subject: { type: "action", id: forOrganisation.id },
        data: expect.objectContaining({ meetingId: meeting.id }),
      }),
    ]);
    const again = await complete(forOrganisation.id, team.vcsWorker, { version: response.body.version });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: "invalid_transition",
      currentVersion: response.body.version,
    });
  });

  it("answers a stale version with the current one", async () => {
    const { forWorker } = await agreedActions();
    const stale = await complete(forWorker.id, team.pcnWorker, { version: forWorker.version + 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "version_conflict", currentVersion: forWorker.version });
  });

  it("is refused to a team member who does not own it, and is not found for anyone else", async () => {
    const { forWorker } = await agreedActions();
    const member = await complete(forWorker.id, councilMember, { version: forWorker.version });
    expect(member.status).toBe(403);
    const outsider = await complete(forWorker.id, team.coordinator, { version: forWorker.version });
    expect(outsider.status).toBe(404);
    const unknown = await complete("act_01kb0000000000000000000000", team.pcnWorker, { version: 1 });
    expect(unknown.status).toBe(404);
    const stored = await api().db.entities.action.get({ actionId: forWorker.id }).go();
    expect(stored.data).toMatchObject({ status: "open", version: forWorker.version });
  });

  it("names what is wrong with the request", async () => {
    const { forWorker } = await agreedActions();
    const noVersion = await complete(forWorker.id, team.pcnWorker, { version: "latest" });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.details).toEqual([expect.objectContaining({ path: "version" })]);
    const badId = await complete("act_nope", team.pcnWorker, { version: 1 });
    expect(badId.status).toBe(400);
    expect(badId.body.error.details).toEqual([expect.objectContaining({ path: "actionId" })]);
    const unsigned = await api().call("GET", "/api/actions");
    expect(unsigned.status).toBe(401);
  });
});
