import type { MeetingStatus } from "../../mdt/schema";
import type { AppError } from "../../util/errors";
import type { AgendaItemAction, MdtAction, MeetingAction } from "./actions";
import type { PolicyDecision } from "./decision";
import { membershipOf, type PolicyActor, type Relationships } from "./relationships";
import { decideBy, type Rules, refuseBy } from "./rules";

/** An MDT, as the policy needs it: which one. Membership comes from the relationships. */
export interface MdtSubject {
  mdtId: string;
}

export interface MeetingSubject {
  mdtId: string;
  status: MeetingStatus;
  version?: number | undefined;
}

export interface AgendaItemSubject {
  mdtId: string;
  meetingStatus: MeetingStatus;
  /** Once its outcome is recorded it only moves (within Decided); its SBAR and decision stand. */
  decided: boolean;
  /** Set once the item was carried over to the next meeting: it is then that meeting's to change. */
  rolledTo?: string | undefined;
  version?: number | undefined;
}

interface TeamStanding {
  member: boolean;
  chair: boolean;
  admin: boolean;
}

function standingIn(actor: PolicyActor, mdtId: string, relationships: Relationships): TeamStanding {
  const membership = membershipOf(relationships, mdtId);
  return {
    member: membership !== undefined,
    chair: membership?.chair ?? false,
    admin: actor.roles.includes("admin"),
  };
}

const memberPurpose = (standing: TeamStanding) =>
  standing.chair ? "Chair of the MDT" : standing.member ? "Member of the MDT" : undefined;

const open = (status: MeetingStatus) => status !== "ended";
const notMember = "Only members of the MDT can do this";
const closedAgenda = "The meeting has ended, so its agenda cannot change";

const mdtRules: Rules<MdtAction, TeamStanding, MdtSubject> = {
  plan_meeting: {
    who: (standing) => standing.chair || standing.admin,
    when: () => true,
    forbidden: "Only the chair or an administrator can plan the MDT's meetings",
    invalid: "",
  },
};

const meetingRules: Rules<MeetingAction, TeamStanding, MeetingSubject> = {
  start: {
    who: (standing) => standing.chair,
    when: (meeting) => meeting.status === "planned",
    forbidden: "Only the chair can start the meeting",
    invalid: "Only a planned meeting can be started",
  },
  end: {
    who: (standing) => standing.chair,
    when: (meeting) => meeting.status === "in_progress",
    forbidden: "Only the chair can end the meeting",
    invalid: "Only a meeting in progress can be ended",
  },
  add_item: {
    who: (standing) => standing.member,
    when: (meeting) => open(meeting.status),
    forbidden: notMember,
    invalid: closedAgenda,
  },
  // Attendance may be corrected after the meeting too: it is a record of who was there.
  record_attendance: {
    who: (standing) => standing.member,
    when: () => true,
    forbidden: notMember,
    invalid: "",
  },
};

const itemRules: Rules<AgendaItemAction, TeamStanding, AgendaItemSubject> = {
  move: {
    who: (standing) => standing.member,
    when: (item) => open(item.meetingStatus) && !item.rolledTo,
    forbidden: notMember,
    invalid: closedAgenda,
  },
  edit_sbar: {
    who: (standing) => standing.member,
    when: (item) => open(item.meetingStatus) && !item.rolledTo && !item.decided,
    forbidden: notMember,
    invalid: "The SBAR can change only until the item is decided and the meeting ends",
  },
  record_outcome: {
    who: (standing) => standing.member,
    when: (item) => open(item.meetingStatus) && !item.rolledTo && !item.decided,
    forbidden: notMember,
    invalid: "An outcome is recorded once, before the meeting ends",
  },
};

/** Only an administrator sets up MDTs. */
export function mayCreateMdt(actor: PolicyActor): boolean {
  return actor.roles.includes("admin");
}

/** Members (and administrators, who set teams up) see an MDT; the chair and administrators plan its meetings. */
export function mdtPolicy(
  actor: PolicyActor,
  mdt: MdtSubject,
  relationships: Relationships,
): PolicyDecision<MdtAction> {
  const standing = standingIn(actor, mdt.mdtId, relationships);
  return decideBy(
    mdtRules,
    standing,
    mdt,
    memberPurpose(standing) ?? (standing.admin ? "Administers MDTs" : undefined),
  );
}

export function mdtRefusal(
  actor: PolicyActor,
  mdt: MdtSubject,
  relationships: Relationships,
  action: MdtAction,
): AppError | undefined {
  const standing = standingIn(actor, mdt.mdtId, relationships);
  const purpose = memberPurpose(standing) ?? (standing.admin ? "Administers MDTs" : undefined);
  return refuseBy(mdtRules, standing, mdt, purpose, action, "The MDT");
}

/** Only members see a meeting (anyone else: not found); the chair starts and ends it. */
export function meetingPolicy(
  actor: PolicyActor,
  meeting: MeetingSubject,
  relationships: Relationships,
): PolicyDecision<MeetingAction> {
  const standing = standingIn(actor, meeting.mdtId, relationships);
  return decideBy(meetingRules, standing, meeting, memberPurpose(standing));
}

export function meetingRefusal(
  actor: PolicyActor,
  meeting: MeetingSubject,
  relationships: Relationships,
  action: MeetingAction,
): AppError | undefined {
  const standing = standingIn(actor, meeting.mdtId, relationships);
  return refuseBy(
    meetingRules,
    standing,
    meeting,
    memberPurpose(standing),
    action,
    "The meeting",
    meeting.version,
  );
}

/**
 * Only members see an agenda item; any member moves it, and edits its SBAR and records its outcome
 * until it is decided, while the meeting has not ended.
 */
export function agendaItemPolicy(
  actor: PolicyActor,
  item: AgendaItemSubject,
  relationships: Relationships,
): PolicyDecision<AgendaItemAction> {
  const standing = standingIn(actor, item.mdtId, relationships);
  return decideBy(itemRules, standing, item, memberPurpose(standing));
}

export function agendaItemRefusal(
  actor: PolicyActor,
  item: AgendaItemSubject,
  relationships: Relationships,
  action: AgendaItemAction,
): AppError | undefined {
  const standing = standingIn(actor, item.mdtId, relationships);
  return refuseBy(
    itemRules,
    standing,
    item,
    memberPurpose(standing),
    action,
    "The agenda item",
    item.version,
  );
}
