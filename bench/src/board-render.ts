import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { type ProbeState, probeScript } from "./board-render-probe";
import { prepareBoard, send } from "./board-render-scene";
import { runBenchmark } from "./harness";
import { describeMachine, describeSettings } from "./machine";
import { milliseconds, type Summary, summarise } from "./stats";
import { heading, table } from "./table";

/**
 * The live board in headless Chromium, as a member sees it: a meeting with 60 people on the agenda
 * and a capacity strip of 50 link workers. (1) Time to first render: from navigation to every card
 * and every link worker drawn. (2) A remote change: the chair moves a card over HTTP; the time to
 * the live notice, and from the notice to the card drawn in its new column (refetch, reconcile,
 * render), and the part of that after the meeting's fetch resolved (reconcile and render alone).
 */
const settings = {
  agendaItems: 60,
  linkWorkers: 50,
  warmUpLoads: 2,
  measuredLoads: 12,
  warmUpChanges: 5,
  measuredChanges: 30,
  changeTimeoutMs: 10_000,
  deadlineMs: 300_000,
};

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The newest change under a path, to tell whether web/dist was built from the current source. */
function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), 0);
}

/** Builds the web app unless web/dist is newer than its source: the figures are for the board as it is. */
function ensureWebAppBuilt(): void {
  const index = join(repositoryRoot, "web", "dist", "index.html");
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const source = Math.max(
    ...["web/src", "packages/core/src"].map((path) => newestChange(join(repositoryRoot, path))),
  );
  if (built > source) return;
  console.info("Building the web app first (pnpm --filter @linkwork/web build)…");
  execFileSync("pnpm", ["--filter", "@linkwork/web", "build"], { cwd: repositoryRoot, stdio: "ignore" });
}

// The bench compiles without the DOM's types: what runs in the page is written as expressions.
const readProbe = (page: Page) => page.evaluate<ProbeState>("window.__boardProbe");

async function firstRender(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction("window.__boardProbe.firstRender !== undefined", undefined, {
    timeout: 30_000,
    polling: 50,
  });
  const probe = await readProbe(page);
  if (probe.firstRender === undefined) throw new Error("The board never finished drawing");
  return probe.firstRender;
}

interface ChangeTiming {
  notice: number;
  apply: number;
  render: number;
  total: number;
}

/** The chair moves one card; the member's page is watched until it is drawn in its new column. */
async function remoteChange(
  page: Page,
  baseUrl: string,
  chairToken: string,
  meetingId: string,
  itemId: string,
  column: string,
): Promise<ChangeTiming> {
  await page.evaluate(`window.__boardProbe.watch = ${JSON.stringify({ itemId, column, seenAt: undefined })}`);
  const meeting = await send<{ items: { id: string; version: number }[] }>(
    baseUrl,
    chairToken,
    "GET",
    `/api/meetings/${meetingId}`,
  );
  const version = meeting.items.find((item) => item.id === itemId)?.version;
  const sentAt = performance.timeOrigin + performance.now();
  await send(baseUrl, chairToken, "PATCH", `/api/meetings/${meetingId}/items/${itemId}`, { version, column });
  await page.waitForFunction("window.__boardProbe.watch?.seenAt !== undefined", undefined, {
    timeout: settings.changeTimeoutMs,
    polling: 20,
  });
  const probe = await readProbe(page);
  const seenAt = probe.watch?.seenAt ?? Number.NaN;
  const noticeAt = probe.notices.find((at) => at >= sentAt) ?? Number.NaN;
  const fetchedAt = probe.meetingFetches.filter((at) => at >= noticeAt && at <= seenAt).pop() ?? Number.NaN;
  return {
    notice: noticeAt - sentAt,
    apply: seenAt - noticeAt,
    render: seenAt - fetchedAt,
    total: seenAt - sentAt,
  };
}

const row = (name: string, summary: Summary) => [
  name,
  String(summary.count),
  `${milliseconds(summary.p50)}ms`,
  `${milliseconds(summary.p95)}ms`,
  `${milliseconds(summary.max)}ms`,
  `${milliseconds(summary.mean)}ms`,
];

await runBenchmark("board-render", settings.deadlineMs, async ({ runtime, baseUrl, loadAtStart }) => {
  ensureWebAppBuilt();
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is not installed at ${chromiumPath}`);
  const scene = await prepareBoard(runtime, baseUrl, settings.agendaItems, settings.linkWorkers);
  await runtime.settled();

  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript({
      content: probeScript(scene.memberToken, settings.agendaItems, settings.linkWorkers),
    });
    const page = await context.newPage();
    const url = `${baseUrl}/mdt/meetings/${scene.meetingId}`;

    const loads: number[] = [];
    for (let round = 0; round < settings.warmUpLoads + settings.measuredLoads; round++) {
      const took = await firstRender(page, url);
      if (round >= settings.warmUpLoads) loads.push(took);
    }
    const domNodes = await page.evaluate<number>('document.getElementsByTagName("*").length');
    await page.locator('[data-testid="live-status"][data-state="live"]').waitFor({ timeout: 30_000 });

    const changes: ChangeTiming[] = [];
    const columns = ["discussing", "deferred", "to_discuss"];
    for (let round = 0; round < settings.warmUpChanges + settings.measuredChanges; round++) {
      const item = scene.items[round % scene.items.length];
      if (!item) throw new Error("The agenda is empty");
      const timing = await remoteChange(
        page,
        baseUrl,
        scene.chairToken,
        scene.meetingId,
        item.id,
        columns[Math.floor(round / scene.items.length) % columns.length] ?? "discussing",
      );
      if (round >= settings.warmUpChanges) changes.push(timing);
    }

    console.info(heading("board-render: the MDT board in headless Chromium"));
    console.info(
      describeSettings([
        ...describeMachine(loadAtStart),
        ["agenda items", settings.agendaItems],
        ["link workers in the strip", settings.linkWorkers],
        ["DOM elements on the board page", domNodes],
        ["page loads (warm-up + measured)", `${settings.warmUpLoads} + ${settings.measuredLoads}`],
        ["remote changes (warm-up + measured)", `${settings.warmUpChanges} + ${settings.measuredChanges}`],
      ]),
    );
    console.info("");
    console.info(
      table(
        ["measure", "n", "p50", "p95", "max", "mean"],
        [
          row("first render (navigation to 60 cards and 50 workers)", summarise(loads)),
          row(
            "remote change: HTTP PATCH to the live notice",
            summarise(changes.map((change) => change.notice)),
          ),
          row("remote change: notice to card redrawn", summarise(changes.map((change) => change.apply))),
          row("  of which after the refetch resolved", summarise(changes.map((change) => change.render))),
          row("remote change: HTTP PATCH to card redrawn", summarise(changes.map((change) => change.total))),
        ],
      ),
    );
    return 0;
  } finally {
    await browser?.close();
  }
});
