import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";

/** Appends one JSON object as a line: the local stand-in for a dead-letter queue. */
export function appendJsonLine(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(value)}\n`);
}
