/**
 * The one table, described once: infra deploys it and the local runtime creates it from this.
 * Global indexes are generic and overloaded; each entity names what it uses them for.
 */
export const tableDefinition = {
  partitionKey: "pk",
  sortKey: "sk",
  globalIndexes: {
    gsi1: { partitionKey: "gsi1pk", sortKey: "gsi1sk" },
    gsi2: { partitionKey: "gsi2pk", sortKey: "gsi2sk" },
    gsi3: { partitionKey: "gsi3pk", sortKey: "gsi3sk" },
    gsi4: { partitionKey: "gsi4pk", sortKey: "gsi4sk" },
    gsi5: { partitionKey: "gsi5pk", sortKey: "gsi5sk" },
    gsi6: { partitionKey: "gsi6pk", sortKey: "gsi6sk" },
  },
  timeToLiveAttribute: "expiresAt",
} as const;

export type GlobalIndexName = keyof typeof tableDefinition.globalIndexes;

/** Every key attribute is a string. */
export function keyAttributes(): string[] {
  return [
    tableDefinition.partitionKey,
    tableDefinition.sortKey,
    ...Object.values(tableDefinition.globalIndexes).flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
}
