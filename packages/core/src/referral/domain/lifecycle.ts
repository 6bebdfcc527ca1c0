import { referralRefusal } from "../../policy/domain/referral-policy";
import { noRelationships, type Relationships } from "../../policy/domain/relationships";
import type { Role } from "../../user/role";
import { AlreadyClaimed, type AppError, Forbidden, InvalidTransition } from "../../util/errors";
import type { ClosureReason, NeedDomain, Priority, ReferralStatus, RiskFlag, SupportLevel } from "../schema";
import { allowedFrom } from "./allowed-from";

/** The parts of a referral the lifecycle reads and changes. */
export interface ReferralState {
  status: ReferralStatus;
  version: number;
  consent: { shareWithProviders: boolean };
  needs: NeedDomain[];
  riskFlags: RiskFlag[];
  priority?: Priority | undefined;
  supportLevel?: SupportLevel | undefined;
  organisationId?: string | undefined;
  assignedTo?: string | undefined;
  referrerId?: string | undefined;
  closureReason?: ClosureReason | undefined;
  triagedAt?: string | undefined;
  allocatedAt?: string | undefined;
  acceptedAt?: string | undefined;
  assignedAt?: string | undefined;
  firstContactAt?: string | undefined;
  closedAt?: string | undefined;
  updatedAt: string;
}

export type Command =
  | {
      type: "triage";
      priority: Priority;
      supportLevel: SupportLevel;
      needs: NeedDomain[];
      riskFlags: RiskFlag[];
      note?: string | undefined;
    }
  | { type: "signpost"; note?: string | undefined }
  | { type: "allocate"; organisationId: string; note?: string | undefined }
  | { type: "accept" }
  | { type: "decline"; reason: string }
  | { type: "expire_allocation" }
  | { type: "claim" }
  | { type: "record_first_contact" }
  | { type: "close"; reason: ClosureReason; note?: string | undefined }
  | { type: "reopen"; reason: string }
  | { type: "withdraw"; reason: string };

export type CommandType = Command["type"];

export type Performer =
  | { kind: "user"; userId: string; roles: readonly Role[]; organisationId: string }
  | { kind: "system" };

/** The event each command records, named `referral.past_verb`. */
export const eventOfCommand = {
  triage: "referral.triaged",
  signpost: "referral.signposted",
  allocate: "referral.allocated",
  accept: "referral.accepted",
  decline: "referral.declined",
  expire_allocation: "referral.allocation_expired",
  claim: "referral.claimed",
  record_first_contact: "referral.first_contact_made",
  close: "referral.closed",
  reopen: "referral.reopened",
  withdraw: "referral.withdrawn",
} as const satisfies Record<CommandType, string>;

/** Statuses that count against a link worker's active caseload. */
export const caseloadStatuses: readonly ReferralStatus[] = ["assigned", "active"];

export interface Decision {
  next: ReferralState;
  event: { type: (typeof eventOfCommand)[CommandType]; data: Record<string, unknown> };
  /** A change to one link worker's active caseload, to be written with the referral. */
  caseload?: { userId: string; delta: 1 | -1 };
}

export type Outcome = { ok: true; decision: Decision } | { ok: false; error: AppError };

const refuse = (error: AppError): Outcome => ({ ok: false, error });
const statusLabel = (status: ReferralStatus) => status.replace("_", " ");

/**
 * The referral lifecycle as one pure function: given the referral, a command, who gives it (and
 * their relationships beyond the referral's own fields, such as an MDT agenda listing) and when,
 * it returns the next state and the event to record, or the reason it may not happen.
 */
export function decide(
  referral: ReferralState,
  command: Command,
  performer: Performer,
  at: Date,
  relationships: Relationships = noRelationships,
): Outcome {
  const permission = checkPerformer(referral, command, performer, relationships);
  if (permission) return refuse(permission);
  if (command.type === "claim" && caseloadStatuses.includes(referral.status)) {
    return refuse(AlreadyClaimed(referral.version));
  }
  if (!allowedFrom[command.type].includes(referral.status)) {
    return refuse(
      InvalidTransition(
        `A referral that is ${statusLabel(referral.status)} cannot be ${describe(command.type)}`,
        referral.version,
      ),
    );
  }
  const rule = ruleFor(referral, command, performer, at.toISOString());
  if ("error" in rule) return refuse(rule.error);
  const next: ReferralState = {
    ...referral,
    ...rule.changes,
    version: referral.version + 1,
    updatedAt: at.toISOString(),
  };
  return {
    ok: true,
    decision: {
      next,
      event: { type: eventOfCommand[command.type], data: rule.data },
      ...(rule.caseload ? { caseload: rule.caseload } : {}),
    },
  };
}

