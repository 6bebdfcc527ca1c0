import type { UserActor } from "../actor";
import { auditRefusal } from "../audit/refusal";
import type { Context } from "../context";
import { NotFound, VersionConflict } from "../util/errors";
import { commitCaseChange, recordFieldsOf, untilCommitted } from "./case-write";
import { loadCaseFor } from "./load-case";
import { parseRequest } from "./parse-request";
import { caseAfterWrite } from "./read-case";
import { type Case, type Connection, ConnectionStatusRequest } from "./schema";

const auditAction = "case.connection.update";

/**
 * Moves a connection on (suggested, referred, attended, declined: any order, as real referrals
 * go), on condition of the version the worker loaded; each change is added to its history.
 */
export async function updateConnection(
  context: Context,
  user: UserActor,
  referralId: string,
  connectionId: string,
  input: unknown,
): Promise<{ connection: Connection; case: Case }> {
  const request = parseRequest(ConnectionStatusRequest, input);
  await untilCommitted(async () => {
    const loaded = await loadCaseFor(context, user, referralId, "record_connection", auditAction);
    const refuse = async (error: ReturnType<typeof NotFound>) => {
      await auditRefusal(
        context,
        user,
        { action: auditAction, subjectType: "referral", subjectId: referralId },
        error,
      );
      return error;
    };
    const current = loaded.connections.find((candidate) => candidate.connectionId === connectionId);
    if (!current) throw await refuse(NotFound("The connection"));
    if (current.version !== request.version) throw await refuse(VersionConflict(current.version));
    const outcome = await commitCaseChange(context, user, loaded, {
      record: recordFieldsOf(loaded.record),
      items: (entities, now) => [
        entities.caseConnection
          .patch({ referralId, connectionId })
          .set({
            status: request.status,
            version: current.version + 1,
            history: [
              ...current.history,
              { status: request.status, at: now.toISOString(), by: user.userId, byName: user.name },
            ],
            updatedAt: now.toISOString(),
          })
          .where((attributes, { eq }) => eq(attributes.version, current.version))
          .commit(),
      ],
      event: {
        type: "case.connection_updated",
        data: {
          connectionId,
          sector: current.sector,
          need: current.need,
          fromStatus: current.status,
          status: request.status,
        },
      },
      auditAction,
    });
    if (outcome.committed) return { done: connectionId };
    // The connection's own condition failing means someone moved it on meanwhile: reading again
    // reports that as a version conflict rather than writing over it.
    return { retryFrom: loaded };
  });
  const after = await caseAfterWrite(context, user, referralId);
  const connection = after.connections.find((candidate) => candidate.connectionId === connectionId);
  if (!connection) throw new Error(`Connection ${connectionId} is no longer on the case`);
  return { connection, case: after };
}
