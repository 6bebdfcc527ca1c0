import type { UserActor } from "@linkwork/core/actor";
import { createMdt } from "@linkwork/core/mdt/create-mdt";
import { planMeeting } from "@linkwork/core/mdt/plan-meeting";
import { demoUsers } from "@linkwork/local/demo-world";
import WebSocket from "ws";
import { type ApiClient, apiClient } from "./api-client";
import { runBenchmark } from "./harness";
import { describeMachine, describeSettings } from "./machine";
import { milliseconds, type Summary, summarise } from "./stats";
import { heading, table } from "./table";

/**
 * How soon a change made over HTTP reaches every board watching the meeting: 30 WebSockets open
 * on one meeting, the chair records attendance (one `PUT`), and each socket's time from sending
 * that request to receiving its `meeting.changed` notice is one sample. The path is the deployed
 * one, played locally: outbox -> table stream -> relay -> bus -> notifier -> `@connections` -> socket.
 */
const settings = {
  sockets: 30,
  warmUpRounds: 5,
  measuredRounds: 40,
  /** A round whose notices have not all arrived by then has lost one. */
  roundTimeoutMs: 10_000,
  deadlineMs: 240_000,
};

const members = ["gp@linkwork.test", "worker.pcn@linkwork.test", "manager.vcs@linkwork.test"];

interface Board {
  socket: WebSocket;
  /** When each notice arrived, by the event that caused it (its `at`). */
  arrivals: { reason: string; receivedAt: number }[];
}

interface Round {
  /** The PUT's own round trip. */
  request: number;
  /** From sending the PUT to each socket's notice. */
  notices: number[];
}

await runBenchmark("live-latency", settings.deadlineMs, async ({ runtime, baseUrl, loadAtStart }) => {
  const api = apiClient(baseUrl);
  const tokens = new Map<string, string>();
  for (const email of members) tokens.set(email, await api.signIn(email));
  const meetingId = await prepareMeeting(runtime.context);
  const boards: Board[] = [];
  for (let index = 0; index < settings.sockets; index++) {
    const email = members[index % members.length] as string;
    boards.push(await openBoard(api, tokens.get(email) as string, meetingId));
  }
  await runtime.settled();

  const chair = tokens.get("gp@linkwork.test") as string;
  let version = await meetingVersion(api, chair, meetingId);
  const rounds: Round[] = [];
  const started = performance.now();
  for (let round = 0; round < settings.warmUpRounds + settings.measuredRounds; round++) {
    const result = await changeAndWait(api, chair, meetingId, version, boards, round);
    version = result.version;
    if (round >= settings.warmUpRounds) rounds.push(result.round);
  }
  const seconds = (performance.now() - started) / 1000;
  for (const board of boards) board.socket.close();

  print(rounds, seconds, loadAtStart);
  return 0;
});

function actor(email: string): UserActor {
  const user = demoUsers.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`The demo world has no ${email}`);
  const { userId, name, roles, organisationId } = user;
  return { type: "user", userId, email, name, roles, organisationId };
}

/** A team of the three members and one meeting tomorrow, through core's own use cases. */
async function prepareMeeting(context: Parameters<typeof createMdt>[0]): Promise<string> {
  const [chair, ...others] = members.map(actor);
  if (!chair) throw new Error("No chair");
  const mdt = await createMdt(context, actor("admin@linkwork.test"), {
    name: "Live latency bench",
    practices: ["A81001"],
    chairUserId: chair.userId,
    memberUserIds: others.map((member) => member.userId),
    cadenceDays: 14,
  });
  const meeting = await planMeeting(context, chair, mdt.id, {
    startsAt: new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString(),
    durationMinutes: 60,
  });
  return meeting.id;
}

