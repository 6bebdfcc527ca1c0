import type { AgendaItem, Mdt, Meeting } from "@linkwork/core/mdt/schema";
import { testRangeNhsNumber } from "@linkwork/core/person/domain/nhs-number";
import type { Referral } from "@linkwork/core/referral/schema";
import type { LocalRuntime } from "@linkwork/local/runtime";
import { apiClient } from "./api-client";
import { inParallel } from "./concurrency";
import { addStaff, numbered } from "./world";

/** The demo world's own link workers: one each at the PCN, Community Connect and the carers' centre. */
const demoLinkWorkers = 3;

export interface BoardScene {
  meetingId: string;
  items: AgendaItem[];
  chairToken: string;
  memberToken: string;
}

/** One JSON request, failing loudly: a scene that is not as described measures nothing. */
export async function send<Body>(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as Body;
}

/**
 * A meeting in progress with `itemCount` people on its agenda, and enough extra link workers
 * (through core's user entity, as seeding does) for the capacity strip to list `linkWorkerCount`.
 */
export async function prepareBoard(
  runtime: LocalRuntime,
  baseUrl: string,
  itemCount: number,
  linkWorkerCount: number,
): Promise<BoardScene> {
  const api = apiClient(baseUrl);
  const [admin, chairToken, memberToken] = await Promise.all(
    ["admin@linkwork.test", "gp@linkwork.test", "manager.pcn@linkwork.test"].map((email) =>
      api.signIn(email),
    ),
  );
  if (!admin || !chairToken || !memberToken) throw new Error("The demo users could not sign in");
  await addStaff(
    runtime,
    api,
    "worker",
    numbered("board", Math.max(0, linkWorkerCount - demoLinkWorkers)),
    20,
  );

  const mdt = await send<Mdt>(baseUrl, admin, "POST", "/api/mdts", {
    name: "Riverside board bench",
    practices: ["A81001"],
    chairUserId: "usr_gp",
    memberUserIds: ["usr_manager_pcn"],
    cadenceDays: 14,
  });
  const planned = await send<Meeting>(baseUrl, chairToken, "POST", `/api/mdts/${mdt.id}/meetings`, {
    startsAt: new Date(Date.now() + 60 * 60_000).toISOString(),
    durationMinutes: 120,
  });
  const seed = Math.floor(Math.random() * 900_000);
  await inParallel(
    Array.from({ length: itemCount }, (_, index) => index),
    4,
    async (index) => {
      const referral = await send<Referral>(baseUrl, chairToken, "POST", "/api/referrals", {
        person: {
          nhsNumber: testRangeNhsNumber(seed + index),
          givenName: `Person${String(index + 1).padStart(2, "0")}`,
          familyName: "Board",
          dateOfBirth: "1950-03-14",
          postcode: "NS1 4AB",
        },
        source: "gp",
        practiceOds: "A81001",
        reason: "Several A&E visits this year; lives alone and would like company.",
        needs: ["loneliness_isolation"],
        riskFlags: ["frequent_attender"],
        consent: { shareWithProviders: true },
      });
      await send(baseUrl, chairToken, "POST", `/api/meetings/${planned.id}/items`, {
        referralId: referral.id,
        reason: "Frequent A&E attender",
      });
    },
  );
  const started = await send<Meeting>(baseUrl, chairToken, "POST", `/api/meetings/${planned.id}/start`, {
    version: planned.version,
  });
  return { meetingId: started.id, items: started.items, chairToken, memberToken };
}
