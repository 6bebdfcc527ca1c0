import { describe, expect, expectTypeOf, it } from "vitest";
import {
  eventCatalogue,
  eventTypes,
  eventTypesAbout,
  isEventOf,
  parseEvent,
  type TypedEvent,
} from "../src/event/catalogue";
import { subjectTypes } from "../src/event/definition";
import { createCheckedEvent, createEvent } from "../src/event/outbox";
import { eventSubscriber } from "../src/event/subscriber";

const at = new Date("2026-11-23T10:00:00.000Z");
const actor = { type: "system", name: "test" } as const;

const accepted = () =>
  createEvent("referral.accepted", {
    actor,
    at,
    subject: { type: "referral", id: "ref_1" },
    data: { organisationId: "org_a" },
  });

describe("the event catalogue", () => {
  it("declares for every event type a subject of a known kind and a schema for its data", () => {
    expect(eventTypes.length).toBeGreaterThan(0);
    for (const type of eventTypes) {
      expect(subjectTypes, type).toContain(eventCatalogue[type].subject);
      expect(typeof eventCatalogue[type].data.parse, type).toBe("function");
    }
  });

  it("lists by subject exactly the types the catalogue says are about it", () => {
    const aboutReferrals = eventTypesAbout("referral");
    expect(aboutReferrals).toContain("referral.received");
    expect(aboutReferrals).toContain("referral.possible_match_found");
    for (const subject of subjectTypes) {
      expect(eventTypesAbout(subject)).toEqual(
        eventTypes.filter((type) => eventCatalogue[type].subject === subject),
      );
    }
    expect(subjectTypes.flatMap((subject) => eventTypesAbout(subject)).sort()).toEqual(
      [...eventTypes].sort(),
    );
  });
});

describe("creating an event", () => {
  it("stamps the envelope and keeps the subject and data it was given", () => {
    const event = accepted();
    expect(event).toMatchObject({
      type: "referral.accepted",
      occurredAt: "2026-11-23T10:00:00.000Z",
      actor: { type: "system", id: "system:test" },
      subject: { type: "referral", id: "ref_1" },
      data: { organisationId: "org_a" },
    });
    expect(event.id).toMatch(/^evt_/);
  });

  it("refuses a subject of another kind than its type is about", () => {
    expect(() =>
      createEvent("referral.accepted", {
        actor,
        at,
        // @ts-expect-error: a referral event's subject is a referral
        subject: { type: "meeting", id: "mtg_1" },
        data: { organisationId: "org_a" },
      }),
    ).toThrow(/about a referral, not a meeting/);
  });

  it("refuses data that does not fit its type's schema", () => {
    expect(() =>
      createEvent("referral.accepted", {
        actor,
        at,
        subject: { type: "referral", id: "ref_1" },
        // @ts-expect-error: referral.accepted carries the organisation's id
        data: { organisation: "org_a" },
      }),
    ).toThrow();
  });

  it("checks data put together generically against the catalogue, refusing what does not fit", () => {
    const made = createCheckedEvent("referral.declined", {
      actor,
      at,
      subject: { type: "referral", id: "ref_1" },
      data: { organisationId: "org_a", reason: "No capacity" },
    });
    expect(made).toMatchObject({ type: "referral.declined", data: { reason: "No capacity" } });
    expect(() =>
      createCheckedEvent("referral.declined", {
        actor,
        at,
        subject: { type: "referral", id: "ref_1" },
        data: { organisationId: "org_a" },
      }),
    ).toThrow();
  });
});

describe("reading an event", () => {
  it("reads back what was made, data typed by its type once narrowed", () => {
    const made = accepted();
    const event = parseEvent(JSON.parse(JSON.stringify(made)));
    expect(event).toEqual(made);
    if (event.type !== "referral.accepted") throw new Error("narrowing failed");
    expectTypeOf(event.data).toEqualTypeOf<{ organisationId: string }>();
    expect(event.data.organisationId).toBe("org_a");
  });

  it("refuses an event whose subject is not the kind its type is about", () => {
    const event = { ...JSON.parse(JSON.stringify(accepted())), subject: { type: "meeting", id: "mtg_1" } };
    expect(() => parseEvent(event)).toThrow(/about a referral, not a meeting/);
  });

  it("refuses an unknown type, an unknown kind of subject and data that does not fit", () => {
    const good = JSON.parse(JSON.stringify(accepted()));
    expect(() => parseEvent({ ...good, type: "referral.teleported" })).toThrow();
    expect(() => parseEvent({ ...good, subject: { type: "planet", id: "p_1" } })).toThrow();
    expect(() => parseEvent({ ...good, data: { organisationId: 7 } })).toThrow();
  });

  it("narrows to the types asked for and no others", () => {
    const event = parseEvent(JSON.parse(JSON.stringify(accepted())));
    expect(isEventOf(event, ["referral.accepted", "referral.declined"])).toBe(true);
    expect(isEventOf(event, ["referral.declined"])).toBe(false);
  });
});

describe("a subscriber", () => {
  it("is given each event of its types parsed and typed", async () => {
    const seen: TypedEvent<"referral.accepted" | "referral.declined">[] = [];
    const handler = eventSubscriber(["referral.accepted", "referral.declined"], async (event) => {
      expectTypeOf(event).toEqualTypeOf<TypedEvent<"referral.accepted" | "referral.declined">>();
      seen.push(event);
    });
    await handler({ detail: JSON.parse(JSON.stringify(accepted())) });
    expect(seen).toEqual([
      expect.objectContaining({ type: "referral.accepted", data: { organisationId: "org_a" } }),
    ]);
    expect(handler.eventTypes).toEqual(["referral.accepted", "referral.declined"]);
  });

  it("fails on an event of a type it does not handle, so the delivery is retried, not dropped", async () => {
    let called = false;
    const handler = eventSubscriber(["referral.declined"], async () => {
      called = true;
    });
    await expect(handler({ detail: JSON.parse(JSON.stringify(accepted())) })).rejects.toThrow(
      /handles referral.declined, not referral.accepted/,
    );
    expect(called).toBe(false);
  });

  it("fails on a payload that does not fit the catalogue", async () => {
    const handler = eventSubscriber(["referral.accepted"], async () => undefined);
    const detail = { ...JSON.parse(JSON.stringify(accepted())), data: {} };
    await expect(handler({ detail })).rejects.toThrow();
  });
});
