import { randomUUID } from "node:crypto";
import { eventSource } from "@linkwork/core/event/catalogue";
import type { Subscription } from "@linkwork/functions/manifest";
import type { EventBridgeEvent, Context as LambdaContext } from "aws-lambda";
import { z } from "zod";
import { lambdaContext } from "./api-gateway";
import { type EventPattern, matchesPattern } from "./event-pattern";
import { appendJsonLine, readJsonLines, writeJsonLines } from "./json-lines";

export type BusEvent = EventBridgeEvent<string, Record<string, unknown>>;
export type SubscriberHandler = (event: BusEvent, context: LambdaContext) => unknown;

/** One PutEvents entry, as the SDK sends it. */
export interface BusEntry {
  eventBusName?: string | undefined;
  source?: string | undefined;
  detailType?: string | undefined;
  detail?: string | undefined;
  time?: Date | undefined;
  resources?: string[] | undefined;
}

export type EntryResult = { eventId: string } | { errorCode: string; errorMessage: string };

export interface DeliveryRecord {
  subscription: string;
  attempts: number;
  outcome: "delivered" | "dead_lettered";
  event: BusEvent;
}

export interface DeadLetter {
  /** Like an SQS message id: what a redrive names when it removes the letter. */
  id: string;
  at: string;
  subscription: string;
  attempts: number;
  error: string;
  event: BusEvent;
}

export interface RetryPolicy {
  /** Attempts in all, the first included: Lambda runs an asynchronous invocation up to three times. */
  attempts: number;
  /** Delay before the first retry; each later retry waits four times longer. */
  firstDelayMs: number;
}

export interface LocalBusOptions {
  busName: string;
  region: string;
  subscriptions: readonly Subscription[];
  loadHandler: (subscription: Subscription) => Promise<SubscriberHandler>;
  retry?: RetryPolicy;
  /** Dead letters are also appended here, one JSON object a line, when given. */
  deadLetterFile?: string;
  log?: (line: string) => void;
}

export interface LocalBus {
  readonly busName: string;
  /** Accepts a PutEvents call: answers at once and delivers afterwards, as EventBridge does. */
  put(entries: BusEntry[]): EntryResult[];
  /** Resolves once nothing is being delivered or waiting for a retry. */
  whenIdle(): Promise<void>;
  deliveries(): readonly DeliveryRecord[];
  deadLetters(): readonly DeadLetter[];
  /**
   * Removes a dead letter once it has been delivered again, as a redrive deletes an SQS message;
   * false when there is none with that id.
   */
  removeDeadLetter(id: string): boolean;
  /** How many events the bus has accepted since it started. */
  accepted(): number;
  /** Stops accepting events; deliveries waiting for a retry are dead-lettered rather than lost. */
  close(): Promise<void>;
}

/** The rule infra deploys for a subscription: Linkwork's source and the subscription's event types. */
export function ruleFor(subscription: Subscription): EventPattern {
  return { source: [eventSource], "detail-type": [...subscription.eventTypes] };
}

const defaultRetry: RetryPolicy = { attempts: 3, firstDelayMs: 500 };
const historyLimit = 1_000;

