import type { UserActor } from "@linkwork/core/actor";
import { allocateReferral } from "@linkwork/core/allocation/allocate";
import type { Context } from "@linkwork/core/context";
import { receiveReferral } from "@linkwork/core/referral/receive";
import { ReferralCreate } from "@linkwork/core/referral/schema";
import { transitionReferral } from "@linkwork/core/referral/transition";
import { aReferral } from "../support/builders";
import { addLinkWorker, team } from "../support/world";

export const as = (person: Omit<UserActor, "type">): UserActor => ({ type: "user", ...person });

export const worker = as(team.vcsWorker);
export const manager = as(team.vcsManager);
export const coordinator = as(team.coordinator);
export const otherManager = as(team.pcnManager);
export const otherWorker = as(team.pcnWorker);

export const colleagueRecord = {
  userId: "usr_worker_vcs_2",
  email: "worker2.vcs@linkwork.test",
  name: "Sam Okoro",
  roles: ["link_worker" as const],
  organisationId: team.vcsWorker.organisationId,
};
export const colleague = as(colleagueRecord);

export async function addColleague(context: Context) {
  await addLinkWorker(context, colleagueRecord);
}

/** A referral received, triaged, allocated to Community Connect, accepted and on the worker's caseload. */
export async function assignedReferral(context: Context) {
  const input = ReferralCreate.parse(aReferral({ person: { ...aReferral().person, postcode: "NS1 4AB" } }));
  const { referral } = await receiveReferral(context, as(team.gp), input);
  const triaged = await transitionReferral(context, coordinator, referral.id, referral.version, {
    type: "triage",
    priority: "routine",
    supportLevel: "supported_connection",
    needs: ["loneliness_isolation", "housing"],
    riskFlags: [],
  });
  const allocated = await allocateReferral(context, coordinator, referral.id, {
    version: triaged.version,
    organisationId: team.vcsManager.organisationId,
  });
  const accepted = await transitionReferral(context, manager, referral.id, allocated.version, {
    type: "accept",
  });
  return transitionReferral(context, worker, referral.id, accepted.version, { type: "claim" });
}

export async function outboxOf(context: Context, referralId: string) {
  const outbox = await context.db.entities.outbox.scan.go({ pages: "all" });
  return outbox.data
    .filter((item) => item.subject.id === referralId)
    .sort((left, right) => left.eventId.localeCompare(right.eventId))
    .map((item) => ({ type: item.type, data: item.data }));
}

export async function auditOf(context: Context, referralId: string) {
  const entries = await context.db.entities.audit.query
    .bySubject({ subjectId: referralId })
    .go({ pages: "all" });
  return entries.data.map((entry) => ({
    action: entry.action,
    actorId: entry.actorId,
    outcome: entry.outcome,
    purpose: entry.purpose,
  }));
}
