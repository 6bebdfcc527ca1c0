import type { UserActor } from "../actor";
import type { Context } from "../context";
import { transitionReferral } from "../referral/transition";
import { isAppError, ValidationFailed, VersionConflict } from "../util/errors";
import {
  type CaseChange,
  caseWriteItems,
  commitCaseChange,
  recordFieldsOf,
  untilCommitted,
} from "./case-write";
import { contactTimeProblem, countsOf } from "./domain/contact-rules";
import { createCaseId } from "./ids";
import { type CaseContactItem, caseVersionOf, loadCaseFor } from "./load-case";
import { parseRequest } from "./parse-request";
import { caseAfterWrite } from "./read-case";
import { type Case, type Contact, ContactRequest } from "./schema";

/**
 * Records a contact or an attempt at one. The first contact made on an assigned referral is also
 * the referral's first contact: the contact, the case and the `record_first_contact` transition
 * (the referral becomes active, its first-contact timer stops) commit in one transaction, with
 * `firstContactAt` the time the contact happened. A closed case takes no contacts.
 */
export async function recordContact(
  context: Context,
  user: UserActor,
  referralId: string,
  input: unknown,
): Promise<{ contact: Contact; case: Case }> {
  const request = parseRequest(ContactRequest, input);
  const at = new Date(request.at);

  const contactId = await untilCommitted(async () => {
    const loaded = await loadCaseFor(context, user, referralId, "record_contact", "case.contact.record");
    const problem = contactTimeProblem({
      at,
      now: context.clock.now(),
      receivedAt: new Date(loaded.referral.receivedAt),
    });
    if (problem) throw ValidationFailed([{ path: "at", message: problem }]);
    // After the time is known to be sensible: a ULID cannot hold a time before 1970.
    const contactId = createCaseId("contact", at);

    const counts = countsOf([...loaded.contacts, { at: at.toISOString(), outcome: request.outcome }]);
    const change: CaseChange<"case.contact_recorded"> = {
      record: { ...recordFieldsOf(loaded.record), ...counts },
      items: (entities, now) => {
        const stored: CaseContactItem = {
          referralId,
          contactId,
          at: at.toISOString(),
          method: request.method,
          outcome: request.outcome,
          ...(request.durationMinutes !== undefined ? { durationMinutes: request.durationMinutes } : {}),
          ...(request.note ? { note: request.note } : {}),
          recordedAt: now.toISOString(),
          recordedBy: user.userId,
          recordedByName: user.name,
        };
        return [entities.caseContact.create(stored).commit()];
      },
      event: {
        type: "case.contact_recorded",
        data: {
          contactId,
          at: at.toISOString(),
          method: request.method,
          outcome: request.outcome,
          ...(request.durationMinutes !== undefined ? { durationMinutes: request.durationMinutes } : {}),
          ...counts,
        },
      },
      auditAction: "case.contact.record",
    };

    if (request.outcome === "made_contact" && loaded.referral.status === "assigned") {
      try {
        await transitionReferral(
          context,
          user,
          referralId,
          loaded.referral.version,
          { type: "record_first_contact" },
          {
            nextFields: { firstContactAt: at.toISOString(), failedContactAttempts: 0 },
            writes: (now) => caseWriteItems(context, user, loaded, change, now),
            writeConflict: () => VersionConflict(caseVersionOf(loaded)),
          },
        );
      } catch (error) {
        // Someone else changed the referral or the case meanwhile: read both again and decide again.
        if (isAppError(error) && error.code === "version_conflict") return { retryFrom: loaded };
        throw error;
      }
    } else {
      const outcome = await commitCaseChange(context, user, loaded, change, {
        failedContactAttempts: counts.failedAttempts,
      });
      if (!outcome.committed) return { retryFrom: loaded };
    }
    return { done: contactId };
  });
  const after = await caseAfterWrite(context, user, referralId);
  const contact = after.contacts.find((candidate) => candidate.contactId === contactId);
  if (!contact) throw new Error(`Contact ${contactId} was committed but is not on the case`);
  return { contact, case: after };
}
