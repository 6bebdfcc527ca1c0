import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The repository root: handler paths are written relative to it, as infra deploys them. */
export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

const sourceExtensions = [".ts", ".mts", ".js", ".mjs"];

/**
 * Imports the function named by an SST handler string (`functions/src/events/timeline.handler`:
 * the module relative to the repository root, then the export). Handlers read their environment
 * when imported, so the caller sets it first.
 */
export async function loadHandler<Handler extends (...args: never[]) => unknown>(
  handler: string,
  root = repositoryRoot,
): Promise<Handler> {
  const separator = handler.lastIndexOf(".");
  if (separator <= 0) throw new Error(`Handler "${handler}" is not in the form path/to/file.export`);
  const modulePath = resolve(root, handler.slice(0, separator));
  const exportName = handler.slice(separator + 1);
  const file = sourceExtensions.map((extension) => modulePath + extension).find((path) => existsSync(path));
  if (!file) throw new Error(`Handler "${handler}": no module at ${modulePath}.{ts,js}`);
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const exported = module[exportName];
  if (typeof exported !== "function") {
    throw new Error(`Handler "${handler}": ${file} has no exported function "${exportName}"`);
  }
  return exported as Handler;
}
