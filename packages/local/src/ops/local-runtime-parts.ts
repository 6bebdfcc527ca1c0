import { z } from "zod";
import { operationsPath } from "./operations-routes";

const LocalRuntimeParts = z.object({
  tableName: z.string(),
  dynamodbEndpoint: z.url(),
  busName: z.string(),
  eventBridgeEndpoint: z.url(),
});
export type LocalRuntimeParts = z.infer<typeof LocalRuntimeParts>;

/** Asks a running local runtime (`pnpm start`) where its table and bus are. */
export async function localRuntimeParts(runtimeUrl: string): Promise<LocalRuntimeParts> {
  let response: Response;
  try {
    response = await fetch(`${runtimeUrl.replace(/\/$/, "")}${operationsPath}/runtime`);
  } catch {
    throw new Error(
      `No local runtime answers at ${runtimeUrl}: start it with pnpm start (or pass --runtime-url)`,
    );
  }
  if (!response.ok) throw new Error(`The local runtime at ${runtimeUrl} answered ${response.status}`);
  return LocalRuntimeParts.parse(await response.json());
}
