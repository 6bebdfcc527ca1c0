import type { HttpApiHandler } from "@linkwork/local/api-gateway";
import { invokeHttpApi } from "@linkwork/local/api-gateway";
import type { DevIdentity } from "@linkwork/local/dev-issuer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, createApiHarness } from "../support/api";
import { journey } from "../support/journey";
import { seedStaff, team } from "../support/world";

let api: ApiHarness;
let handler: HttpApiHandler;

beforeAll(async () => {
  api = await createApiHarness();
  await seedStaff(api.context);
  ({ handler } = (await import("@linkwork/functions/api/index")) as { handler: HttpApiHandler });
});
afterAll(() => api.close());

const { post, acceptedByCommunityConnect } = journey(() => api);
const worker = team.vcsWorker;

async function ok(path: string, body: unknown, status = 201) {
  const response = await post(path, worker, body);
  expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(status);
  return response.body;
}

/** A referral picked up, worked (a contact, measures, a connection) and, unless asked not to, closed. */
async function worked(close: { reason: string; summary: string } | undefined) {
  const accepted = await acceptedByCommunityConnect();
  const claimed = await ok(`/api/referrals/${accepted.id}/claim`, { version: accepted.version }, 200);
  const id: string = claimed.id;
  await ok(`/api/referrals/${id}/contacts`, {
    at: new Date().toISOString(),
    method: "phone",
    outcome: "made_contact",
    durationMinutes: 20,
  });
  await ok(`/api/referrals/${id}/measures`, {
    tool: "swemwbs",
    stage: "baseline",
    answers: [2, 2, 2, 2, 2, 2, 2],
  });
  await ok(`/api/referrals/${id}/measures`, {
    tool: "domains",
    stage: "baseline",
    answers: { loneliness_isolation: "not_managing", housing: "not_managing" },
  });
  await ok(`/api/referrals/${id}/connections`, {
    serviceName: "Tuesday walking group",
    sector: "vcs",
    need: "loneliness_isolation",
    status: "referred",
  });
  await ok(`/api/referrals/${id}/measures`, {
    tool: "swemwbs",
    stage: "final",
    answers: [3, 3, 3, 3, 3, 3, 3],
  });
  await ok(`/api/referrals/${id}/measures`, {
    tool: "domains",
    stage: "final",
    answers: { loneliness_isolation: "managing", housing: "not_managing" },
  });
  if (!close) return id;
  const current = await api.call("GET", `/api/referrals/${id}`, { as: worker });
  await ok(`/api/referrals/${id}/close`, { version: current.body.version, ...close }, 200);
  return id;
}

const messageBack = (id: string) => `/api/referrals/${id}/message-back`;
const read = (id: string, as: DevIdentity) => api.call("GET", messageBack(id), { as });