async function openBoard(api: ApiClient, token: string, meetingId: string): Promise<Board> {
  const ticket = await api.call<{ url: string }>("POST", "/api/live/tickets", { token, body: { meetingId } });
  if (ticket.status !== 200) throw new Error(`A ticket was refused: ${ticket.status}`);
  const socket = new WebSocket(ticket.body.url);
  const board: Board = { socket, arrivals: [] };
  socket.on("message", (data) => {
    const notice = JSON.parse(data.toString()) as { reason?: string };
    board.arrivals.push({ reason: String(notice.reason), receivedAt: performance.now() });
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
    socket.once("unexpected-response", (_request, response) =>
      reject(new Error(`The WebSocket was refused: ${response.statusCode}`)),
    );
  });
  return board;
}

async function meetingVersion(api: ApiClient, token: string, meetingId: string): Promise<number> {
  const meeting = await api.call<{ version: number }>("GET", `/api/meetings/${meetingId}`, { token });
  if (meeting.status !== 200) throw new Error(`Reading the meeting answered ${meeting.status}`);
  return meeting.body.version;
}

/** One change over HTTP, then every board's first attendance notice after it. */
async function changeAndWait(
  api: ApiClient,
  token: string,
  meetingId: string,
  version: number,
  boards: Board[],
  round: number,
): Promise<{ version: number; round: Round }> {
  const attendees = members.slice(0, 1 + (round % members.length)).map((email) => actor(email).userId);
  const seen = boards.map((board) => board.arrivals.length);
  const sentAt = performance.now();
  const response = await api.call<{ version: number }>("PUT", `/api/meetings/${meetingId}/attendance`, {
    token,
    body: { version, attendees },
  });
  if (response.status !== 200) throw new Error(`Recording attendance answered ${response.status}`);
  const notices = await new Promise<number[]>((resolve, reject) => {
    const deadline = Date.now() + settings.roundTimeoutMs;
    const check = () => {
      const arrived = boards.map((board, index) =>
        board.arrivals.slice(seen[index]).find((arrival) => arrival.reason === "meeting.attendance_recorded"),
      );
      if (arrived.every((arrival) => arrival !== undefined)) {
        resolve(arrived.map((arrival) => (arrival?.receivedAt ?? sentAt) - sentAt));
      } else if (Date.now() > deadline) {
        reject(
          new Error(`Round ${round}: ${arrived.filter((arrival) => !arrival).length} boards heard nothing`),
        );
      } else setTimeout(check, 2);
    };
    check();
  });
  return { version: response.body.version, round: { request: response.ms, notices } };
}

function print(rounds: Round[], seconds: number, loadAtStart: string) {
  const notices = summarise(rounds.flatMap((round) => round.notices));
  const lastPerRound = summarise(rounds.map((round) => Math.max(...round.notices)));
  const requests = summarise(rounds.map((round) => round.request));
  console.info(heading("live-latency: from an HTTP change to the notice on every board"));
  console.info(
    describeSettings([
      ["sockets on one meeting", settings.sockets],
      ["rounds (after warm-up)", `${settings.measuredRounds} (${settings.warmUpRounds})`],
      ["change", "PUT /api/meetings/{id}/attendance by the chair, one at a time"],
      ["duration", `${seconds.toFixed(1)}s`],
    ]),
  );
  const row = (name: string, summary: Summary) => [
    name,
    String(summary.count),
    milliseconds(summary.p50),
    milliseconds(summary.p95),
    milliseconds(summary.max),
  ];
  console.info(
    `\n${table(
      ["ms", "samples", "p50", "p95", "max"],
      [
        row("notice on a board (every socket, every round)", notices),
        row("the last board of a round", lastPerRound),
        row("the PUT itself", requests),
      ],
    )}`,
  );
  const target = notices.p95 < 1000 ? "under" : "OVER";
  console.info(
    `\nNotification p95 ${milliseconds(notices.p95)} ms: ${target} the one second the issue asks for.`,
  );
  console.info(`\n${describeSettings(describeMachine(loadAtStart))}`);
}
