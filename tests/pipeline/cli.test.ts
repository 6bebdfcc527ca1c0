import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type CliProcess, processesMentioning, startCli } from "../local/cli-process";
import { eventually } from "../local/eventually";
import { runtimeClient, type TimelineItem } from "../local/runtime-client";
import { aReferral } from "../support/builders";

const running: CliProcess[] = [];
afterEach(async () => {
  for (const cli of running.splice(0)) await cli.stop("SIGKILL");
});

function cli(args: string[], env: Record<string, string> = {}) {
  const started = startCli(args, env);
  running.push(started);
  return started;
}

function delivered(output: string): string[] {
  return [...output.matchAll(/delivered referral\.received (evt_\w+) to timeline/g)].map(
    (match) => match[1] as string,
  );
}

describe("the dev command", () => {
  it("keeps data across a restart, publishes nothing twice, and leaves no Java process behind", async () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), "linkwork-data-"));
    const dynamodbMarker = `-dbPath ${join(dataDirectory, "dynamodb")}`;

    const first = cli(["--data-dir", dataDirectory]);
    const firstUrl = await first.ready();
    expect(first.output()).toContain("seeded the demo world");
    expect(first.output()).toMatch(
      /coordinator@linkwork\.test\s+triage_coordinator\s+Northshire Social Prescribing Hub/,
    );
    // Seven referrals in the triage and MDT stories, and three demo cases (demo-casework.ts).
    await eventually(async () => (delivered(first.output()).length === 10 ? true : undefined), {
      timeoutMs: 60_000,
      what: "the seeded referrals' events",
    });
    const before = await runtimeClient({ url: firstUrl }).call<{ items: Array<{ id: string }> }>(
      "GET",
      "/api/referrals",
      { as: "coordinator@linkwork.test" },
    );
    expect(before.body.items).toHaveLength(10);

    expect(await first.stop("SIGTERM")).toBe(0);
    expect(first.output()).toContain("Stopped.");
    expect(processesMentioning(dynamodbMarker)).toEqual([]);

    const second = cli(["--data-dir", dataDirectory]);
    const secondUrl = await second.ready();
    expect(second.output()).toContain("kept the existing data");
    const client = runtimeClient({ url: secondUrl });
    const after = await client.call<{ items: Array<{ id: string }> }>("GET", "/api/referrals", {
      as: "coordinator@linkwork.test",
    });
    expect(after.body.items.map((referral) => referral.id).sort()).toEqual(
      before.body.items.map((referral) => referral.id).sort(),
    );

    const created = await client.call<{ id: string }>("POST", "/api/referrals", {
      as: "gp@linkwork.test",
      body: aReferral(),
    });
    expect(created.status).toBe(201);
    const [entry] = await eventually(
      async () => {
        const timeline = await client.call<{ items: TimelineItem[] }>(
          "GET",
          `/api/referrals/${created.body.id}/timeline`,
          {
            as: "gp@linkwork.test",
          },
        );
        return timeline.body.items.length > 0 ? timeline.body.items : undefined;
      },
      { what: "the new referral's timeline" },
    );
    await eventually(async () => (delivered(second.output()).includes(entry?.id ?? "") ? true : undefined), {
      what: "the delivery to be logged",
    });
    expect(delivered(second.output())).toEqual([entry?.id]);

    expect(await second.stop("SIGINT")).toBe(0);
    expect(processesMentioning(dynamodbMarker)).toEqual([]);
  }, 300_000);

  it("says clearly when the port is taken, and starts nothing", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    const dataDirectory = mkdtempSync(join(tmpdir(), "linkwork-data-"));
    try {
      const attempt = cli(["--data-dir", dataDirectory], { PORT: String(port) });
      expect(await attempt.exited).toBe(1);
      expect(attempt.output()).toContain(`Port ${port} is already in use`);
      expect(processesMentioning(dataDirectory)).toEqual([]);
    } finally {
      blocker.close();
    }
  }, 60_000);

  it("says clearly when Java is missing", async () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), "linkwork-data-"));
    const attempt = cli(["--data-dir", dataDirectory], { PATH: "/nonexistent" });
    expect(await attempt.exited).toBe(1);
    expect(attempt.output()).toContain("needs Java 17 or later");
  }, 60_000);
});
