import { parseArgs } from "node:util";
import { z } from "zod";
import { BackoffPolicy, defaultBackoff } from "./backoff";

const count = () => z.coerce.number({ error: "must be a number" }).int().min(0);

/** Where the events go: the deployed bus (by name, in a region), or the local runtime's. */
const Target = z.object({
  local: z.boolean().default(false),
  runtimeUrl: z.url().default("http://localhost:3000"),
  bus: z.string().min(1).optional(),
  region: z.string().min(1).default("eu-west-2"),
});

const Backoff = z.object({
  attempts: count().min(1).max(20).default(defaultBackoff.attempts),
  baseDelayMs: count().default(defaultBackoff.baseDelayMs),
  maxDelayMs: count().default(defaultBackoff.maxDelayMs),
});

function requireAwsTarget(
  value: { local: boolean; bus?: string | undefined },
  context: z.RefinementCtx,
  extra: { name: string; value: string | undefined }[],
) {
  if (value.local) return;
  if (!value.bus)
    context.addIssue({
      code: "custom",
      path: ["bus"],
      message: "is needed (or EVENT_BUS_NAME) unless --local",
    });
  for (const { name, value: given } of extra) {
    if (!given)
      context.addIssue({
        code: "custom",
        path: [name],
        message: `is needed${name === "table" ? " (or TABLE_NAME)" : ""} unless --local`,
      });
  }
}

export const RedriveArguments = Target.extend(Backoff.shape)
  .extend({
    queue: z.string().min(1).optional(),
    table: z.string().min(1).optional(),
    subscription: z.string().min(1).optional(),
    limit: count().min(1).optional(),
  })
  .superRefine(
    (value, context) => requireAwsTarget(value, context, [{ name: "queue", value: value.queue }]),
    {
      when: () => true,
    },
  );
export type RedriveArguments = z.infer<typeof RedriveArguments>;

/** Outbox items live a week, so a longer range can only find part of what it asks for. */
const longestRangeDays = 8;

export const ReplayArguments = Target.extend(Backoff.shape)
  .extend({
    from: z.iso.datetime({
      offset: true,
      error: "must be an ISO date-time, e.g. 2026-11-23T09:00:00Z",
    }),
    to: z.iso.datetime({ offset: true, error: "must be an ISO date-time, e.g. 2026-11-23T17:00:00Z" }),
    table: z.string().min(1).optional(),
  })
  .superRefine(
    (value, context) => {
      requireAwsTarget(value, context, [{ name: "table", value: value.table }]);
      const from = Date.parse(value.from);
      const to = Date.parse(value.to);
      if (Number.isNaN(from) || Number.isNaN(to)) return;
      if (!(from < to)) context.addIssue({ code: "custom", path: ["to"], message: "must be after --from" });
      if (to - from > longestRangeDays * 24 * 60 * 60 * 1000) {
        context.addIssue({
          code: "custom",
          path: ["to"],
          message: `a replay covers at most ${longestRangeDays} days: the outbox keeps events a week (the bus archive keeps them longer)`,
        });
      }
    },
    { when: () => true },
  );
export type ReplayArguments = z.infer<typeof ReplayArguments>;

export function backoffOf(value: z.infer<typeof Backoff>): BackoffPolicy {
  return BackoffPolicy.parse({
    attempts: value.attempts,
    baseDelayMs: value.baseDelayMs,
    maxDelayMs: value.maxDelayMs,
  });
}

const optionNames = {
  local: { type: "boolean" },
  "runtime-url": { type: "string" },
  bus: { type: "string" },
  region: { type: "string" },
  attempts: { type: "string" },
  "base-delay-ms": { type: "string" },
  "max-delay-ms": { type: "string" },
  queue: { type: "string" },
  subscription: { type: "string" },
  limit: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  table: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export type ParsedCommand<T> =
  | { help: true }
  | { help: false; values: T }
  | { help: false; problems: string[] };

/**
 * Reads `--kebab-case` options into the schema's camelCase fields, with the bus and table from the
 * environment when not given; every problem is named at once.
 */
export function parseCommand<Schema extends z.ZodType>(
  schema: Schema,
  argv: readonly string[],
  environment: NodeJS.ProcessEnv = process.env,
): ParsedCommand<z.infer<Schema>> {
  let raw: Record<string, string | boolean | undefined>;
  try {
    // `pnpm events:redrive -- --local` hands the separator on too.
    const args = argv[0] === "--" ? argv.slice(1) : [...argv];
    raw = parseArgs({ args, options: optionNames, strict: true, allowPositionals: false }).values;
  } catch (error) {
    return { help: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
  if (raw.help) return { help: true };
  const input = Object.fromEntries(
    Object.entries({
      bus: environment.EVENT_BUS_NAME,
      table: environment.TABLE_NAME,
      region: environment.AWS_REGION,
      ...raw,
    })
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()), value]),
  );
  const parsed = schema.safeParse(input);
  if (parsed.success) return { help: false, values: parsed.data };
  return {
    help: false,
    problems: parsed.error.issues.map((issue) => {
      const name = issue.path.join(".").replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
      return name ? `--${name}: ${issue.message}` : issue.message;
    }),
  };
}

/**
 * A command's arguments, or the process ends: 0 after printing the usage for --help, 2 after
 * naming every problem with the usage beneath.
 */
export function readCommand<Schema extends z.ZodType>(schema: Schema, usage: string): z.infer<Schema> {
  const parsed = parseCommand(schema, process.argv.slice(2));
  if (parsed.help) {
    console.info(usage);
    process.exit(0);
  }
  if ("problems" in parsed) {
    console.error(`${parsed.problems.join("\n")}\n\n${usage}`);
    process.exit(2);
  }
  return parsed.values;
}
