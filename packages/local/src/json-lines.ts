import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** Appends one JSON object as a line: the local stand-in for a dead-letter queue. */
export function appendJsonLine(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(value)}\n`);
}

/** Every line of the file parsed as JSON, skipping any that do not parse; none when it is missing. */
export function readJsonLines(file: string): unknown[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as unknown];
      } catch {
        return [];
      }
    });
}

/** Replaces the file with these values, one a line, through a temporary file so a crash leaves one or the other. */
export function writeJsonLines(file: string, values: readonly unknown[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, values.map((value) => `${JSON.stringify(value)}\n`).join(""), { mode: 0o600 });
  renameSync(temporary, file);
}
