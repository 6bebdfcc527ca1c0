import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type _Record as SdkStreamRecord,
  type ShardIteratorType,
} from "@aws-sdk/client-dynamodb-streams";
import { awsClientLimits } from "@linkwork/core/util/aws-request-limits";
import type {
  DynamoDBBatchResponse,
  DynamoDBRecord,
  DynamoDBStreamEvent,
  Context as LambdaContext,
} from "aws-lambda";
import { lambdaContext } from "./api-gateway";
import { type EventPattern, matchesPattern } from "./event-pattern";
import { type Checkpoints, openCheckpoints } from "./stream-checkpoints";
import { toLambdaRecord, toStreamEvent } from "./stream-records";

export type StreamHandler = (
  event: DynamoDBStreamEvent,
  context: LambdaContext,
) => Promise<DynamoDBBatchResponse | undefined>;

/** A batch given up on after its last retry: what Lambda sends to an on-failure destination. */
export interface FailedBatch {
  at: string;
  streamArn: string;
  shardId: string;
  firstSequenceNumber: string;
  lastSequenceNumber: string;
  records: number;
  attempts: number;
  error: string;
}

export interface StreamPollerOptions {
  endpoint: string;
  region?: string;
  tableName: string;
  handler: StreamHandler;
  /** The event source mapping's filter: records that do not match are passed over, never delivered. */
  filter?: EventPattern;
  /** Remember progress here so a restart resumes after the last record handled. */
  checkpointFile?: string;
  batchSize?: number;
  pollIntervalMs?: number;
  retry?: { attempts: number; firstDelayMs: number; maxDelayMs: number };
  onFailedBatch?: (failure: FailedBatch) => void;
  log?: (line: string) => void;
}

export interface StreamPoller {
  start(): void;
  stop(): Promise<void>;
  /** Resolves after a full pass over the stream, begun after the call, found nothing new. */
  whenCaughtUp(): Promise<void>;
  failedBatches(): readonly FailedBatch[];
}

interface ShardState {
  shardId: string;
  parentShardId?: string | undefined;
  iterator?: string | undefined;
  sequenceNumber?: string | undefined;
  finished: boolean;
}

const discoveryIntervalMs = 5_000;

/**
 * Plays the part of Lambda's DynamoDB event source mapping against DynamoDB Local: reads every
 * shard of the table's stream (parents before children), filters, calls the handler with a
 * stream-shaped event, and honours `batchItemFailures` by retrying from the first failed record.
 */
