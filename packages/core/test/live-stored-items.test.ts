import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { connect } from "../src/db/client";
import { createDatabase } from "../src/db/database";
import { connectionKey, connectionPut, connectionsQuery, ticketKey } from "../src/live/stored-connection";

const connection = connect({ tableName: "linkwork-test", endpoint: "http://127.0.0.1:1" });
const { liveConnection, liveTicket } = createDatabase(connection).entities;

/** API Gateway's connection ids are base64, so case and `=`, `+`, `/` all matter. */
const connectionId = fc.base64String({ minLength: 4, maxLength: 24 }).filter((id) => id.length > 0);
const id = fc.stringMatching(/^[a-z]{3}_[0-9a-z]{26}$/);
const stored = fc.record({
  connectionId,
  meetingId: id,
  userId: fc.stringMatching(/^usr_[A-Za-z0-9_-]{1,20}$/),
  areaId: fc.constantFrom("default", "Northshire"),
  connectedAt: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  expiresAt: fc.integer({ min: 0, max: 2 ** 31 }),
});

describe("the live functions' own writes and queries", () => {
  it("store a connection exactly as ElectroDB's entity does: the same item, keys and condition", () => {
    fc.assert(
      fc.property(stored, (value) => {
        const electro = liveConnection.create(value).params();
        const own = connectionPut("linkwork-test", value);
        expect(own.Item).toEqual(electro.Item);
        expect(own.ConditionExpression).toBe(electro.ConditionExpression);
        expect(own.ExpressionAttributeNames).toEqual(electro.ExpressionAttributeNames);
      }),
    );
  });

  it("keep a connection id's case, so two ids that differ only in case are two connections", () => {
    expect(connectionKey("AbC=").pk).not.toBe(connectionKey("abc=").pk);
    expect(liveConnection.get({ connectionId: "AbC=" }).params().Key).toEqual(connectionKey("AbC="));
  });

  it("address tickets as the ticket entity keys them", () => {
    fc.assert(
      fc.property(fc.base64String({ minLength: 4 }), (ticketId) => {
        expect(liveTicket.get({ ticketId }).params().Key).toEqual(ticketKey(ticketId));
      }),
    );
  });

  it("query a meeting's and an area's connections by the entity's own index keys", () => {
    fc.assert(
      fc.property(id, (meetingId) => {
        const electro = liveConnection.query.byMeeting({ meetingId }).params();
        const own = connectionsQuery("linkwork-test", { kind: "meeting", meetingId });
        expect(own.IndexName).toBe(electro.IndexName);
        expect(Object.values(own.ExpressionAttributeValues ?? {})).toEqual(
          Object.values(electro.ExpressionAttributeValues ?? {}),
        );
      }),
    );
    const electro = liveConnection.query.byArea({ areaId: "default" }).params();
    const own = connectionsQuery("linkwork-test", { kind: "area", areaId: "default" });
    expect(own.IndexName).toBe(electro.IndexName);
    expect(Object.values(own.ExpressionAttributeValues ?? {})).toEqual(
      Object.values(electro.ExpressionAttributeValues ?? {}),
    );
  });
});
