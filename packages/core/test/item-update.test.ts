import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasChanges, itemUpdate } from "../src/db/item-update";

const before = {
  pk: "$linkwork#referralid_ref_1",
  sk: "$referral_1",
  version: 3,
  status: "allocated",
  organisationId: "org_1",
  gsi2pk: "$linkwork#organisationkey_org_1",
  breaches: ["triage"],
  needs: ["housing"],
};

/** Applies an update expression of the shape itemUpdate writes, as DynamoDB would. */
function apply(item: Record<string, unknown>, update: ReturnType<typeof itemUpdate>) {
  const names = update.ExpressionAttributeNames ?? {};
  const values = update.ExpressionAttributeValues ?? {};
  const next = { ...item };
  const [, sets = "", removes = ""] =
    /^(?:SET (.*?))?(?: ?REMOVE (.*))?$/.exec(update.UpdateExpression ?? "") ?? [];
  for (const assignment of sets ? sets.split(", ") : []) {
    const [name, value] = assignment.split(" = ") as [string, string];
    next[names[name] as string] = values[value];
  }
  for (const name of removes ? removes.split(", ") : []) delete next[names[name] as string];
  return next;
}

describe("a conditional item update", () => {
  it("sets only what changed and removes what went away, index keys included", () => {
    const after = { ...before, version: 4, status: "triaged" } as Record<string, unknown>;
    delete after.organisationId;
    delete after.gsi2pk;
    const update = itemUpdate({ tableName: "t", before, after, expect: { version: 3 } });
    expect(update.Key).toEqual({ pk: before.pk, sk: before.sk });
    expect(Object.values(update.ExpressionAttributeNames ?? {})).not.toContain("breaches");
    expect(apply(before, update)).toEqual(after);
    expect(update.ConditionExpression).toMatch(/^attribute_exists\(#pk\) AND #a\d+ = :v\d+$/);
  });

  it("turns any stored item into any other with the same key", () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.array(fc.string(), { maxLength: 3 }));
    const item = fc.dictionary(fc.constantFrom("a", "b", "c", "version", "gsi1pk", "gsi1sk"), value);
    fc.assert(
      fc.property(item, item, (left, right) => {
        const stored = { ...left, pk: "p", sk: "s" };
        const target = { ...right, pk: "p", sk: "s" };
        fc.pre(hasChanges(stored, target));
        expect(
          apply(stored, itemUpdate({ tableName: "t", before: stored, after: target, expect: {} })),
        ).toEqual(target);
      }),
    );
  });

  it("refuses to write an update that changes nothing", () => {
    expect(hasChanges(before, { ...before })).toBe(false);
    expect(() => itemUpdate({ tableName: "t", before, after: { ...before }, expect: {} })).toThrow();
  });
});
