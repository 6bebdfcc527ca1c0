import type { PersonRecord } from "@linkwork/core/person/requests";
import { describe, expect, it } from "vitest";
import { describeRecordConflict } from "../src/components/person-record/describe-record-conflict";
import { recordErrorTarget, recordFieldFor } from "../src/components/person-record/person-record-fields";
import {
  buildPersonPatch,
  recordErrorsFromDetails,
} from "../src/components/person-record/person-record-patch";
import {
  type PersonRecordValues,
  rebaseRecordValues,
  toRecordValues,
} from "../src/components/person-record/person-record-values";

const stored: PersonRecord = {
  id: "per_01",
  version: 3,
  nhsNumber: "9434765919",
  details: {
    nhsNumber: "9434765919",
    givenName: "Edith",
    familyName: "Thornton",
    dateOfBirth: "1941-06-02",
    postcode: "NS1 4AB",
    addressLine1: "12 Mill Lane",
    addressLine2: "Flat 2",
    phone: "07700 900 982",
    interpreterNeeded: false,
  },
  openReferralIds: ["ref_01"],
  createdAt: "2026-11-01T09:00:00.000Z",
  updatedAt: "2026-11-02T09:00:00.000Z",
};

const edited = (changes: Partial<PersonRecordValues>): PersonRecordValues => ({
  ...toRecordValues(stored.details),
  ...changes,
});

describe("the form for a stored record", () => {
  it("starts from every current value, the date of birth as a person would type it", () => {
    expect(toRecordValues(stored.details)).toMatchObject({
      givenName: "Edith",
      dateOfBirth: { day: "2", month: "6", year: "1941" },
      postcode: "NS1 4AB",
      addressLine2: "Flat 2",
      phone: "07700 900 982",
      email: "",
      interpreterNeeded: "no",
      sameSexWorkerRequested: "",
    });
  });
});

describe("building the change to send", () => {
  it("sends only the details that changed, normalised by the shared schema, with the version loaded", () => {
    const patch = buildPersonPatch(stored, edited({ postcode: "ns2 3pl", phone: "01632 960 001" }));
    expect(patch).toEqual({
      ok: true,
      request: { version: 3, details: { postcode: "NS2 3PL", phone: "01632 960 001" } },
      changed: ["postcode", "phone"],
      removed: [],
    });
  });

  it("never sends the NHS number", () => {
    const patch = buildPersonPatch(stored, edited({ givenName: "Edie" }));
    expect(patch.ok && patch.request.details).toEqual({ givenName: "Edie" });
  });

  it("treats a value retyped in another form of the same thing as no change", () => {
    const patch = buildPersonPatch(
      stored,
      edited({ postcode: "ns14ab", givenName: "Edith ", phone: "07700 900 982" }),
    );
    expect(patch).toEqual({
      ok: false,
      errors: [{ field: undefined, message: "Change at least one detail" }],
    });
  });

  it("reads the date boxes and sends the date when it changed", () => {
    const patch = buildPersonPatch(stored, edited({ dateOfBirth: { day: "3", month: "6", year: "1941" } }));
    expect(patch.ok && patch.request.details).toEqual({ dateOfBirth: "1941-06-03" });
  });

  it("sends a yes or no that changed as a boolean", () => {
    const patch = buildPersonPatch(
      stored,
      edited({ interpreterNeeded: "yes", sameSexWorkerRequested: "no" }),
    );
    expect(patch.ok && patch.request.details).toEqual({
      interpreterNeeded: true,
      sameSexWorkerRequested: false,
    });
  });

  it("removes a cleared address line from the record instead of storing it blank", () => {
    expect(buildPersonPatch(stored, edited({ addressLine2: "  " }))).toEqual({
      ok: true,
      request: { version: 3, details: {}, remove: ["addressLine2"] },
      changed: [],
      removed: ["addressLine2"],
    });
  });

  it("removes a cleared phone number and a cleared yes or no, in page order", () => {
    const patch = buildPersonPatch(stored, edited({ interpreterNeeded: "", phone: "" }));
    expect(patch).toMatchObject({
      ok: true,
      request: { version: 3, details: {}, remove: ["phone", "interpreterNeeded"] },
      removed: ["phone", "interpreterNeeded"],
    });
  });

  it("sends new values and removals together, and removes nothing the record did not hold", () => {
    const patch = buildPersonPatch(stored, edited({ addressLine1: "", town: "Northam", email: "" }));
    expect(patch).toEqual({
      ok: true,
      request: { version: 3, details: { town: "Northam" }, remove: ["addressLine1"] },
      changed: ["town"],
      removed: ["addressLine1"],
    });
  });

  it("never removes a required detail: clearing one is a problem on its field", () => {
    const patch = buildPersonPatch(stored, edited({ postcode: "" }));
    expect(patch).toEqual({
      ok: false,
      errors: [{ field: "postcode", message: "Enter a full UK postcode, like NS1 4AB" }],
    });
  });

  it("reports every problem with the schema's own message, one per field, in page order", () => {
    const patch = buildPersonPatch(
      stored,
      edited({
        email: "not an email",
        postcode: "nowhere",
        givenName: " ",
        dateOfBirth: { day: "2", month: "", year: "1941" },
      }),
    );
    expect(patch).toEqual({
      ok: false,
      errors: [
        { field: "givenName", message: "Enter the person's given name" },
        { field: "dateOfBirth", message: "Date of birth must include a month", dateParts: ["month"] },
        { field: "postcode", message: "Enter a full UK postcode, like NS1 4AB" },
        { field: "email", message: "Enter an email address in the correct format, like name@example.com" },
      ],
    });
  });
});

