import { connect } from "@linkwork/core/db/client";
import { createDatabase } from "@linkwork/core/db/database";
import { timelinePut } from "@linkwork/core/timeline/stored-entry";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const connection = connect({ tableName: "linkwork-test", endpoint: "http://127.0.0.1:1" });
const { timeline } = createDatabase(connection).entities;

const text = fc.string({
  minLength: 1,
  unit: fc.constantFrom("a", "Z", "_", "-", ":", ".", "9", "é", "李", " "),
});
const entry = fc.record(
  {
    referralId: text.map((tail) => `ref_${tail}`),
    eventId: text.map((tail) => `evt_${tail}`),
    type: text,
    at: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    actorId: text,
    actorName: text,
    data: fc.dictionary(text, fc.oneof(fc.string(), fc.integer(), fc.array(fc.string()))),
  },
  { requiredKeys: ["referralId", "eventId", "type", "at", "data"] },
);

describe("the timeline subscriber's write", () => {
  it("is the put ElectroDB's timeline entity makes for any entry: the same item, keys and condition", () => {
    fc.assert(
      fc.property(entry, (value) => {
        const electro = timeline.create(value).params();
        const own = timelinePut("linkwork-test", value);
        expect(own.Item).toEqual(electro.Item);
        expect(own.ConditionExpression).toBe(electro.ConditionExpression);
        expect(own.ExpressionAttributeNames).toEqual(electro.ExpressionAttributeNames);
        expect(own.TableName).toBe(electro.TableName);
      }),
    );
  });
});
