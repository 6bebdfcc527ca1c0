import { describe, expect, it } from "vitest";
import { createId, idPattern, isId } from "../src/util/id";

describe("prefixed ids", () => {
  it("name their kind", () => {
    expect(createId("referral")).toMatch(/^ref_[0-9a-z]{26}$/);
    expect(createId("organisation")).toMatch(/^org_/);
    expect(isId("referral", createId("referral"))).toBe(true);
    expect(isId("referral", createId("person"))).toBe(false);
  });

  it("sort in creation order, even within one millisecond", () => {
    const at = new Date("2026-11-23T09:00:00Z");
    const ids = Array.from({ length: 1000 }, () => createId("event", at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("sort by the time they were made", () => {
    const earlier = createId("event", new Date("2026-01-01T00:00:00Z"));
    const later = createId("event", new Date("2026-06-01T00:00:00Z"));
    expect(earlier < later).toBe(true);
    expect(idPattern("event").test(later)).toBe(true);
  });
});