describe("placing problems on their fields", () => {
  it("reads the API's paths and the schema's alike", () => {
    expect(recordFieldFor("details.postcode")).toBe("postcode");
    expect(recordFieldFor("postcode")).toBe("postcode");
    expect(recordFieldFor("details")).toBeUndefined();
    expect(recordFieldFor("version")).toBeUndefined();
  });

  it("links the API's 400 details to their controls, and anything else to the form", () => {
    const errors = recordErrorsFromDetails([
      { path: "version", message: "Send the version of the person's record you are changing" },
      { path: "details.phone", message: "Enter a phone number, like 01632 960 001 or 07700 900 982" },
      { path: "dateOfBirth", message: "Date of birth cannot be in the future" },
    ]);
    expect(errors.map(recordErrorTarget)).toEqual([
      "person-record-form",
      "person-record-dateOfBirth-day",
      "person-record-phone",
    ]);
  });
});

describe("reloading after someone else saved the record", () => {
  const latest: PersonRecord = {
    ...stored,
    version: 4,
    details: { ...stored.details, postcode: "NS9 9ZZ", email: "edith@example.com" },
  };

  it("keeps every detail the user changed and takes the rest from the newer record", () => {
    const typed = edited({ phone: "01632 960 001", postcode: "NS2 3PL" });
    const rebased = rebaseRecordValues(toRecordValues(stored.details), typed, toRecordValues(latest.details));
    expect(rebased).toEqual({
      ...toRecordValues(latest.details),
      phone: "01632 960 001",
      postcode: "NS2 3PL",
    });
  });

  it("then sends only the user's own changes against the newer version, undoing nothing", () => {
    const typed = edited({ phone: "01632 960 001" });
    const rebased = rebaseRecordValues(toRecordValues(stored.details), typed, toRecordValues(latest.details));
    expect(buildPersonPatch(latest, rebased)).toMatchObject({
      ok: true,
      request: { version: 4, details: { phone: "01632 960 001" } },
    });
  });

  it("says which details someone else changed", () => {
    expect(describeRecordConflict(stored, latest)).toEqual({
      heading: "This person's record has changed",
      body: "Someone else changed this person's record while you were working on it: the postcode and email address are different now.",
    });
    expect(describeRecordConflict(stored, { ...latest, mergedInto: "per_02" }).heading).toBe(
      "This record has been joined to another",
    );
  });
});
