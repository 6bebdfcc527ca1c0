import { referralRefusal } from "../../policy/domain/referral-policy";
import { noRelationships, type Relationships } from "../../policy/domain/relationships";
import type { Role } from "../../user/role";
import {
  AlreadyClaimed,
  type AppError,
  Forbidden,
  InvalidTransition,
  ValidationFailed,
} from "../../util/errors";
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
  assignedToName?: string | undefined;
  referrerId?: string | undefined;
  closureReason?: ClosureReason | undefined;
  closureSummary?: string | undefined;
  triagedAt?: string | undefined;
  allocatedAt?: string | undefined;
  acceptedAt?: string | undefined;
  assignedAt?: string | undefined;
  firstContactAt?: string | undefined;
  closedAt?: string | undefined;
  /** When it was last reopened: a new period of support begins (its own final measures). */
  reopenedAt?: string | undefined;
  updatedAt: string;
}

/**
 * The link worker a manager names, as the user directory holds them; undefined when no user has
 * that id. Only an active link worker of the referral's organisation may be given a case.
 */
export interface NamedLinkWorker {
  organisationId: string;
  roles: readonly Role[];
  active: boolean;
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
  | {
      type: "assign";
      linkWorkerId: string;
      linkWorkerName: string;
      linkWorker: NamedLinkWorker | undefined;
    }
  | {
      type: "reassign";
      linkWorkerId: string;
      linkWorkerName: string;
      linkWorker: NamedLinkWorker | undefined;
      reason: string;
    }
  | { type: "return_to_triage"; reason: string }
  | { type: "close"; reason: ClosureReason; summary: string; note?: string | undefined }
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
  assign: "referral.assigned",
  reassign: "referral.reassigned",
  return_to_triage: "referral.returned_to_triage",
  close: "referral.closed",
  reopen: "referral.reopened",
  withdraw: "referral.withdrawn",
} as const satisfies Record<CommandType, string>;

/** Statuses that count against a link worker's active caseload. */
export const caseloadStatuses: readonly ReferralStatus[] = ["assigned", "active"];

/**
 * A change to one link worker's active caseload, written with the referral: a place taken is
 * conditional on the worker being active and within their limit, a place released is not.
 */
export interface CaseloadChange {
  userId: string;
  delta: 1 | -1;
}

export interface Decision {
  next: ReferralState;
  event: { type: (typeof eventOfCommand)[CommandType]; data: Record<string, unknown> };
  /** Places released come before places taken, so a move between workers reads in that order. */
  caseload: CaseloadChange[];
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
      caseload: rule.caseload ?? [],
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
  | { changes: Partial<ReferralState>; data: Record<string, unknown>; caseload?: CaseloadChange[] }
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
        caseload: userId ? [{ userId, delta: 1 }] : [],
      };
    case "record_first_contact":
      return { changes: { status: "active", firstContactAt: at }, data: { linkWorkerId: userId } };
    case "assign": {
      const unfit = unfitWorker(referral, command);
      if (unfit) return { error: unfit };
      return {
        changes: {
          status: "assigned",
          assignedTo: command.linkWorkerId,
          assignedToName: command.linkWorkerName,
          assignedAt: at,
        },
        data: { organisationId: referral.organisationId, linkWorkerId: command.linkWorkerId },
        caseload: [{ userId: command.linkWorkerId, delta: 1 }],
      };
    }
    case "reassign": {
      const unfit = unfitWorker(referral, command);
      if (unfit) return { error: unfit };
      if (command.linkWorkerId === referral.assignedTo) {
        return {
          error: InvalidTransition(
            `The case is already with ${referral.assignedToName ?? "this link worker"}: choose someone else`,
            referral.version,
          ),
        };
      }
      return {
        // The first-contact timer and the case record stay as they are: the person's support goes on.
        changes: { assignedTo: command.linkWorkerId, assignedToName: command.linkWorkerName, assignedAt: at },
        data: {
          fromLinkWorkerId: referral.assignedTo,
          linkWorkerId: command.linkWorkerId,
          reason: command.reason,
        },
        caseload: [
          ...(referral.assignedTo ? [{ userId: referral.assignedTo, delta: -1 as const }] : []),
          { userId: command.linkWorkerId, delta: 1 },
        ],
      };
    }
    case "return_to_triage":
      // Back in the coordinator's queue as a triaged referral: it may go to another organisation,
      // whose own acceptance and first-contact timers then start afresh.
      return {
        changes: {
          status: "triaged",
          organisationId: undefined,
          assignedTo: undefined,
          assignedToName: undefined,
          allocatedAt: undefined,
          acceptedAt: undefined,
          assignedAt: undefined,
          firstContactAt: undefined,
        },
        data: { organisationId: referral.organisationId, reason: command.reason },
        caseload: referral.assignedTo ? [{ userId: referral.assignedTo, delta: -1 }] : [],
      };
    case "close":
      return {
        changes: {
          status: "closed",
          closureReason: command.reason,
          closureSummary: command.summary,
          closedAt: at,
        },
        data: { reason: command.reason, ...(command.note ? { note: command.note } : {}) },
        caseload: referral.assignedTo ? [{ userId: referral.assignedTo, delta: -1 }] : [],
      };
    case "reopen":
      if (!referral.assignedTo) {
        return {
          changes: {
            status: "triaged",
            closureReason: undefined,
            closureSummary: undefined,
            closedAt: undefined,
            reopenedAt: at,
          },
          data: { reason: command.reason },
        };
      }
      return {
        changes: {
          status: "active",
          closureReason: undefined,
          closureSummary: undefined,
          closedAt: undefined,
          reopenedAt: at,
        },
        data: { reason: command.reason, linkWorkerId: referral.assignedTo },
        caseload: [{ userId: referral.assignedTo, delta: 1 }],
      };
    case "withdraw":
      return { changes: { status: "withdrawn", closedAt: at }, data: { reason: command.reason } };
  }
}

/** Why the named worker may not be given this case, or undefined: the field to correct is named. */
function unfitWorker(
  referral: ReferralState,
  command: Extract<Command, { type: "assign" | "reassign" }>,
): AppError | undefined {
  const worker = command.linkWorker;
  if (!worker?.roles.includes("link_worker") || worker.organisationId !== referral.organisationId) {
    return ValidationFailed([
      { path: "linkWorkerId", message: "Choose a link worker from your organisation" },
    ]);
  }
  if (!worker.active) {
    return ValidationFailed([
      {
        path: "linkWorkerId",
        message: `${command.linkWorkerName} is no longer active: choose another link worker`,
      },
    ]);
  }
  return undefined;
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
    assign: "assigned to a link worker",
    reassign: "moved to another link worker",
    return_to_triage: "returned to triage",
    close: "closed",
    reopen: "reopened",
    withdraw: "withdrawn",
  };
  return phrases[type];
}
