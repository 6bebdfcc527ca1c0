import { describe, expect, it } from "vitest";
import { createSubmissionKeys } from "../src/components/self-referral/submission-key";

const answers = {
  person: { givenName: "Ada", familyName: "Okafor", email: "ada@example.com" },
  reason: "I have been feeling lonely.",
  needs: ["loneliness_isolation"],
};

describe("the self-referral form's Idempotency-Key", () => {
  it("is the same when the same answers are sent again, so a retry returns the first reference", () => {
    const keys = createSubmissionKeys();
    const first = keys.keyFor(answers);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys.keyFor(structuredClone(answers))).toBe(first);
  });

  it("is new when the answers change, since that is a new submission", () => {
    const keys = createSubmissionKeys();
    const first = keys.keyFor(answers);
    const changed = keys.keyFor({ ...answers, reason: "I have been feeling lonely and low." });
    expect(changed).not.toBe(first);
    expect(keys.keyFor({ ...answers, reason: "I have been feeling lonely and low." })).toBe(changed);
  });

  it("is never shared between two forms", () => {
    expect(createSubmissionKeys().keyFor(answers)).not.toBe(createSubmissionKeys().keyFor(answers));
  });
});
