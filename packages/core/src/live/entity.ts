import { createSchema } from "electrodb";

/**
 * One open WebSocket connection to a meeting's board. API Gateway names connections with
 * case-sensitive ids, so these keys keep their case. A closed connection leaves both indexes at
 * once (its index keys are removed) and the table when `expiresAt` passes: no function is granted
 * DeleteItem. API Gateway ends every connection after two hours, so none outlives its expiry.
 * The live functions write these items without ElectroDB (stored-connection.ts);
 * packages/core/test/live-stored-items.test.ts holds the two equal.
 */
export const liveConnectionSchema = createSchema({
  model: { entity: "liveConnection", version: "1", service: "linkwork" },
  attributes: {
    connectionId: { type: "string", required: true, readOnly: true },
    meetingId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    areaId: { type: "string", required: true, readOnly: true },
    connectedAt: { type: "string", required: true, readOnly: true },
    /** Epoch seconds: the table's TTL attribute. */
    expiresAt: { type: "number", required: true },
    closedAt: { type: "string" },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["connectionId"], casing: "none" },
      sk: { field: "sk", composite: [], casing: "none" },
    },
    /** The connections watching one meeting's board. */
    byMeeting: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["meetingId"], casing: "none" },
      sk: { field: "gsi1sk", composite: ["connectionId"], casing: "none" },
    },
    /** Every connection in an area: a change of capacity shows on every board there. */
    byArea: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["areaId"], casing: "none" },
      sk: { field: "gsi2sk", composite: ["connectionId"], casing: "none" },
    },
  },
});

/**
 * A single-use pass to open one connection to one meeting, issued to a member who may see it.
 * Browsers cannot send headers when opening a WebSocket, so the pass travels in the URL; it is
 * random, valid for a minute, and consumed by a conditional write, so a copied URL opens nothing.
 */
export const liveTicketSchema = createSchema({
  model: { entity: "liveTicket", version: "1", service: "linkwork" },
  attributes: {
    ticketId: { type: "string", required: true, readOnly: true },
    meetingId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    areaId: { type: "string", required: true, readOnly: true },
    issuedAt: { type: "string", required: true, readOnly: true },
    validUntil: { type: "string", required: true, readOnly: true },
    /** Epoch seconds: the table's TTL attribute, a little after `validUntil`. */
    expiresAt: { type: "number", required: true, readOnly: true },
    consumedAt: { type: "string" },
    connectionId: { type: "string" },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["ticketId"], casing: "none" },
      sk: { field: "sk", composite: [], casing: "none" },
    },
  },
});
