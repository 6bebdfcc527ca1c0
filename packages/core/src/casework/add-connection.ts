import type { UserActor } from "../actor";
import type { Context } from "../context";
import { commitCaseChange, recordFieldsOf, untilCommitted } from "./case-write";
import { createCaseId } from "./ids";
import { loadCaseFor } from "./load-case";
import { parseRequest } from "./parse-request";
import { caseAfterWrite } from "./read-case";
import { type Case, type Connection, ConnectionRequest } from "./schema";

const auditAction = "case.connection.add";

/**
 * Records an onward referral ("a connection") to a named service, with its sector, the need it
 * meets and its status; the status history starts with that status. The service is named in free
 * text, or by its directory id once the directory of services can be chosen from.
 */
export async function addConnection(
  context: Context,
  user: UserActor,
  referralId: string,
  input: unknown,
): Promise<{ connection: Connection; case: Case }> {
  const request = parseRequest(ConnectionRequest, input);
  const connectionId = createCaseId("connection", context.clock.now());
  await untilCommitted(async () => {
    const loaded = await loadCaseFor(context, user, referralId, "record_connection", auditAction);
    const outcome = await commitCaseChange(context, user, loaded, {
      record: recordFieldsOf(loaded.record),
      items: (entities, now) => [
        entities.caseConnection
          .create({
            referralId,
            connectionId,
            version: 1,
            ...(request.serviceId !== undefined ? { serviceId: request.serviceId } : {}),
            serviceName: request.serviceName,
            sector: request.sector,
            need: request.need,
            status: request.status,
            history: [{ status: request.status, at: now.toISOString(), by: user.userId, byName: user.name }],
            createdAt: now.toISOString(),
            updatedAt: now.toISOString(),
          })
          .commit(),
      ],
      event: {
        type: "case.connection_added",
        data: {
          connectionId,
          ...(request.serviceId !== undefined ? { serviceId: request.serviceId } : {}),
          sector: request.sector,
          need: request.need,
          status: request.status,
        },
      },
      auditAction,
    });
    return outcome.committed ? { done: connectionId } : { retryFrom: loaded };
  });
  const after = await caseAfterWrite(context, user, referralId);
  const connection = after.connections.find((candidate) => candidate.connectionId === connectionId);
  if (!connection) throw new Error(`Connection ${connectionId} was committed but is not on the case`);
  return { connection, case: after };
}
