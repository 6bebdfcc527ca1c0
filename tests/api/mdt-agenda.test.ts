import { describe, expect, it } from "vitest";
import { aReferral } from "../support/builders";
import { team } from "../support/world";
import { councilMember, mdtApiSuite } from "./mdt-fixtures";

const { api, createTeam, planned, referredWith, listed } = mdtApiSuite();

const person = (givenName: string, familyName: string) => ({ ...aReferral().person, givenName, familyName });

async function auditOf(referralId: string) {
  const entries = await api()
    .db.entities.audit.query.bySubject({ subjectId: referralId })
    .go({ pages: "all" });
  return entries.data.map(({ actorId, action, purpose }) => ({ actorId, action, purpose }));
}

async function board(meetingId: string, as = team.gp) {
  const response = await api().call("GET", `/api/meetings/${meetingId}`, { as });
  expect(response.status).toBe(200);
  return response.body as {
    items: {
      id: string;
      referralId: string;
      column: string;
      position: number;
      version: number;
      person: { name: string; initialsOnly: boolean; age?: number };
      sbar: unknown;
    }[];
  };
}

describe("candidates for a meeting", () => {
  it("are open referrals at the team's practices with an agenda risk flag, each with why, not yet listed", async () => {
    const mdt = await createTeam({ practices: ["A81002"] });
    const meeting = await planned(mdt.id);
    const flagged = await referredWith({
      practiceOds: "A81002",
      riskFlags: ["frequent_attender", "safeguarding", "lives_alone"],
      person: person("Bernard", "Hale"),
    });
    const alreadyListed = await referredWith({ practiceOds: "A81002", riskFlags: ["crisis"] });
    const unflagged = await referredWith({ practiceOds: "A81002", riskFlags: ["lives_alone"] });
    const elsewhere = await referredWith({ practiceOds: "A81005", riskFlags: ["crisis"] });
    const withdrawn = await referredWith({ practiceOds: "A81002", riskFlags: ["crisis"] });
    const withdrawal = await api().call("POST", `/api/referrals/${withdrawn.id}/withdraw`, {
      as: team.gp,
      body: { version: withdrawn.version, reason: "Moved away" },
    });
    expect(withdrawal.status).toBe(200);
    await listed(meeting.id, alreadyListed.id);

    const response = await api().call("GET", `/api/meetings/${meeting.id}/candidates`, {
      as: team.pcnWorker,
    });
    expect(response.status).toBe(200);
    const ids = response.body.items.map((item: { referralId: string }) => item.referralId);
    expect(ids).toEqual([flagged.id]);
    expect(ids).not.toContain(unflagged.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(response.body.items[0]).toMatchObject({
      name: "Bernard Hale",
      age: expect.any(Number),
      riskFlags: ["frequent_attender", "safeguarding", "lives_alone"],
      why: [
        "Flagged: Frequent attender",
        "Flagged: Safeguarding concern",
        expect.stringMatching(
          /^Referred at Hillside Medical Centre \(A81002\) on \d{1,2} [A-Z][a-z]+ \d{4}, waiting for triage$/,
        ),
      ],
    });
    expect(await auditOf(flagged.id)).toContainEqual({
      actorId: team.pcnWorker.userId,
      action: "meeting.candidates.read",
      purpose: expect.stringContaining("Candidate for the agenda: Riverside and Hillside MDT meeting of"),
    });
  });
});

describe("listing a person on the agenda", () => {
  it("pre-fills the SBAR from the record when the member gives none", async () => {
    const mdt = await createTeam();
    const meeting = await planned(mdt.id);
    const referral = await referredWith({ riskFlags: ["high_risk_admission", "lives_alone"] });
    const item = await api().call("POST", `/api/meetings/${meeting.id}/items`, {
      as: team.vcsWorker,
      body: { referralId: referral.id, reason: "Two falls this month" },
    });
    expect(item.status).toBe(201);
    expect(item.body).toMatchObject({
      meetingId: meeting.id,
      referralId: referral.id,
      reason: "Two falls this month",
      column: "to_discuss",
      position: 0,
      slotMinutes: 5,
      version: 1,
      riskFlags: ["high_risk_admission", "lives_alone"],
      person: { name: "Ada Okafor", initialsOnly: false, age: expect.any(Number) },
    });
    expect(item.body.allowedActions).toEqual(["move", "edit_sbar", "record_outcome"]);
    const { sbar } = item.body;
    expect(sbar.situation).toMatch(
      /^Two falls this month\. Referred on \d{1,2} [A-Z][a-z]+ \d{4}, waiting for triage\.$/,
    );
    expect(sbar.background).toContain(`Reason for referral: ${aReferral().reason}`);
    expect(sbar.background).toContain("Needs: Loneliness and isolation, Mental wellbeing.");
    expect(sbar.assessment).toContain("Risks: High risk of hospital admission, Lives alone.");
    expect(sbar.recommendation).toBe("Agree the support needed and allocate it from the board.");
  });

  it("keeps the member's own SBAR and slot, and appends to the end of To discuss", async () => {
    const mdt = await createTeam();
    const meeting = await planned(mdt.id);
    await listed(meeting.id, (await referredWith()).id);
    const sbar = { situation: "S", background: "B", assessment: "A", recommendation: "R" };
    const second = await listed(meeting.id, (await referredWith()).id, team.pcnWorker, {
      sbar,
      slotMinutes: 8,
    });
    expect(second).toMatchObject({ position: 1, sbar, slotMinutes: 8 });
  });

  it("needs a reason, refuses a person already listed (409) and a referral that is not open (409)", async () => {
    const mdt = await createTeam();
    const meeting = await planned(mdt.id);
    const referral = await referredWith();
    const noReason = await api().call("POST", `/api/meetings/${meeting.id}/items`, {
      as: team.gp,
      body: { referralId: referral.id, reason: "  " },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details).toEqual([
      { path: "reason", message: "Enter why the person is being discussed" },
    ]);
    await listed(meeting.id, referral.id);
    const twice = await api().call("POST", `/api/meetings/${meeting.id}/items`, {
      as: team.pcnWorker,
      body: { referralId: referral.id, reason: "Again" },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("already_listed");
    const closed = await referredWith();
    await api().call("POST", `/api/referrals/${closed.id}/withdraw`, {
      as: team.gp,
      body: { version: closed.version, reason: "Moved away" },
    });
    const notOpen = await api().call("POST", `/api/meetings/${meeting.id}/items`, {
      as: team.gp,
      body: { referralId: closed.id, reason: "Check" },
    });
    expect(notOpen.status).toBe(409);
    expect(notOpen.body.error.code).toBe("invalid_transition");
    expect((await board(meeting.id)).items).toHaveLength(1);
  });

  it("refuses a referral outside the team's practices unless the member already has a relationship with it", async () => {
    const mdt = await createTeam({ practices: ["A81002"] });
    const meeting = await planned(mdt.id);
    const ownReferral = await referredWith({ practiceOds: "A81001" });
    const notTheirs = await api().call("POST", `/api/meetings/${meeting.id}/items`, {
      as: team.vcsWorker,
      body: { referralId: ownReferral.id, reason: "Worried" },
    });
    expect(notTheirs.status).toBe(404);
    // The GP referred them: listing them shares nobody the GP could not already see.
    const byReferrer = await listed(meeting.id, ownReferral.id, team.gp);
    expect(byReferrer.column).toBe("to_discuss");
  });
});

describe("what members outside the NHS see", () => {
  it("is initials and age without the person's consent to share, and everything with it", async () => {
    const mdt = await createTeam();
    const meeting = await planned(mdt.id);
    const withoutConsent = await referredWith({
      person: person("Cecily", "Moreton"),
      consent: { shareWithProviders: false },
    });
    const withConsent = await referredWith({ person: person("Dev", "Mistry") });
    await listed(meeting.id, withoutConsent.id);
    await listed(meeting.id, withConsent.id);

    const byPerson = (body: Awaited<ReturnType<typeof board>>) =>
      Object.fromEntries(body.items.map((item) => [item.referralId, item]));
    for (const outsideNhs of [team.vcsWorker, councilMember]) {
      const seen = byPerson(await board(meeting.id, outsideNhs));
      expect(seen[withoutConsent.id]?.person).toEqual({
        name: "C. M.",
        initialsOnly: true,
        age: expect.any(Number),
      });
      expect(seen[withoutConsent.id]?.sbar).toBeNull();
      expect(seen[withConsent.id]?.person).toMatchObject({ name: "Dev Mistry", initialsOnly: false });
      expect(seen[withConsent.id]?.sbar).not.toBeNull();
    }
    for (const nhs of [team.gp, team.pcnWorker]) {
      const seen = byPerson(await board(meeting.id, nhs));
      expect(seen[withoutConsent.id]?.person).toMatchObject({ name: "Cecily Moreton", initialsOnly: false });
      expect(seen[withoutConsent.id]?.sbar).not.toBeNull();
    }
  });

  it("lets them move a card whose SBAR they cannot see, but not write over that SBAR", async () => {
    const mdt = await createTeam();
    const meeting = await planned(mdt.id);
    const referral = await referredWith({ consent: { shareWithProviders: false } });
    const item = await listed(meeting.id, referral.id);
    const path = `/api/meetings/${meeting.id}/items/${item.id}`;
    const shown = await api().call("GET", path, { as: team.vcsWorker });
    expect(shown.body.allowedActions).toEqual(["move", "record_outcome"]);
    const sbar = { situation: "S", background: "B", assessment: "A", recommendation: "R" };
    const overwrite = await api().call("PATCH", path, { as: team.vcsWorker, body: { version: 1, sbar } });
    expect(overwrite.status).toBe(403);
    const moved = await api().call("PATCH", path, {
      as: team.vcsWorker,
      body: { version: 1, column: "discussing" },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ column: "discussing", sbar: null, version: 2 });
  });

  it("applies to candidates too", async () => {
    const mdt = await createTeam({ practices: ["A81005"] });
    const meeting = await planned(mdt.id);
    const referral = await referredWith({
      practiceOds: "A81005",
      riskFlags: ["crisis"],
      person: person("Edith", "Nkemelu"),
      consent: { shareWithProviders: false },
    });
    const names = async (as: typeof team.gp) =>
      (await api().call("GET", `/api/meetings/${meeting.id}/candidates`, { as })).body.items
        .filter((item: { referralId: string }) => item.referralId === referral.id)
        .map((item: { name: string }) => item.name);
    expect(await names(team.vcsWorker)).toEqual(["E. N."]);
    expect(await names(councilMember)).toEqual(["E. N."]);
    expect(await names(team.pcnWorker)).toEqual(["Edith Nkemelu"]);
  });
});

describe("working the board", () => {
  it("moves a card between columns and within one, writing only the moved card", async () => {
    const mdt = await createTeam();
    const meeting = await planned(mdt.id);
    const first = await listed(meeting.id, (await referredWith()).id);
    const second = await listed(meeting.id, (await referredWith()).id);
    const third = await listed(meeting.id, (await referredWith()).id);

    const toTop = await api().call("PATCH", `/api/meetings/${meeting.id}/items/${third.id}`, {
      as: team.vcsWorker,
      body: { version: 1, position: 0 },
    });
    expect(toTop.status).toBe(200);
    expect(toTop.body).toMatchObject({ position: 0, version: 2, column: "to_discuss" });
    const order = (await board(meeting.id)).items.map((item) => [item.id, item.position, item.version]);
    expect(order).toEqual([
      [third.id, 0, 2],
      [first.id, 1, 1],
      [second.id, 2, 1],
    ]);

    const discussing = await api().call("PATCH", `/api/meetings/${meeting.id}/items/${first.id}`, {
      as: councilMember,
      body: { version: 1, column: "discussing" },
    });
    expect(discussing.body).toMatchObject({ column: "discussing", position: 0, version: 2 });
    const columns = (await board(meeting.id)).items.map((item) => [item.id, item.column, item.position]);
    expect(columns).toEqual([
      [third.id, "to_discuss", 0],
      [second.id, "to_discuss", 1],
      [first.id, "discussing", 0],
    ]);
  });

  it("answers a stale version with 409 and the version now current", async () => {
    const mdt = await createTeam();
    const meeting = await planned(mdt.id);
    const item = await listed(meeting.id, (await referredWith()).id);
    const path = `/api/meetings/${meeting.id}/items/${item.id}`;
    const first = await api().call("PATCH", path, {
      as: team.gp,
      body: { version: 1, column: "discussing" },
    });
    expect(first.status).toBe(200);
    const second = await api().call("PATCH", path, {
      as: team.pcnWorker,
      body: { version: 1, column: "deferred" },
    });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: "version_conflict", currentVersion: 2 });
    const now = await api().call("GET", path, { as: team.pcnWorker });
    expect(now.body).toMatchObject({ column: "discussing", version: 2 });
  });

  it("edits the SBAR and slot, and keeps a card out of Decided until its outcome is recorded", async () => {
    const mdt = await createTeam();
    const meeting = await planned(mdt.id);
    const item = await listed(meeting.id, (await referredWith()).id);
    const path = `/api/meetings/${meeting.id}/items/${item.id}`;
    const sbar = { situation: "Now", background: "Then", assessment: "Think", recommendation: "Do" };
    const edited = await api().call("PATCH", path, {
      as: team.vcsWorker,
      body: { version: 1, sbar, slotMinutes: 10 },
    });
    expect(edited.body).toMatchObject({
      sbar,
      slotMinutes: 10,
      version: 2,
      column: "to_discuss",
      position: 0,
    });
    const decided = await api().call("PATCH", path, { as: team.gp, body: { version: 2, column: "decided" } });
    expect(decided.status).toBe(409);
    expect(decided.body.error).toMatchObject({ code: "invalid_transition", currentVersion: 2 });
    const nothing = await api().call("PATCH", path, { as: team.gp, body: { version: 2 } });
    expect(nothing.status).toBe(400);
    expect(nothing.body.error.details).toEqual([
      { path: "(body)", message: "Say what to change: column, position, sbar or slotMinutes" },
    ]);
    const bad = await api().call("PATCH", path, {
      as: team.gp,
      body: { version: 0, column: "nowhere", position: -1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual([
      "column",
      "position",
      "version",
    ]);
  });

  it("freezes once the meeting has ended: no listing, no moves", async () => {
    const mdt = await createTeam();
    const meeting = await planned(mdt.id);
    const item = await listed(meeting.id, (await referredWith()).id);
    // Ending is another use case's; here the meeting and its listing are simply as an ended one leaves them.
    const endedAt = new Date().toISOString();
    await api().db.entities.meeting.patch({ meetingId: meeting.id }).set({ status: "ended", endedAt }).go();
    await api()
      .db.entities.agendaItem.patch({ meetingId: meeting.id, itemId: item.id })
      .set({ accessUntil: new Date(Date.now() + 30 * 86_400_000).toISOString() })
      .go();
    const add = await api().call("POST", `/api/meetings/${meeting.id}/items`, {
      as: team.gp,
      body: { referralId: (await referredWith()).id, reason: "Late" },
    });
    expect(add.status).toBe(409);
    expect(add.body.error.code).toBe("invalid_transition");
    const move = await api().call("PATCH", `/api/meetings/${meeting.id}/items/${item.id}`, {
      as: team.gp,
      body: { version: 1, column: "deferred" },
    });
    expect(move.status).toBe(409);
    expect(move.body.error.code).toBe("invalid_transition");
    const shown = await api().call("GET", `/api/meetings/${meeting.id}/items/${item.id}`, { as: team.gp });
    expect(shown.body.allowedActions).toEqual([]);
  });

  it("writes an event for every change to the outbox", async () => {
    const mdt = await createTeam();
    const meeting = await planned(mdt.id);
    const item = await listed(meeting.id, (await referredWith()).id);
    await api().call("PATCH", `/api/meetings/${meeting.id}/items/${item.id}`, {
      as: team.gp,
      body: { version: 1, column: "discussing" },
    });
    const outbox = await api().db.entities.outbox.scan.go({ pages: "all" });
    const events = outbox.data
      .filter((entry) => entry.subject.id === meeting.id)
      .sort((left, right) => left.eventId.localeCompare(right.eventId))
      .map((entry) => [entry.type, entry.data.itemId]);
    expect(events).toEqual([
      ["meeting.planned", undefined],
      ["meeting.item_listed", item.id],
      ["meeting.item_updated", item.id],
    ]);
  });
});

describe("opening people from the board", () => {
  it("is audited for every person shown, with the meeting as the purpose", async () => {
    const mdt = await createTeam();
    const meeting = await planned(mdt.id);
    const referral = await referredWith();
    const item = await listed(meeting.id, referral.id, team.pcnWorker);
    await board(meeting.id, councilMember);
    await api().call("GET", `/api/meetings/${meeting.id}/items/${item.id}`, { as: team.vcsWorker });
    const entries = await auditOf(referral.id);
    const purpose = expect.stringMatching(
      new RegExp(`Riverside and Hillside MDT meeting of .* \\(${meeting.id}\\)$`),
    );
    expect(entries).toEqual(
      expect.arrayContaining([
        { actorId: team.pcnWorker.userId, action: "meeting.item.add", purpose },
        { actorId: councilMember.userId, action: "meeting.board.read", purpose },
        { actorId: team.vcsWorker.userId, action: "meeting.item.read", purpose },
      ]),
    );
  });
});

describe("the board's capacity strip", () => {
  it("shows every provider's free places and every link worker's, to members", async () => {
    const mdt = await createTeam();
    const meeting = await planned(mdt.id);
    const response = await api().call("GET", `/api/meetings/${meeting.id}/capacity`, { as: councilMember });
    expect(response.status).toBe(200);
    const organisations = Object.fromEntries(
      response.body.organisations.map((item: { organisationId: string }) => [item.organisationId, item]),
    );
    expect(organisations[team.vcsWorker.organisationId]).toEqual({
      organisationId: team.vcsWorker.organisationId,
      name: "Community Connect",
      kind: "vcs",
      freeCapacity: 30,
      acceptingReferrals: true,
    });
    expect(organisations.org_riverside).toBeUndefined();
    expect(response.body.linkWorkers).toContainEqual({
      userId: team.pcnWorker.userId,
      name: team.pcnWorker.name,
      organisationId: team.pcnWorker.organisationId,
      caseloadLimit: 30,
      activeCases: 0,
      freePlaces: 30,
    });
  });
});