export function createStreamPoller(options: StreamPollerOptions): StreamPoller {
  const region = options.region ?? "eu-west-2";
  const credentials = { accessKeyId: "local", secretAccessKey: "local" };
  const database = new DynamoDBClient({
    endpoint: options.endpoint,
    region,
    credentials,
    ...awsClientLimits(),
  });
  const streams = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region,
    credentials,
    ...awsClientLimits(),
  });
  // As infra configures the relay's mapping: batches of 25, five retries, then the failure queue.
  const batchSize = options.batchSize ?? 25;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const retry = options.retry ?? { attempts: 6, firstDelayMs: 200, maxDelayMs: 5_000 };
  const log = options.log ?? (() => undefined);

  const shards = new Map<string, ShardState>();
  const failed: FailedBatch[] = [];
  let streamArn: string | undefined;
  let checkpoints: Checkpoints | undefined;
  let nextDiscovery = 0;
  let round = 0;
  let caughtUpWaiters: Array<{ after: number; resolve: () => void }> = [];
  let stopping = false;
  let wake: (() => void) | undefined;
  let running: Promise<void> | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolvePause) => {
      const timer = setTimeout(() => {
        wake = undefined;
        resolvePause();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = undefined;
        resolvePause();
      };
    });

  async function discover(): Promise<void> {
    nextDiscovery = Date.now() + discoveryIntervalMs;
    if (!streamArn) {
      const table = await database.send(new DescribeTableCommand({ TableName: options.tableName }));
      const latest = table.Table?.LatestStreamArn;
      if (!latest) throw new Error(`Table ${options.tableName} has no stream`);
      streamArn = latest;
      checkpoints = openCheckpoints(latest, options.checkpointFile);
    }
    const listed = new Set<string>();
    let exclusiveStartShardId: string | undefined;
    do {
      const page = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }),
      );
      for (const shard of page.StreamDescription?.Shards ?? []) {
        if (!shard.ShardId) continue;
        listed.add(shard.ShardId);
        if (shards.has(shard.ShardId)) continue;
        const saved = checkpoints?.get(shard.ShardId);
        shards.set(shard.ShardId, {
          shardId: shard.ShardId,
          parentShardId: shard.ParentShardId,
          sequenceNumber: saved?.sequenceNumber,
          finished: saved?.finished ?? false,
        });
      }
      exclusiveStartShardId = page.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    // A shard no longer listed has been trimmed away with all its records.
    for (const shardId of shards.keys()) if (!listed.has(shardId)) shards.delete(shardId);
  }

  /** Open shards whose parent is done (or gone): a child's records all come after its parent's. */
  function readableShards(): ShardState[] {
    return [...shards.values()]
      .filter((shard) => {
        if (shard.finished) return false;
        const parent = shard.parentShardId ? shards.get(shard.parentShardId) : undefined;
        return !parent || parent.finished;
      })
      .sort((a, b) => a.shardId.localeCompare(b.shardId));
  }

  async function iteratorFor(shard: ShardState): Promise<string | undefined> {
    const request = (type: ShardIteratorType, sequenceNumber?: string) =>
      streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.shardId,
          ShardIteratorType: type,
          ...(sequenceNumber ? { SequenceNumber: sequenceNumber } : {}),
        }),
      );
    if (!shard.sequenceNumber) return (await request("TRIM_HORIZON")).ShardIterator;
    try {
      return (await request("AFTER_SEQUENCE_NUMBER", shard.sequenceNumber)).ShardIterator;
    } catch (error) {
      if (nameOf(error) !== "TrimmedDataAccessException") throw error;
      log(
        `stream: records after ${shard.sequenceNumber} in ${shard.shardId} have expired; reading from the oldest`,
      );
      return (await request("TRIM_HORIZON")).ShardIterator;
    }
  }

  function checkpoint(shard: ShardState, sequenceNumber: string | undefined, finished = false) {
    if (sequenceNumber) shard.sequenceNumber = sequenceNumber;
    shard.finished = finished;
    checkpoints?.set(shard.shardId, {
      ...(shard.sequenceNumber ? { sequenceNumber: shard.sequenceNumber } : {}),
      ...(finished ? { finished } : {}),
    });
  }

  /** Reads one batch from a shard; true when it read anything or the shard changed state. */
  async function poll(shard: ShardState): Promise<boolean> {
    shard.iterator ??= await iteratorFor(shard);
    let result: GetRecordsCommandOutput;
    try {
      result = await streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: batchSize }));
    } catch (error) {
      const name = nameOf(error);
      if (name === "ExpiredIteratorException" || name === "TrimmedDataAccessException") {
        shard.iterator = undefined;
        return true;
      }
      throw error;
    }
    const records = result.Records ?? [];
    if (records.length > 0 && !(await deliver(shard, records))) return false;
    shard.iterator = result.NextShardIterator;
    if (!shard.iterator) {
      checkpoint(shard, undefined, true);
      nextDiscovery = 0;
      return true;
    }
    return records.length > 0;
  }

  /** Hands a batch to the handler until it succeeds; false when stopped before it did. */
  async function deliver(shard: ShardState, records: SdkStreamRecord[]): Promise<boolean> {
    const arn = streamArn ?? "";
    let pending = records.map((record) => toLambdaRecord(record, arn));
    const lastSequenceNumber = sequenceOf(pending[pending.length - 1]);
    for (let attempt = 1; ; attempt++) {
      const selected = options.filter
        ? pending.filter((record) => matchesPattern(options.filter as EventPattern, record))
        : pending;
      if (selected.length === 0) break;
      const outcome = await invoke(selected, pending);
      if (outcome.failedAt === undefined) break;
      if (outcome.failedAt > 0) checkpoint(shard, sequenceOf(pending[outcome.failedAt - 1]));
      pending = pending.slice(outcome.failedAt);
      if (attempt >= retry.attempts) {
        const failure: FailedBatch = {
          at: new Date().toISOString(),
          streamArn: arn,
          shardId: shard.shardId,
          firstSequenceNumber: sequenceOf(pending[0]),
          lastSequenceNumber,
          records: pending.length,
          attempts: attempt,
          error: outcome.error,
        };
        failed.push(failure);
        options.onFailedBatch?.(failure);
        log(
          `stream: gave up on ${pending.length} records in ${shard.shardId} after ${attempt} attempts: ${outcome.error}`,
        );
        break;
      }
      log(
        `stream: handler failed (attempt ${attempt}), retrying from ${sequenceOf(pending[0])}: ${outcome.error}`,
      );
      await pause(Math.min(retry.maxDelayMs, retry.firstDelayMs * 2 ** (attempt - 1)));
      if (stopping) return false;
    }
    checkpoint(shard, lastSequenceNumber);
    return true;
  }

  /** Lambda retries from the lowest failed sequence number; a failure it cannot place fails the batch. */
  async function invoke(
    selected: DynamoDBRecord[],
    pending: DynamoDBRecord[],
  ): Promise<{ failedAt?: number; error: string }> {
    try {
      const response = await options.handler(toStreamEvent(selected), lambdaContext("relay"));
      const failures = response?.batchItemFailures ?? [];
      if (failures.length === 0) return { error: "" };
      const positions = failures.map((failure) =>
        pending.findIndex(
          (record) => failure.itemIdentifier && sequenceOf(record) === failure.itemIdentifier,
        ),
      );
      const failedAt = positions.some((position) => position < 0) ? 0 : Math.min(...positions);
      return { failedAt, error: `the handler reported record ${sequenceOf(pending[failedAt])} as failed` };
    } catch (error) {
      return { failedAt: 0, error: error instanceof Error ? error.message : String(error) };
    }
  }

  async function run(): Promise<void> {
    while (!stopping) {
      round++;
      const thisRound = round;
      let progressed = false;
      let clean = true;
      try {
        if (Date.now() >= nextDiscovery) await discover();
        for (const shard of readableShards()) {
          if (stopping) break;
          if (await poll(shard)) progressed = true;
        }
      } catch (error) {
        clean = false;
        if (nameOf(error) === "ResourceNotFoundException") {
          streamArn = undefined;
          shards.clear();
          nextDiscovery = 0;
        }
        if (!stopping) log(`stream: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!progressed && clean && !stopping) {
        const ready = caughtUpWaiters.filter((waiter) => waiter.after < thisRound);
        caughtUpWaiters = caughtUpWaiters.filter((waiter) => waiter.after >= thisRound);
        for (const waiter of ready) waiter.resolve();
      }
      if (!progressed && !stopping) await pause(clean ? pollIntervalMs : Math.max(pollIntervalMs, 1_000));
    }
  }

  return {
    start() {
      running ??= run();
    },
    async stop() {
      stopping = true;
      wake?.();
      await running;
      for (const waiter of caughtUpWaiters) waiter.resolve();
      caughtUpWaiters = [];
      database.destroy();
      streams.destroy();
    },
    whenCaughtUp() {
      if (stopping) return Promise.resolve();
      return new Promise((resolveCaughtUp) =>
        caughtUpWaiters.push({ after: round, resolve: resolveCaughtUp }),
      );
    },
    failedBatches: () => [...failed],
  };
}

function sequenceOf(record: DynamoDBRecord | undefined): string {
  return record?.dynamodb?.SequenceNumber ?? "";
}

function nameOf(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}
