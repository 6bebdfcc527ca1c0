import type { Context } from "@linkwork/core/context";
import { databaseFromEnvironment } from "@linkwork/core/db/database";
import { createUserDirectory } from "@linkwork/core/user/directory";
import { systemClock } from "@linkwork/core/util/clock";
import { handle } from "hono/aws-lambda";
import { createApp } from "./app";
import { authConfigFromEnvironment, createTokenVerifier } from "./auth";

const context: Context = { db: databaseFromEnvironment(), clock: systemClock };

/**
 * The API Lambda: API Gateway HTTP API (payload v2) in front of the Hono app. The user directory
 * lives as long as the container, so its cache is per container.
 */
export const handler = handle(
  createApp({
    context,
    verifyToken: createTokenVerifier(authConfigFromEnvironment(), createUserDirectory(context)),
  }),
);