/** The system alone expires allocations; everything else is the authorisation policy's to say. */
function checkPerformer(
  referral: ReferralState,
  command: Command,
  performer: Performer,
  relationships: Relationships,
): AppError | undefined {
  if (command.type === "expire_allocation") {
    return performer.kind === "system"
      ? undefined
      : Forbidden("Only the allocation timer returns an allocation");
  }
  if (performer.kind === "system") return Forbidden("The system does not make this change");
  return referralRefusal(performer, referral, relationships, command.type);
}

type Rule =
  | { changes: Partial<ReferralState>; data: Record<string, unknown>; caseload?: Decision["caseload"] }
  | { error: AppError };

function ruleFor(referral: ReferralState, command: Command, performer: Performer, at: string): Rule {
  const userId = performer.kind === "user" ? performer.userId : undefined;
  switch (command.type) {
    case "triage":
      return {
        changes: {
          status: "triaged",
          priority: command.priority,
          supportLevel: command.supportLevel,
          needs: command.needs,
          riskFlags: command.riskFlags,
          triagedAt: at,
        },
        data: {
          priority: command.priority,
          supportLevel: command.supportLevel,
          needs: command.needs,
          riskFlags: command.riskFlags,
          ...(command.note ? { note: command.note } : {}),
        },
      };
    case "signpost":
      return {
        changes: { status: "closed", closureReason: "signposted", closedAt: at },
        data: { reason: "signposted", ...(command.note ? { note: command.note } : {}) },
      };
    case "allocate":
      if (!referral.consent.shareWithProviders) {
        return {
          error: InvalidTransition(
            "The person has not agreed to share their details, so the referral cannot go to another organisation",
            referral.version,
          ),
        };
      }
      return {
        changes: { status: "allocated", organisationId: command.organisationId, allocatedAt: at },
        data: { organisationId: command.organisationId, ...(command.note ? { note: command.note } : {}) },
      };
    case "accept":
      return {
        changes: { status: "accepted", acceptedAt: at },
        data: { organisationId: referral.organisationId },
      };
    case "decline":
    case "expire_allocation":
      return {
        changes: { status: "triaged", organisationId: undefined, allocatedAt: undefined },
        data: {
          organisationId: referral.organisationId,
          ...(command.type === "decline" ? { reason: command.reason } : {}),
        },
      };
    case "claim":
      return {
        changes: { status: "assigned", assignedTo: userId, assignedAt: at },
        data: { organisationId: referral.organisationId, linkWorkerId: userId },
        ...(userId ? { caseload: { userId, delta: 1 as const } } : {}),
      };
    case "record_first_contact":
      return { changes: { status: "active", firstContactAt: at }, data: { linkWorkerId: userId } };
    case "close": {
      const releases = referral.assignedTo
        ? { caseload: { userId: referral.assignedTo, delta: -1 as const } }
        : {};
      return {
        changes: { status: "closed", closureReason: command.reason, closedAt: at },
        data: { reason: command.reason, ...(command.note ? { note: command.note } : {}) },
        ...releases,
      };
    }
    case "reopen":
      if (!referral.assignedTo) {
        return {
          changes: { status: "triaged", closureReason: undefined, closedAt: undefined },
          data: { reason: command.reason },
        };
      }
      return {
        changes: { status: "active", closureReason: undefined, closedAt: undefined },
        data: { reason: command.reason, linkWorkerId: referral.assignedTo },
        caseload: { userId: referral.assignedTo, delta: 1 },
      };
    case "withdraw":
      return { changes: { status: "withdrawn", closedAt: at }, data: { reason: command.reason } };
  }
}

function describe(type: CommandType): string {
  const phrases: Record<CommandType, string> = {
    triage: "triaged",
    signpost: "closed as signposted",
    allocate: "allocated",
    accept: "accepted",
    decline: "declined",
    expire_allocation: "returned to triage",
    claim: "picked up",
    record_first_contact: "marked as contacted",
    close: "closed",
    reopen: "reopened",
    withdraw: "withdrawn",
  };
  return phrases[type];
}
