import type { UserActor } from "../actor";
import { recordAudit } from "../audit/record";
import type { Context } from "../context";
import { seesOtherRecords } from "../referral/domain/access";
import { Forbidden, NotFound } from "../util/errors";
import { toPersonRecord } from "./record-view";
import type { PersonRecord } from "./requests";

/** A person's stored record, for a triage coordinator (who keeps records together); audited. */
export async function readPerson(context: Context, user: UserActor, personId: string): Promise<PersonRecord> {
  if (!seesOtherRecords(user)) throw Forbidden("Only triage coordinators open a person's stored record");
  const found = await context.db.entities.person.get({ personId }).go({ consistent: true });
  if (!found.data) throw NotFound("The person");
  await recordAudit(context, [
    {
      actor: user,
      action: "person.read",
      subjectType: "person",
      subjectId: personId,
      purpose: "Keeping people's records together",
      outcome: "granted",
      at: context.clock.now(),
    },
  ]);
  return toPersonRecord(found.data);
}
