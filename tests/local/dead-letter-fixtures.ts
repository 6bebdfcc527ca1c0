import { randomUUID } from "node:crypto";
import type { EventEnvelope } from "@linkwork/core/event/catalogue";

/** Events and dead letters as the redrive tests meet them. */
export function aReceivedEvent(referralId = `ref_${randomUUID()}`): EventEnvelope {
  return {
    id: `evt_${randomUUID()}`,
    type: "referral.received",
    occurredAt: "2026-11-23T09:30:15.123Z",
    actor: { type: "user", id: "usr_gp" },
    subject: { type: "referral", id: referralId },
    data: { referralId, source: "gp", practiceOds: "A81001", needs: ["housing"], riskFlags: [] },
  };
}

/** The bus as a subscriber rule delivers it, which is what both kinds of AWS dead letter carry. */
export function busEventOf(event: EventEnvelope) {
  return {
    version: "0",
    id: randomUUID(),
    "detail-type": event.type,
    source: "linkwork",
    account: "123456789012",
    time: "2026-11-23T09:30:15Z",
    region: "eu-west-2",
    resources: [],
    detail: event,
  };
}