/** A local stand-in for the EventBridge bus: the deployed rules, retries and dead-letter queues. */
export function createLocalBus(options: LocalBusOptions): LocalBus {
  const retry = options.retry ?? defaultRetry;
  const log = options.log ?? (() => undefined);
  const handlers = new Map<string, Promise<SubscriberHandler>>();
  const deliveries: DeliveryRecord[] = [];
  // Dead letters outlive a restart, as a queue's messages do: the file is read back on start.
  const deadLetters: DeadLetter[] = options.deadLetterFile ? readDeadLetters(options.deadLetterFile) : [];
  const waitingForRetry = new Set<() => void>();
  let inFlight = 0;
  let idleWaiters: Array<() => void> = [];
  let closed = false;
  let acceptedCount = 0;

  const remember = <T>(list: T[], item: T) => {
    list.push(item);
    if (list.length > historyLimit) list.shift();
  };

  const handlerFor = (subscription: Subscription) => {
    let handler = handlers.get(subscription.name);
    if (!handler) {
      handler = options.loadHandler(subscription);
      handler.catch(() => handlers.delete(subscription.name));
      handlers.set(subscription.name, handler);
    }
    return handler;
  };

  const pause = (ms: number) =>
    new Promise<void>((resolveWait) => {
      const done = () => {
        clearTimeout(timer);
        waitingForRetry.delete(done);
        resolveWait();
      };
      const timer = setTimeout(done, ms);
      waitingForRetry.add(done);
    });

  const deadLetter = (subscription: Subscription, event: BusEvent, attempts: number, error: string) => {
    const letter: DeadLetter = {
      id: randomUUID(),
      at: new Date().toISOString(),
      subscription: subscription.name,
      attempts,
      error,
      event,
    };
    remember(deadLetters, letter);
    if (options.deadLetterFile) appendJsonLine(options.deadLetterFile, letter);
    log(`dead letter: ${describeEvent(event)} for ${subscription.name} after ${attempts} attempts: ${error}`);
  };

  const deliver = async (subscription: Subscription, event: BusEvent) => {
    const finish = (attempts: number, outcome: DeliveryRecord["outcome"]) =>
      remember(deliveries, { subscription: subscription.name, attempts, outcome, event });
    for (let attempt = 1; ; attempt++) {
      try {
        const handler = await handlerFor(subscription);
        await handler(event, lambdaContext(subscription.name));
        finish(attempt, "delivered");
        log(`delivered ${describeEvent(event)} to ${subscription.name}`);
        return;
      } catch (error) {
        const reason = describe(error);
        if (attempt >= retry.attempts) {
          deadLetter(subscription, event, attempt, reason);
          finish(attempt, "dead_lettered");
          return;
        }
        log(`${subscription.name} failed on ${describeEvent(event)} (attempt ${attempt}): ${reason}`);
        await pause(retry.firstDelayMs * 4 ** (attempt - 1));
        if (closed) {
          deadLetter(subscription, event, attempt, `${reason} (stopped before the next retry)`);
          finish(attempt, "dead_lettered");
          return;
        }
      }
    }
  };

  const track = (work: () => Promise<void>) => {
    inFlight++;
    setImmediate(() => {
      work().finally(() => {
        inFlight--;
        if (inFlight === 0) {
          const waiters = idleWaiters;
          idleWaiters = [];
          for (const wake of waiters) wake();
        }
      });
    });
  };

  const accept = (entry: BusEntry): EntryResult => {
    if (!entry.source || !entry.detailType || entry.detail === undefined) {
      return {
        errorCode: "InvalidArgument",
        errorMessage: "Parameters Source, DetailType and Detail are required.",
      };
    }
    const target = busNameOf(entry.eventBusName);
    if (target !== options.busName && target !== "default") {
      return { errorCode: "ResourceNotFoundException", errorMessage: `Event bus ${target} does not exist.` };
    }
    const detail = parseDetail(entry.detail);
    if (detail === undefined) return { errorCode: "MalformedDetail", errorMessage: "Detail is malformed." };
    const event: BusEvent = {
      version: "0",
      id: randomUUID(),
      "detail-type": entry.detailType,
      source: entry.source,
      account: "000000000000",
      time: (entry.time ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z"),
      region: options.region,
      resources: entry.resources ?? [],
      detail,
    };
    // The default bus carries none of Linkwork's rules: an event put there reaches nobody.
    const targets =
      target === options.busName
        ? options.subscriptions.filter((subscription) => matchesPattern(ruleFor(subscription), event))
        : [];
    if (targets.length === 0) log(`no rule matches ${describeEvent(event)}`);
    for (const subscription of targets) track(() => deliver(subscription, event));
    acceptedCount++;
    return { eventId: event.id };
  };

  return {
    busName: options.busName,
    put(entries) {
      if (closed) throw new Error("The local event bus is closed");
      return entries.map(accept);
    },
    whenIdle() {
      if (inFlight === 0) return Promise.resolve();
      return new Promise((resolveIdle) => idleWaiters.push(resolveIdle));
    },
    deliveries: () => [...deliveries],
    deadLetters: () => [...deadLetters],
    removeDeadLetter(id) {
      const index = deadLetters.findIndex((letter) => letter.id === id);
      if (index < 0) return false;
      deadLetters.splice(index, 1);
      if (options.deadLetterFile) writeJsonLines(options.deadLetterFile, deadLetters);
      return true;
    },
    accepted: () => acceptedCount,
    async close() {
      closed = true;
      for (const wake of [...waitingForRetry]) wake();
      await this.whenIdle();
    },
  };
}

const StoredDeadLetter = z.object({
  id: z.string().optional(),
  at: z.string(),
  subscription: z.string(),
  attempts: z.number(),
  error: z.string(),
  event: z.object({
    version: z.string(),
    id: z.string(),
    "detail-type": z.string(),
    source: z.string(),
    account: z.string(),
    time: z.string(),
    region: z.string(),
    resources: z.array(z.string()),
    detail: z.record(z.string(), z.unknown()),
  }),
});

/** Letters written before they carried ids get one, so a redrive can name them. */
function readDeadLetters(file: string): DeadLetter[] {
  return readJsonLines(file).flatMap((line) => {
    const parsed = StoredDeadLetter.safeParse(line);
    if (!parsed.success) return [];
    return [{ ...parsed.data, id: parsed.data.id ?? randomUUID() }];
  });
}

/** EventBusName may be a name or an ARN; leaving it out means the account's default bus. */
function busNameOf(eventBusName: string | undefined): string {
  if (!eventBusName) return "default";
  const arnMarker = ":event-bus/";
  const index = eventBusName.indexOf(arnMarker);
  return index >= 0 ? eventBusName.slice(index + arnMarker.length) : eventBusName;
}

/** EventBridge accepts only a JSON object as an event's detail. */
function parseDetail(detail: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(detail);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Linkwork's own event id, from the envelope, reads better in a log than EventBridge's. */
function describeEvent(event: BusEvent): string {
  const envelopeId = (event.detail as { id?: unknown }).id;
  return `${event["detail-type"]} ${typeof envelopeId === "string" ? envelopeId : event.id}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
