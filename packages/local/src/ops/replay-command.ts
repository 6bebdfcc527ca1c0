import { connect } from "@linkwork/core/db/client";
import { createDatabase } from "@linkwork/core/db/database";
import { createEventPublisher } from "@linkwork/core/event/bus";
import { outboxEventsBetween } from "@linkwork/core/event/outbox";
import { backoffOf, ReplayArguments, readCommand } from "./command-arguments";
import { localRuntimeParts } from "./local-runtime-parts";
import { replay } from "./replay";

const usage = `Usage: pnpm events:replay -- --from <ISO time> --to <ISO time> --table <name> --bus <name> [options]
       pnpm events:replay -- --from <ISO time> --to <ISO time> --local

Publishes again every event that occurred in [from, to), read from the table's outbox (which keeps
each event a week) in time order. Subscribers ignore events they have already handled, so a replay
fills gaps without doubling anything. For older events, replay the bus archive from the console.

  --table <name>      the table (TABLE_NAME); --bus <name> the event bus (EVENT_BUS_NAME); --region (eu-west-2)
  --local             the local runtime's table and bus (--runtime-url, http://localhost:3000)
  --attempts <n>      tries per batch (5), waits up to --base-delay-ms (200) doubling to --max-delay-ms (10000)`;

const options = readCommand(ReplayArguments, usage);

try {
  const target = options.local
    ? await localRuntimeParts(options.runtimeUrl).then((parts) => ({
        db: createDatabase(connect({ tableName: parts.tableName, endpoint: parts.dynamodbEndpoint })),
        publisher: createEventPublisher({ busName: parts.busName, endpoint: parts.eventBridgeEndpoint }),
      }))
    : {
        db: createDatabase(connect({ tableName: options.table ?? "", region: options.region })),
        publisher: createEventPublisher({ busName: options.bus ?? "", region: options.region }),
      };

  console.info(`replaying events from ${options.from} to ${options.to}`);
  const summary = await replay({
    events: outboxEventsBetween(target.db, { from: new Date(options.from), to: new Date(options.to) }),
    publisher: target.publisher,
    backoff: backoffOf(options),
    log: (line) => console.info(line),
  });
  process.exit(summary.failed.length > 0 ? 1 : 0);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