/** The response as bytes, straight from the API Lambda through the local runtime's API Gateway emulation. */
async function download(id: string, as: DevIdentity, accept = "application/pdf") {
  const token = await api.issuer.sign(as);
  const response = await invokeHttpApi(
    handler,
    new Request(`https://api.linkwork.test${messageBack(id)}`, {
      headers: { authorization: `Bearer ${token}`, accept },
    }),
  );
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

let closedId: string;
let declinedId: string;

beforeAll(async () => {
  closedId = await worked({
    reason: "connected_to_services",
    summary: "Goes to the walking group every week.",
  });
  declinedId = await worked({ reason: "person_declined", summary: "Decided support was not for her now." });
});

describe("GET /api/referrals/{id}/message-back", () => {
  it("tells the referrer what happened: support, connections, measures with change, reason and codes", async () => {
    const response = await read(closedId, team.gp);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({
      referralId: closedId,
      closureReason: "connected_to_services",
      closureReasonText: "Connected to services",
      summary: "Goes to the walking group every week.",
      linkWorker: { name: worker.name },
      organisation: { id: worker.organisationId },
      contactsMade: 1,
      connections: [{ serviceName: "Tuesday walking group", sector: "vcs", status: "referred" }],
      codes: [
        {
          system: "http://snomed.info/sct",
          code: "871731000000106",
          display: "Referral to social prescribing service",
        },
      ],
    });
    expect(response.body.closedAt).toEqual(expect.any(String));
    expect(response.body.firstContactAt).toEqual(expect.any(String));
    const swemwbs = response.body.measures.find((measure: { tool: string }) => measure.tool === "swemwbs");
    // raw 14 (15.32) to raw 21 (19.25)
    expect(swemwbs).toMatchObject({
      baseline: { score: { raw: 14, metric: 15.32 } },
      final: { score: { raw: 21, metric: 19.25 } },
      change: 3.93,
      meaningful: true,
    });
    expect(response.body.domains.final.statuses).toEqual({
      loneliness_isolation: "managing",
      housing: "not_managing",
    });
  });

  it("codes a declined referral as declined", async () => {
    const response = await read(declinedId, team.gp);
    expect(response.body.codes.map((code: { code: string }) => code.code)).toEqual([
      "871731000000106",
      "871711000000103",
    ]);
  });

  it("is shown to the worker, their manager and triage coordinators, and audited for each", async () => {
    for (const reader of [worker, team.vcsManager, team.coordinator]) {
      expect((await read(closedId, reader)).status).toBe(200);
    }
    const audit = await api.context.db.entities.audit.query
      .bySubject({ subjectId: closedId })
      .go({ pages: "all" });
    const granted = audit.data.filter(
      (entry) => entry.action === "message_back.read" && entry.outcome === "granted",
    );
    expect(granted.map((entry) => entry.actorId)).toEqual(
      expect.arrayContaining([
        team.gp.userId,
        worker.userId,
        team.vcsManager.userId,
        team.coordinator.userId,
      ]),
    );
  });

  it("is not found for another organisation, an open referral or an unknown id, and refused to commissioners", async () => {
    expect((await read(closedId, team.pcnManager)).status).toBe(404);
    expect((await read(closedId, team.pcnWorker)).status).toBe(404);
    expect((await read(closedId, team.carersWorker)).status).toBe(404);
    const open = await worked(undefined);
    expect((await read(open, team.gp)).status).toBe(404);
    expect((await read(open, worker)).status).toBe(404);
    expect((await read("ref_01jd8k2m3n4p5q6r7s8t9v0w1x", team.gp)).status).toBe(404);
    expect((await read(closedId, team.commissioner)).status).toBe(403);
    const audit = await api.context.db.entities.audit.query
      .bySubject({ subjectId: closedId })
      .go({ pages: "all" });
    expect(
      audit.data
        .filter((entry) => entry.action === "message_back.read" && entry.outcome === "denied")
        .map((entry) => entry.actorId),
    ).toEqual(expect.arrayContaining([team.pcnManager.userId, team.commissioner.userId]));
  });

  it("gives a real PDF file to download when asked for application/pdf", async () => {
    const json = await read(closedId, team.gp);
    const { response, bytes } = await download(closedId, team.gp);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="message-back-${json.body.reference}.pdf"`,
    );
    const file = Array.from(bytes, (byte) => String.fromCharCode(byte)).join("");
    expect(file.startsWith("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")).toBe(true);
    expect(file.endsWith("%%EOF\n")).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(file)?.[1]);
    expect(file.slice(startxref, startxref + 4)).toBe("xref");
    expect(file).toContain("(871731000000106) Tj");
    expect(file).toContain("(Goes to the walking group every week.) Tj");
  });

  it("answers JSON to any other Accept, and keeps the PDF from everyone the JSON is kept from", async () => {
    const { response } = await download(closedId, team.gp, "application/json, text/plain, */*");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await download(closedId, team.pcnManager)).response.status).toBe(404);
    expect((await download(closedId, team.commissioner)).response.status).toBe(403);
  });
});
