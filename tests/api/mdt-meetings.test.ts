import { describe, expect, it } from "vitest";
import { team } from "../support/world";
import { councilMember, daysFromNow, mdtApiSuite, teamMembers } from "./mdt-fixtures";

const { api, createTeam, planned, referredWith, listed } = mdtApiSuite();
const missingMeeting = "mtg_01jd8k2m3n4p5q6r7s8t9v0w1x";

async function outboxTypes(subjectId: string) {
  const outbox = await api().db.entities.outbox.scan.go({ pages: "all" });
  return outbox.data
    .filter((item) => item.subject.id === subjectId)
    .sort((left, right) => left.eventId.localeCompare(right.eventId))
    .map((item) => item.type);
}

describe("setting up an MDT", () => {
  it("is for admins only: anyone else is refused with 403 and nothing is written", async () => {
    const body = {
      name: "Not allowed",
      practices: ["A81001"],
      chairUserId: team.gp.userId,
      memberUserIds: [],
      cadenceDays: 14,
    };
    for (const caller of [team.gp, team.coordinator, team.pcnManager, team.commissioner]) {
      const response = await api().call("POST", "/api/mdts", { as: caller, body });
      expect(response.status, caller.email).toBe(403);
    }
    const stored = await api().db.entities.mdt.scan.go({ pages: "all" });
    expect(stored.data.filter((item) => item.name === "Not allowed")).toEqual([]);
  });

  it("counts the chair as a member whether or not the members list names them, with its event", async () => {
    const mdt = await createTeam();
    expect(mdt).toMatchObject({
      name: "Riverside and Hillside MDT",
      practices: ["A81001", "A81002"],
      chairUserId: team.gp.userId,
      cadenceDays: 14,
      version: 1,
    });
    expect(mdt.members.map((member) => member.userId)).toEqual([team.gp.userId, ...teamMembers]);
    expect(mdt.members[0]).toEqual({
      userId: team.gp.userId,
      name: team.gp.name,
      organisationId: team.gp.organisationId,
    });
    const mine = await api().call("GET", "/api/mdts", { as: team.gp });
    expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(mdt.id);
    expect(await outboxTypes(mdt.id)).toEqual(["mdt.created"]);
  });

  it("names every problem with the request at once", async () => {
    const response = await api().call("POST", "/api/mdts", {
      as: team.admin,
      body: { name: " ", practices: ["12345"], chairUserId: "", cadenceDays: 0, memberUserIds: "x" },
    });
    expect(response.status).toBe(400);
    const paths = response.body.error.details.map((detail: { path: string }) => detail.path);
    expect(paths).toEqual(
      expect.arrayContaining(["name", "practices.0", "chairUserId", "cadenceDays", "memberUserIds"]),
    );
  });

  it("refuses members who do not exist or whose role never sees people, and practices nobody knows", async () => {
    const response = await api().call("POST", "/api/mdts", {
      as: team.admin,
      body: {
        name: "Impossible team",
        practices: ["A81001", "Z99999"],
        chairUserId: team.gp.userId,
        memberUserIds: ["usr_nobody", team.commissioner.userId],
        cadenceDays: 14,
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([
      { path: "memberUserIds.0", message: "No active user has the id usr_nobody" },
      {
        path: "memberUserIds.1",
        message: `${team.commissioner.name}'s role does not let them see the people an MDT discusses`,
      },
      { path: "practices.1", message: "No practice has the ODS code Z99999" },
    ]);
  });

  it("lists a user's own MDTs only, and every MDT to an admin", async () => {
    const mdt = await createTeam({ name: "Listing team", memberUserIds: [team.pcnWorker.userId] });
    const outsider = await api().call("GET", "/api/mdts", { as: team.carersWorker });
    expect(outsider.body.items.map((item: { id: string }) => item.id)).not.toContain(mdt.id);
    const admin = await api().call("GET", "/api/mdts", { as: team.admin });
    expect(admin.body.items.map((item: { id: string }) => item.id)).toContain(mdt.id);
    const member = await api().call("GET", `/api/mdts/${mdt.id}`, { as: team.pcnWorker });
    expect(member.status).toBe(200);
    expect(member.body.id).toBe(mdt.id);
    const me = await api().call("GET", "/api/me", { as: team.pcnWorker });
    expect(me.body.mdtIds).toContain(mdt.id);
    const outsiderMe = await api().call("GET", "/api/me", { as: team.carersWorker });
    expect(outsiderMe.body.mdtIds).not.toContain(mdt.id);
  });
});

describe("an MDT's meetings", () => {
  it("are planned by the chair or an admin; other members get 403, outsiders 404", async () => {
    const mdt = await createTeam();
    const body = { startsAt: daysFromNow(7), durationMinutes: 60 };
    const byChair = await api().call("POST", `/api/mdts/${mdt.id}/meetings`, { as: team.gp, body });
    expect(byChair.status).toBe(201);
    expect(byChair.body).toMatchObject({
      mdtId: mdt.id,
      mdtName: "Riverside and Hillside MDT",
      status: "planned",
      version: 1,
      attendees: [],
      items: [],
      durationMinutes: 60,
    });
    expect(byChair.body.allowedActions).toEqual(
      expect.arrayContaining(["start", "add_item", "record_attendance"]),
    );
    expect(await outboxTypes(byChair.body.id)).toEqual(["meeting.planned"]);
    const byAdmin = await api().call("POST", `/api/mdts/${mdt.id}/meetings`, { as: team.admin, body });
    expect(byAdmin.status).toBe(201);
    const byMember = await api().call("POST", `/api/mdts/${mdt.id}/meetings`, { as: team.vcsWorker, body });
    expect(byMember.status).toBe(403);
    const byOutsider = await api().call("POST", `/api/mdts/${mdt.id}/meetings`, {
      as: team.carersWorker,
      body,
    });
    expect(byOutsider.status).toBe(404);
  });

  it("are planned ahead, never in the past", async () => {
    const mdt = await createTeam();
    const response = await api().call("POST", `/api/mdts/${mdt.id}/meetings`, {
      as: team.gp,
      body: { startsAt: daysFromNow(-1), durationMinutes: 60 },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([
      { path: "startsAt", message: "A meeting is planned for a time still to come" },
    ]);
  });

  it("are listed soonest first, without their agendas", async () => {
    const mdt = await createTeam();
    const later = await planned(mdt.id, daysFromNow(21));
    const sooner = await planned(mdt.id, daysFromNow(7));
    const response = await api().call("GET", `/api/mdts/${mdt.id}/meetings`, { as: team.vcsWorker });
    expect(response.status).toBe(200);
    expect(response.body.items.map((item: { id: string }) => item.id)).toEqual([sooner.id, later.id]);
    expect(response.body.items[0]).not.toHaveProperty("items");
  });
});

describe("a meeting, to anyone outside its MDT", () => {
  it("does not exist: the meeting, its board, items, candidates and capacity are all 404", async () => {
    const mdt = await createTeam();
    const meeting = await planned(mdt.id);
    const referral = await referredWith();
    const item = await listed(meeting.id, referral.id);
    const routes: [string, string, unknown?][] = [
      ["GET", `/api/mdts/${mdt.id}`],
      ["GET", `/api/mdts/${mdt.id}/meetings`],
      ["GET", `/api/meetings/${meeting.id}`],
      ["GET", `/api/meetings/${meeting.id}/candidates`],
      ["GET", `/api/meetings/${meeting.id}/capacity`],
      ["GET", `/api/meetings/${meeting.id}/items/${item.id}`],
      ["POST", `/api/meetings/${meeting.id}/items`, { referralId: referral.id, reason: "x" }],
      ["PATCH", `/api/meetings/${meeting.id}/items/${item.id}`, { version: 1, column: "discussing" }],
      ["POST", `/api/meetings/${meeting.id}/start`, { version: 1 }],
      ["PUT", `/api/meetings/${meeting.id}/attendance`, { version: 1, attendees: [] }],
    ];
    for (const outsider of [team.carersWorker, team.coordinator, team.pcnManager, team.commissioner]) {
      for (const [method, path, body] of routes) {
        const response = await api().call(method, path, { as: outsider, ...(body ? { body } : {}) });
        expect(response.status, `${outsider.email} ${method} ${path}`).toBe(404);
        expect(response.body.error.code).toBe("not_found");
      }
    }
    // The same answer as for a meeting that does not exist at all.
    const missing = await api().call("GET", `/api/meetings/${missingMeeting}`, { as: team.carersWorker });
    expect(missing.status).toBe(404);
    const refusals = await api()
      .db.entities.audit.query.bySubject({ subjectId: meeting.id })
      .go({ pages: "all" });
    expect(
      refusals.data
        .filter((entry) => entry.actorId === team.carersWorker.userId)
        .map(({ action, outcome, purpose }) => ({ action, outcome, purpose })),
    ).toEqual(
      expect.arrayContaining(
        ["meeting.board.read", "meeting.candidates.read", "meeting.item.update", "meeting.start"].map(
          (action) => ({
            action,
            outcome: "denied",
            purpose: "Refused: Not a member of the MDT",
          }),
        ),
      ),
    );
    const unchanged = await api().call("GET", `/api/meetings/${meeting.id}`, { as: team.gp });
    expect(unchanged.body).toMatchObject({ status: "planned", version: 1 });
    expect(unchanged.body.items).toHaveLength(1);
  });

  it("is not shown with its people even to the admin who can plan it", async () => {
    const mdt = await createTeam();
    const meeting = await planned(mdt.id);
    expect((await api().call("GET", `/api/meetings/${meeting.id}`, { as: team.admin })).status).toBe(404);
    expect((await api().call("GET", `/api/mdts/${mdt.id}/meetings`, { as: team.admin })).status).toBe(200);
  });

  it("refuses a malformed id with 400 naming it", async () => {
    const response = await api().call("GET", "/api/meetings/not-an-id", { as: team.gp });
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].path).toBe("meetingId");
  });
});

describe("starting a meeting", () => {
  it("is the chair's alone, early if they like; a stale version or a second start is 409", async () => {
    const mdt = await createTeam();
    const meeting = await planned(mdt.id, daysFromNow(5));
    const byMember = await api().call("POST", `/api/meetings/${meeting.id}/start`, {
      as: team.pcnWorker,
      body: { version: 1 },
    });
    expect(byMember.status).toBe(403);
    const stale = await api().call("POST", `/api/meetings/${meeting.id}/start`, {
      as: team.gp,
      body: { version: 7 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "version_conflict", currentVersion: 1 });
    const started = await api().call("POST", `/api/meetings/${meeting.id}/start`, {
      as: team.gp,
      body: { version: 1 },
    });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ status: "in_progress", version: 2 });
    expect(started.body.startedAt).toEqual(expect.any(String));
    expect(started.body.allowedActions).toContain("end");
    expect(started.body.allowedActions).not.toContain("start");
    const again = await api().call("POST", `/api/meetings/${meeting.id}/start`, {
      as: team.gp,
      body: { version: 2 },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("invalid_transition");
    expect(await outboxTypes(meeting.id)).toEqual(["meeting.planned", "meeting.started"]);
  });
});

describe("attendance", () => {
  it("is recorded by any member, naming only members, version-checked", async () => {
    const mdt = await createTeam();
    const meeting = await planned(mdt.id);
    const recorded = await api().call("PUT", `/api/meetings/${meeting.id}/attendance`, {
      as: councilMember,
      body: { version: 1, attendees: [team.gp.userId, team.vcsWorker.userId, team.gp.userId] },
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ attendees: [team.gp.userId, team.vcsWorker.userId], version: 2 });
    const outsider = await api().call("PUT", `/api/meetings/${meeting.id}/attendance`, {
      as: team.gp,
      body: { version: 2, attendees: [team.carersWorker.userId] },
    });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.details).toEqual([
      { path: "attendees.0", message: `${team.carersWorker.userId} is not a member of the team` },
    ]);
    const stale = await api().call("PUT", `/api/meetings/${meeting.id}/attendance`, {
      as: team.gp,
      body: { version: 1, attendees: [] },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "version_conflict", currentVersion: 2 });
    expect(await outboxTypes(meeting.id)).toEqual(["meeting.planned", "meeting.attendance_recorded"]);
  });
});
