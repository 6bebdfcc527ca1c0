import { describe, expect, it } from "vitest";
import { malformedText } from "../src/api/well-formed-body";

describe("text that is not well-formed Unicode in a JSON body", () => {
  it("is found by its path, in strings and in keys, and paired surrogates are left alone", () => {
    const body = JSON.parse(
      '{"person":{"givenName":"Ada\\ud800","familyName":"Okafor \\ud83c\\udfb5"},"needs":["x","\\udc00"],"\\ud800":1}',
    );
    expect(malformedText(body)).toEqual(["(key)", "needs.1", "person.givenName"]);
    expect(malformedText("\ud800")).toEqual(["(body)"]);
  });

  it("is found however deep a body nests, past the depth the call stack allows", () => {
    const depth = 100_000;
    const body = JSON.parse(`${"[".repeat(depth)}"\\udfff"${"]".repeat(depth)}`);
    const [path] = malformedText(body);
    expect(path?.split(".")).toHaveLength(depth);
  });
});
