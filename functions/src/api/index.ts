import { databaseFromEnvironment } from "@linkwork/core/db/database";
import { systemClock } from "@linkwork/core/util/clock";
import { handle } from "hono/aws-lambda";
import { createApp } from "./app";
import { authConfigFromEnvironment, createTokenVerifier } from "./auth";

/** The API Lambda: API Gateway HTTP API (payload v2) in front of the Hono app. */
export const handler = handle(
  createApp({
    context: { db: databaseFromEnvironment(), clock: systemClock },
    verifyToken: createTokenVerifier(authConfigFromEnvironment()),
  }),
);
