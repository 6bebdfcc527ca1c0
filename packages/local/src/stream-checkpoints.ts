import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";

const ShardCheckpoint = z.object({
  /** The last record handled; reading resumes after it. */
  sequenceNumber: z.string().optional(),
  /** The shard is closed and every record in it has been handled. */
  finished: z.boolean().optional(),
});
export type ShardCheckpoint = z.infer<typeof ShardCheckpoint>;

const CheckpointFile = z.object({
  streamArn: z.string(),
  shards: z.record(z.string(), ShardCheckpoint),
});

export interface Checkpoints {
  get(shardId: string): ShardCheckpoint | undefined;
  set(shardId: string, checkpoint: ShardCheckpoint): void;
}

/**
 * Where the stream poller got to in each shard, as Lambda's event source mapping remembers it.
 * Kept in a file when there is one, so a restart carries on where it stopped instead of
 * publishing old events again. Checkpoints for another stream (a recreated table) are ignored.
 */
export function openCheckpoints(streamArn: string, file?: string): Checkpoints {
  const shards = new Map<string, ShardCheckpoint>(Object.entries(load(streamArn, file)));
  const save = () => {
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, JSON.stringify({ streamArn, shards: Object.fromEntries(shards) }, null, 2));
    renameSync(temporary, file);
  };
  return {
    get: (shardId) => shards.get(shardId),
    set(shardId, checkpoint) {
      shards.set(shardId, checkpoint);
      save();
    },
  };
}

function load(streamArn: string, file: string | undefined): Record<string, ShardCheckpoint> {
  if (!file || !existsSync(file)) return {};
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return {};
  }
  const parsed = CheckpointFile.safeParse(content);
  if (!parsed.success || parsed.data.streamArn !== streamArn) return {};
  return parsed.data.shards;
}
