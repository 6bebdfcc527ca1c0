import type { EntityItem } from "electrodb";
import type { UserActor } from "../actor";
import { auditRefusal } from "../audit/refusal";
import type { Context } from "../context";
import type { Database } from "../db/database";
import type { CaseAction } from "../policy/domain/actions";
import { casePolicy, caseRefusal } from "../policy/domain/case-policy";
import type { PolicyDecision } from "../policy/domain/decision";
import type { ReferralItem } from "../referral/mapper";
import { type AppError, NotFound } from "../util/errors";

type Entities = Database["entities"];
export type CaseRecordItem = EntityItem<Entities["caseRecord"]>;
export type PlanRevisionItem = EntityItem<Entities["planRevision"]>;
export type CaseContactItem = EntityItem<Entities["caseContact"]>;
export type CaseMeasureItem = EntityItem<Entities["caseMeasure"]>;
export type CaseConnectionItem = EntityItem<Entities["caseConnection"]>;
export type CaseEscalationItem = EntityItem<Entities["caseEscalation"]>;

/** A referral and everything of its case, as read in one consistent moment for one user. */
export interface LoadedCase {
  referral: ReferralItem;
  /** Absent until the first thing is recorded on the case. */
  record: CaseRecordItem | undefined;
  planRevisions: PlanRevisionItem[];
  contacts: CaseContactItem[];
  measures: CaseMeasureItem[];
  connections: CaseConnectionItem[];
  escalations: CaseEscalationItem[];
  decision: PolicyDecision<CaseAction>;
}

/** Who may load the case: the case policy, unless a use case names a wider relationship. */
export type CaseAccess = (referral: ReferralItem) => PolicyDecision<CaseAction>;

/** The case's version: 0 until its record exists. */
export function caseVersionOf(loaded: LoadedCase): number {
  return loaded.record?.version ?? 0;
}

/**
 * Reads a referral and its whole case (the "casework" collection of the referral's partition) for
 * a user the case policy shows it to. Anyone else, and an id that names nothing, is refused as not
 * found, and the refusal audited under `action`. A granted read is audited by the caller: a read in
 * its own entry, a write in its transaction.
 */
export async function loadCase(
  context: Context,
  user: UserActor,
  referralId: string,
  action: string,
  access: CaseAccess = (item) => casePolicy(user, { ...item, version: item.version }),
): Promise<LoadedCase> {
  const [referral, casework] = await Promise.all([
    context.db.entities.referral.get({ referralId }).go({ consistent: true }),
    context.db.service.collections.casework({ referralId }).go({ pages: "all", consistent: true }),
  ]);
  const item = referral.data;
  const decision = item ? access(item) : undefined;
  if (!item || !decision?.visible) {
    const refused = NotFound("The case");
    await auditRefusal(context, user, { action, subjectType: "referral", subjectId: referralId }, refused);
    throw refused;
  }
  const { caseRecord, planRevision, caseContact, caseMeasure, caseConnection, caseEscalation } =
    casework.data;
  return {
    referral: item,
    record: caseRecord[0],
    planRevisions: planRevision,
    contacts: caseContact,
    measures: caseMeasure,
    connections: caseConnection,
    escalations: caseEscalation,
    decision,
  };
}

/**
 * The refusal, audited, when the policy does not let the user do this to the case now: 403 when
 * their standing never gives it, 409 invalid_transition (with the referral's version) when the
 * referral's status does not allow it, such as any record on a closed case.
 */
export async function refusalFor(
  context: Context,
  user: UserActor,
  loaded: LoadedCase,
  action: CaseAction,
  auditAction: string,
): Promise<AppError | undefined> {
  const refusal = caseRefusal(user, { ...loaded.referral, version: loaded.referral.version }, action);
  if (!refusal) return undefined;
  await auditRefusal(
    context,
    user,
    { action: auditAction, subjectType: "referral", subjectId: loaded.referral.referralId },
    refusal,
  );
  return refusal;
}

/** Loads the case and insists the user may do this to it now (see `loadCase` and `refusalFor`). */
export async function loadCaseFor(
  context: Context,
  user: UserActor,
  referralId: string,
  action: CaseAction,
  auditAction: string,
): Promise<LoadedCase> {
  const loaded = await loadCase(context, user, referralId, auditAction);
  const refusal = await refusalFor(context, user, loaded, action, auditAction);
  if (refusal) throw refusal;
  return loaded;
}
