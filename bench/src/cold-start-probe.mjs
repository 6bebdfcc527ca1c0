// One cold start, in the fresh Node process this file is run in: imports a bundle, invokes its
// handler once with the event in the given file, and prints both times as JSON. Plain JavaScript,
// so no TypeScript loader is timed along with the bundle.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

const [bundle, eventFile] = process.argv.slice(2);
const event = JSON.parse(await readFile(eventFile, "utf8"));
const deadline = Date.now() + 30_000;
const context = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: "cold-start",
  functionVersion: "$LATEST",
  invokedFunctionArn: "arn:aws:lambda:eu-west-2:000000000000:function:cold-start",
  memoryLimitInMB: "512",
  awsRequestId: randomUUID(),
  logGroupName: "/aws/lambda/cold-start",
  logStreamName: "local",
  getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
};

// Wall time and this process's CPU time (user and system): on a busy machine the wall time
// carries other processes' work, the CPU time only this one's.
const started = { wall: performance.now(), cpu: process.cpuUsage() };
const { handler } = await import(pathToFileURL(bundle).href);
const imported = { wall: performance.now(), cpu: process.cpuUsage() };
const result = await handler(event, context);
const invoked = { wall: performance.now(), cpu: process.cpuUsage() };
const cpuMs = (from, to) => (to.user - from.user + to.system - from.system) / 1000;
// The SDK's keep-alive sockets would hold the process open; the figures are all it owes.
process.stdout.write(
  JSON.stringify({
    importMs: imported.wall - started.wall,
    invocationMs: invoked.wall - imported.wall,
    importCpuMs: cpuMs(started.cpu, imported.cpu),
    invocationCpuMs: cpuMs(imported.cpu, invoked.cpu),
    result: result ?? null,
  }),
  () => process.exit(0),
);
