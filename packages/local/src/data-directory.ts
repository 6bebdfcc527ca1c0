import { chmodSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

/** What the local runtime keeps between runs, all inside one folder (`.data/` for `dev`). */
export function dataLayout(directory: string) {
  const root = resolve(directory);
  return {
    root,
    dynamodb: join(root, "dynamodb"),
    devIssuerKey: join(root, "dev-issuer-key.json"),
    streamCheckpoints: join(root, "stream-checkpoints.json"),
    deadLetters: join(root, "dead-letters.jsonl"),
    relayFailures: join(root, "relay-failures.jsonl"),
  };
}

/** Removes only what the runtime put there, so a mistyped folder loses nothing else. */
export function wipeData(directory: string): void {
  const { root: _root, ...paths } = dataLayout(directory);
  for (const path of Object.values(paths)) rmSync(path, { recursive: true, force: true });
}

/**
 * Creates a folder (and any missing parents) that only its owner can read, and tightens one that
 * exists: the local database holds people's details, even if only demo ones, and the dev issuer's key.
 */
export function ensurePrivateDirectory(directory: string): void {
  const path = resolve(directory);
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
}
