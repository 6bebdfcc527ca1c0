import { join } from "node:path";
import { parseArgs } from "node:util";
import { demoOrganisationName, demoUsers } from "./demo-world";
import { LocalRuntimeError } from "./errors";
import { repositoryRoot } from "./handlers";
import { type LocalRuntime, startLocalRuntime } from "./runtime";

const usage = `Usage: npm start -- [--reset] [--data-dir <folder>] [--no-seed] [--quiet]

Runs Linkwork locally: DynamoDB Local, the API, the event pipeline and the web app on one port
(PORT, 3000 unless set). Data is kept in .data/ at the repository root.

  --reset            wipe the local data first and start from the demo world again
  --data-dir <dir>   keep the data somewhere else
  --no-seed          do not seed the demo world into an empty database
  --quiet            print only the start-up summary and problems`;

function readArguments() {
  try {
    return parseArgs({
      options: {
        reset: { type: "boolean", default: false },
        "data-dir": { type: "string" },
        "no-seed": { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${usage}`);
    process.exit(2);
  }
}

const values = readArguments();

if (values.help) {
  console.info(usage);
  process.exit(0);
}

const dataDirectory = values["data-dir"] ?? join(repositoryRoot, ".data");
const startedAt = performance.now();
const timestamp = () => new Date().toISOString().slice(11, 19);

let runtime: LocalRuntime | undefined;
try {
  runtime = await startLocalRuntime({
    dataDirectory,
    reset: values.reset,
    seed: !values["no-seed"],
    dynamodbJvm: "throughput",
    log: values.quiet ? () => undefined : (line) => console.info(`${timestamp()} ${line}`),
  });
} catch (error) {
  if (error instanceof LocalRuntimeError) {
    console.error(`\nLinkwork could not start: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
const active = runtime;

const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
const seededNote = active.seeded ? "seeded the demo world" : "kept the existing data";
const emailWidth = Math.max(...demoUsers.map((user) => user.email.length));
const roleWidth = Math.max(...demoUsers.map((user) => user.roles.join(", ").length));
console.info(`
Linkwork is running at ${active.url} (ready in ${seconds}s, ${seededNote})

  Web app   ${active.url}/
  API       ${active.url}/api  (OpenAPI: ${active.url}/api/openapi.json)
  Live      ${active.liveUrl}  (with a ticket from POST /api/live/tickets)
  Sign in   POST ${active.url}/auth/dev/token  {"email": "<one of these>"}

${demoUsers
  .map(
    (user) =>
      `  ${user.email.padEnd(emailWidth)}  ${user.roles.join(", ").padEnd(roleWidth)}  ${demoOrganisationName(user.organisationId)}`,
  )
  .join("\n")}

Data is kept in ${dataDirectory} (--reset starts afresh). Press Ctrl-C to stop.
`);

let stopping = false;
async function shutDown(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  console.info(`\n${signal}: stopping Linkwork ...`);
  const forced = setTimeout(() => {
    console.error("Linkwork did not stop within 15 seconds; exiting anyway.");
    process.exit(1);
  }, 15_000);
  forced.unref();
  await active.stop();
  console.info("Stopped.");
  process.exit(0);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.on(signal, () => void shutDown(signal));
