import { describe, expect, it } from "vitest";
import shippedPack from "../../../content/measures/swemwbs.json";
import { measureToolDefinition, parseSwemwbsPack, toolsFor } from "../src/casework/measure-tools";

describe("the SWEMWBS content pack", () => {
  it("ships as a marked placeholder: seven numbered statements and neutral answer labels", () => {
    const swemwbs = parseSwemwbsPack(shippedPack);
    expect(swemwbs.placeholder).toBe(true);
    expect(swemwbs.items.map((item) => item.text)).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map(
        (position) => `Statement ${position} of 7 — licensed wording not included; see docs/measures.md`,
      ),
    );
    expect(swemwbs.scale.map((answer) => answer.label)).toEqual(
      [1, 2, 3, 4, 5].map((value) => `Response ${value} of 5 (placeholder label)`),
    );
    expect(measureToolDefinition("swemwbs")).toEqual(swemwbs);
  });

  it("takes a deployer's pack of the same shape, and refuses one that would misnumber the answers", () => {
    const licensed = {
      ...shippedPack,
      placeholder: false,
      items: shippedPack.items.map((item, index) => ({ ...item, text: `Deployer statement ${index + 1}` })),
    };
    expect(parseSwemwbsPack(licensed)).toMatchObject({ placeholder: false, items: licensed.items });
    expect(() => parseSwemwbsPack({ ...shippedPack, items: shippedPack.items.slice(0, 6) })).toThrow(/seven/);
    expect(() => parseSwemwbsPack({ ...shippedPack, scale: shippedPack.scale.slice(1) })).toThrow(/five/);
  });
});

describe("the tools an area offers", () => {
  it("lists the area's wellbeing measures in its order, then need domains, which every case records", () => {
    expect(toolsFor(["ons4"]).map((tool) => tool.tool)).toEqual(["ons4", "domains"]);
    expect(toolsFor(["swemwbs", "ons4"]).map((tool) => tool.tool)).toEqual(["swemwbs", "ons4", "domains"]);
  });

  it("asks ONS4's four published questions on a 0-10 scale, with the licence it is reproduced under", () => {
    const ons4 = measureToolDefinition("ons4");
    expect(ons4.items).toHaveLength(4);
    expect(ons4.scale.map((answer) => answer.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ons4.notice).toContain("Open Government Licence v3.0");
  });
});
