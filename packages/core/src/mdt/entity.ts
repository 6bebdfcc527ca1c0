import { CustomAttributeType, createSchema } from "electrodb";
import type { RiskFlag } from "../referral/schema";
import type { Sbar } from "./schema";

/** A multi-disciplinary team: who chairs it, who is in it, which practices' patients it reviews. */
export const mdtSchema = createSchema({
  model: { entity: "mdt", version: "1", service: "linkwork" },
  attributes: {
    mdtId: { type: "string", required: true, readOnly: true },
    areaId: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true },
    name: { type: "string", required: true },
    practices: { type: CustomAttributeType<string[]>("any"), required: true },
    chairUserId: { type: "string", required: true },
    memberUserIds: { type: CustomAttributeType<string[]>("any"), required: true },
    cadenceDays: { type: "number", required: true },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["mdtId"] },
      sk: { field: "sk", composite: [] },
    },
    byArea: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["areaId"] },
      sk: { field: "gsi1sk", composite: ["name", "mdtId"] },
    },
  },
});

/** One per member of a team, so "my MDTs" is one query. Written with the team, never alone. */
export const mdtMemberSchema = createSchema({
  model: { entity: "mdtMember", version: "1", service: "linkwork" },
  attributes: {
    mdtId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    chair: { type: "boolean", required: true },
    joinedAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byMdt: {
      pk: { field: "pk", composite: ["mdtId"] },
      sk: { field: "sk", composite: ["userId"] },
    },
    byUser: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId"] },
      sk: { field: "gsi1sk", composite: ["mdtId"] },
    },
  },
});

/** A meeting of a team, planned ahead; its agenda items live in the same partition. */
export const meetingSchema = createSchema({
  model: { entity: "meeting", version: "1", service: "linkwork" },
  attributes: {
    meetingId: { type: "string", required: true, readOnly: true },
    mdtId: { type: "string", required: true, readOnly: true },
    areaId: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true },
    startsAt: { type: "string", required: true },
    durationMinutes: { type: "number", required: true },
    status: { type: ["planned", "in_progress", "ended"] as const, required: true },
    attendees: { type: CustomAttributeType<string[]>("any"), required: true, default: () => [] },
    /**
     * The referrals on its agenda. Listing one adds to it on condition it is not there yet and the
     * meeting has not ended, so two members listing the same person at once cannot both succeed.
     */
    listedReferralIds: { type: "set", items: "string" },
    startedAt: { type: "string" },
    endedAt: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byId: {
      collection: "meeting",
      pk: { field: "pk", composite: ["meetingId"] },
      sk: { field: "sk", composite: [] },
    },
    byMdt: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["mdtId"] },
      sk: { field: "gsi1sk", composite: ["startsAt", "meetingId"] },
    },
  },
});

/**
 * A person listed on a meeting's agenda, through one of their referrals. `accessUntil` is how long
 * the listing lets the team's members see the person: open while the meeting is to come or under
 * way, then 30 days from its end.
 */
export const agendaItemSchema = createSchema({
  model: { entity: "agendaItem", version: "1", service: "linkwork" },
  attributes: {
    meetingId: { type: "string", required: true, readOnly: true },
    itemId: { type: "string", required: true, readOnly: true },
    mdtId: { type: "string", required: true, readOnly: true },
    referralId: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true },
    reason: { type: "string", required: true },
    sbar: { type: CustomAttributeType<Sbar>("any"), required: true },
    riskFlags: { type: CustomAttributeType<RiskFlag[]>("any"), required: true, default: () => [] },
    column: { type: ["to_discuss", "discussing", "decided", "deferred"] as const, required: true },
    /**
     * Where it sits in its column: a sort key, not an index (a move writes only the moved item, to a
     * value between its new neighbours). The API shows each item's index in its column.
     */
    position: { type: "number", required: true },
    slotMinutes: { type: "number", required: true },
    decision: { type: "string" },
    decidedAt: { type: "string" },
    decidedBy: { type: "string" },
    actionIds: { type: CustomAttributeType<string[]>("any"), required: true, default: () => [] },
    rolledFrom: { type: "string" },
    rolledTo: { type: "string" },
    addedBy: { type: "string", required: true, readOnly: true },
    addedAt: { type: "string", required: true, readOnly: true },
    accessUntil: { type: "string", required: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byMeeting: {
      collection: "meeting",
      pk: { field: "pk", composite: ["meetingId"] },
      sk: { field: "sk", composite: ["itemId"] },
    },
    byReferral: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["referralId"] },
      sk: { field: "gsi1sk", composite: ["accessUntil", "itemId"] },
    },
  },
});

/** Something agreed at a meeting for one person, owned by an organisation (and maybe one person in it). */
export const actionSchema = createSchema({
  model: { entity: "action", version: "1", service: "linkwork" },
  attributes: {
    actionId: { type: "string", required: true, readOnly: true },
    mdtId: { type: "string", required: true, readOnly: true },
    meetingId: { type: "string", required: true, readOnly: true },
    itemId: { type: "string", required: true, readOnly: true },
    referralId: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true },
    description: { type: "string", required: true },
    ownerOrganisationId: { type: "string", required: true },
    /** "none" when no one person owns it: the index key needs a value. */
    ownerUserKey: { type: "string", required: true },
    dueOn: { type: "string", required: true },
    status: { type: ["open", "done"] as const, required: true },
    completedAt: { type: "string" },
    completedBy: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["actionId"] },
      sk: { field: "sk", composite: [] },
    },
    byOwnerOrganisation: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["ownerOrganisationId"] },
      sk: { field: "gsi1sk", composite: ["status", "dueOn", "actionId"] },
    },
    byOwnerUser: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["ownerUserKey"] },
      sk: { field: "gsi2sk", composite: ["status", "dueOn", "actionId"] },
    },
    byMdt: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["mdtId"] },
      sk: { field: "gsi3sk", composite: ["status", "dueOn", "actionId"] },
    },
  },
});

export const noOwnerUser = "none";
