import { createServer, request as forward, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * DynamoDB authorises each item of a transaction by its item action: these are the IAM actions a
 * TransactWriteItems or TransactGetItems needs, as listed in infra/access.ts.
 */
const transactItemActions: Record<string, string> = {
  Put: "PutItem",
  Update: "UpdateItem",
  Delete: "DeleteItem",
  ConditionCheck: "ConditionCheckItem",
  Get: "GetItem",
};

/** The IAM actions one DynamoDB request needs, from its operation (X-Amz-Target) and JSON body. */
export function actionsNeeded(operation: string, body: string): string[] {
  if (operation !== "TransactWriteItems" && operation !== "TransactGetItems") return [operation];
  const { TransactItems } = JSON.parse(body) as { TransactItems: Array<Record<string, unknown>> };
  return TransactItems.flatMap((item) =>
    Object.keys(item).map((kind) => transactItemActions[kind] ?? `unknown transaction item ${kind}`),
  );
}

export interface DynamoDbRecorder {
  /** Point a handler's DYNAMODB_ENDPOINT here. */
  endpoint: string;
  /** Runs `work`, counting the DynamoDB actions made meanwhile as `who`'s; one at a time. */
  during<T>(who: string, work: () => Promise<T>): Promise<T>;
  actionsOf(who: string): string[];
  close(): Promise<void>;
}

/**
 * A proxy in front of DynamoDB Local that records, per caller, the IAM actions of every request
 * that passes: what the deployed role would have to allow. It sees exactly what goes on the wire,
 * whichever client or library made the call.
 */
export async function startDynamoDbRecorder(target: string): Promise<DynamoDbRecorder> {
  const recorded = new Map<string, Set<string>>();
  let current: string | undefined;

  const server: Server = createServer(async (incoming, outgoing) => {
    const body = await readBody(incoming);
    const operation = String(incoming.headers["x-amz-target"] ?? "").split(".")[1] ?? "unknown";
    const who = current ?? "nobody (a request outside any recorded work)";
    const actions = recorded.get(who) ?? new Set<string>();
    for (const action of actionsNeeded(operation, body)) actions.add(action);
    recorded.set(who, actions);

    const upstream = forward(
      new URL(incoming.url ?? "/", target),
      { method: incoming.method, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on("error", () => outgoing.destroy());
    upstream.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async during(who, work) {
      if (current) throw new Error(`Already recording ${current}`);
      current = who;
      try {
        return await work();
      } finally {
        current = undefined;
      }
    },
    actionsOf: (who) => [...(recorded.get(who) ?? [])].sort(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    incoming.on("error", reject);
  });
}
