import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createEvent, toOutboxItem } from "@linkwork/core/event/outbox";
import { type LocalRuntime, startLocalRuntime } from "@linkwork/local/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const tsx = join(repositoryRoot, "packages/local/node_modules/tsx/dist/cli.mjs");

let runtime: LocalRuntime;

beforeAll(async () => {
  const webRoot = mkdtempSync(join(tmpdir(), "linkwork-web-"));
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>Linkwork</title>");
  runtime = await startLocalRuntime({ port: 0, webRoot, seed: false, streamPollIntervalMs: 50 });
}, 120_000);

afterAll(() => runtime?.stop(), 60_000);

/** Runs one of the operator's commands as `pnpm events:…` runs it, and collects what it prints. */
function command(file: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    [tsx, join(repositoryRoot, "packages/local/src/ops", file), ...args],
    {
      cwd: repositoryRoot,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolveExit) => child.once("exit", (code) => resolveExit({ code, output })));
}

async function timelineOf(referralId: string) {
  const { data } = await runtime.context.db.entities.timeline.query
    .byReferral({ referralId })
    .go({ pages: "all" });
  return data.map((entry) => entry.eventId);
}

describe("the operator's commands against a running local runtime", () => {
  it("pnpm events:replay --local publishes the range again through the runtime's bus, and the timeline does not double", async () => {
    const referralId = `ref_${randomUUID()}`;
    const hourAgo = Date.now() - 60 * 60 * 1000;
    const events = [hourAgo, hourAgo + 10 * 60 * 1000].map((at) =>
      createEvent("referral.received", {
        actor: { type: "system", name: "test" },
        subject: { type: "referral", id: referralId },
        data: { referralId, source: "gp", needs: ["housing"], riskFlags: [] },
        at: new Date(at),
      }),
    );
    for (const event of events) await runtime.context.db.entities.outbox.create(toOutboxItem(event)).go();
    await runtime.settled();
    expect(await timelineOf(referralId)).toEqual(events.map((event) => event.id));
    const acceptedBefore = runtime.bus.accepted();

    const replayed = await command("replay-command.ts", [
      "--local",
      "--runtime-url",
      runtime.url,
      "--from",
      new Date(hourAgo - 60_000).toISOString(),
      "--to",
      new Date(hourAgo + 20 * 60 * 1000).toISOString(),
    ]);
    await runtime.settled();

    expect(replayed.output).toContain("replayed 2 events, 0 refused, 0 unreadable");
    expect(replayed.code).toBe(0);
    expect(runtime.bus.accepted() - acceptedBefore).toBe(2);
    expect(await timelineOf(referralId)).toEqual(events.map((event) => event.id));
  });

  it("pnpm events:redrive --local reads the runtime's dead letters and reports an empty queue", async () => {
    const redriven = await command("redrive-command.ts", ["--local", "--runtime-url", runtime.url]);
    expect(redriven.output).toMatch(/0 redelivered, 0 failed, 0 left/);
    expect(redriven.code).toBe(0);
  });

  it("names every problem with its arguments and exits 2", async () => {
    const refused = await command("replay-command.ts", ["--from", "yesterday", "--limit", "3"]);
    expect(refused.code).toBe(2);
    expect(refused.output).toMatch(/Unknown option '--limit'|--from: must be an ISO date-time/);
  });
});
