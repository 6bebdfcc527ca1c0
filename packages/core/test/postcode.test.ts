import { describe, expect, it } from "vitest";
import { normalisePostcode, postcodeDistrict } from "../src/person/domain/postcode";

describe("postcodes", () => {
  it.each([
    ["ns1 4ab", "NS1 4AB"],
    ["SW1A1AA", "SW1A 1AA"],
    [" m1  1ae ", "M1 1AE"],
    ["B33 8TH", "B33 8TH"],
    ["CR2 6XH", "CR2 6XH"],
    ["DN55 1PT", "DN55 1PT"],
  ])("normalises %s to %s", (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  it.each(["", "nowhere", "12345", "NS1", "NS1 4A", "NS1 44B"])("refuses %j", (input) => {
    expect(normalisePostcode(input)).toBeUndefined();
  });

  it("takes the district from the outward code", () => {
    expect(postcodeDistrict("NS1 4AB")).toBe("NS1");
    expect(postcodeDistrict("SW1A 1AA")).toBe("SW1A");
  });
});
