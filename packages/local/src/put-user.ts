import { parseArgs } from "node:util";
import { connect } from "@linkwork/core/db/client";
import { createDatabase } from "@linkwork/core/db/database";
import { Role } from "@linkwork/core/user/role";
import { saveUser } from "@linkwork/core/user/save";
import { systemClock } from "@linkwork/core/util/clock";
import { isAppError } from "@linkwork/core/util/errors";
import * as z from "zod";

const usage = `Usage: pnpm --filter @linkwork/local put-user --table <TableName> --id <sub> --email <email>
         --name <name> --organisation <organisationId> --roles <role,role> [--inactive]

Creates or updates a Linkwork user record: what the API reads a signed-in user's roles,
organisation and name from. --id is the user's Cognito "sub" (locally, the dev issuer's user id).
--inactive deactivates the user: every API container refuses their tokens within a minute.
Uses your AWS credentials and AWS_REGION (eu-west-2 unless set); --endpoint reaches DynamoDB Local.`;

const Arguments = z.object({
  table: z.string().min(1, "--table is required (the stack's TableName output)"),
  endpoint: z.url().optional(),
  id: z.string().min(1, "--id is required"),
  email: z.string().min(1, "--email is required"),
  name: z.string().min(1, "--name is required"),
  organisation: z.string().min(1, "--organisation is required"),
  roles: z
    .string()
    .min(1, "--roles is required")
    .transform((roles) => roles.split(",").map((role) => role.trim()))
    .pipe(z.array(Role)),
  inactive: z.boolean(),
});

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

function readArguments() {
  if (process.argv.includes("--help")) {
    console.info(usage);
    process.exit(0);
  }
  try {
    const { values } = parseArgs({
      options: {
        table: { type: "string", default: "" },
        endpoint: { type: "string" },
        id: { type: "string", default: "" },
        email: { type: "string", default: "" },
        name: { type: "string", default: "" },
        organisation: { type: "string", default: "" },
        roles: { type: "string", default: "" },
        inactive: { type: "boolean", default: false },
      },
    });
    const parsed = Arguments.safeParse(values);
    if (!parsed.success) fail(parsed.error.issues.map((issue) => issue.message).join("\n"));
    return parsed.data;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

const options = readArguments();
const database = createDatabase(
  connect({
    tableName: options.table,
    region: process.env.AWS_REGION ?? "eu-west-2",
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  }),
);
try {
  const saved = await saveUser(
    { db: database, clock: systemClock },
    {
      userId: options.id,
      email: options.email,
      name: options.name,
      organisationId: options.organisation,
      roles: options.roles,
      active: !options.inactive,
    },
  );
  console.info(
    `${saved.created ? "Created" : "Updated"} user ${options.id} (version ${saved.version}, ${options.inactive ? "inactive" : "active"})`,
  );
} catch (error) {
  if (!isAppError(error)) throw error;
  const details = error.details.map((detail) => `  ${detail.path}: ${detail.message}`).join("\n");
  fail(`${error.message}${details ? `\n${details}` : ""}`);
}
