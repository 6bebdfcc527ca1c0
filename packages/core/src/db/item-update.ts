import type { TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { stableStringify } from "../util/stable-json";

export type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];
type Update = NonNullable<TransactItem["Update"]>;

/** An item as ElectroDB stores it: its attributes and every index key it belongs to. */
export type StoredItem = Record<string, unknown>;

export interface ItemUpdate {
  tableName: string;
  before: StoredItem;
  after: StoredItem;
  /** Attributes that must still hold these values, or the update is refused. */
  expect: Record<string, string | number>;
}

/**
 * One conditional update from one stored form of an item to another: it sets only what changed
 * and removes only what went away (index keys included, so an item leaves a sparse index), and
 * leaves every attribute it does not change as the table has it now. A whole-item put would write
 * back fields another writer changed since this one read them.
 */
export function itemUpdate({ tableName, before, after, expect }: ItemUpdate): Update {
  const names: Record<string, string> = { "#pk": "pk" };
  const values: Record<string, unknown> = {};
  const name = (attribute: string) => {
    const placeholder = `#a${Object.keys(names).length}`;
    names[placeholder] = attribute;
    return placeholder;
  };
  const value = (content: unknown) => {
    const placeholder = `:v${Object.keys(values).length}`;
    values[placeholder] = content;
    return placeholder;
  };

  const { changed, removed } = differences(before, after);
  if (changed.length === 0 && removed.length === 0) throw new Error("An update must change something");
  const sets = changed.map((attribute) => `${name(attribute)} = ${value(after[attribute])}`);
  const removals = removed.map(name);

  const conditions = [
    "attribute_exists(#pk)",
    ...Object.entries(expect).map(([attribute, content]) => `${name(attribute)} = ${value(content)}`),
  ];
  return {
    TableName: tableName,
    Key: { pk: before.pk, sk: before.sk },
    UpdateExpression: [
      sets.length > 0 ? `SET ${sets.join(", ")}` : "",
      removals.length > 0 ? `REMOVE ${removals.join(", ")}` : "",
    ]
      .filter(Boolean)
      .join(" "),
    ConditionExpression: conditions.join(" AND "),
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}

function differences(before: StoredItem, after: StoredItem) {
  const changed = Object.keys(after).filter(
    (attribute) =>
      attribute !== "pk" &&
      attribute !== "sk" &&
      stableStringify(before[attribute]) !== stableStringify(after[attribute]),
  );
  const removed = Object.keys(before).filter((attribute) => !(attribute in after));
  return { changed, removed };
}

/** Whether writing `after` over `before` would change anything stored. */
export function hasChanges(before: StoredItem, after: StoredItem): boolean {
  const { changed, removed } = differences(before, after);
  return changed.length > 0 || removed.length > 0;
}
