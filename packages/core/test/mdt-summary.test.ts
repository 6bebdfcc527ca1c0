import { describe, expect, it } from "vitest";
import { summarise } from "../src/mdt/domain/summary";

const item = (
  itemId: string,
  column: "to_discuss" | "discussing" | "decided" | "deferred",
  position: number,
) => ({
  itemId,
  referralId: `ref_${itemId}`,
  column,
  position,
  actionIds: [] as string[],
});

describe("a meeting's summary", () => {
  it("puts the decided first in board order, then where everyone else went, with their actions", () => {
    const lines = summarise(
      [
        { ...item("c", "deferred", 0), rolledTo: "mtg_next" },
        { ...item("b", "decided", 1), decision: "Befriender", actionIds: ["act_1", "act_missing"] },
        { ...item("a", "decided", 0), decision: "Discharge" },
        { ...item("d", "to_discuss", 0), rolledTo: "mtg_next" },
      ],
      new Map([["act_1", { id: "act_1" }]]),
    );
    expect(lines).toEqual([
      { itemId: "a", referralId: "ref_a", decision: "Discharge", actions: [] },
      { itemId: "b", referralId: "ref_b", decision: "Befriender", actions: [{ id: "act_1" }] },
      { itemId: "d", referralId: "ref_d", actions: [], rolledTo: "mtg_next" },
      { itemId: "c", referralId: "ref_c", actions: [], rolledTo: "mtg_next" },
    ]);
  });
});
