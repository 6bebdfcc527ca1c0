import { needLabels } from "../referral/labels";
import type { NeedDomain } from "../referral/schema";
import { type PdfBlock, writePdf } from "./pdf";
import type { MessageBack } from "./schema";
import { dateInWords, domainStatusLabels } from "./words";

const nhsNumberInGroups = (nhsNumber: string) =>
  nhsNumber.replace(/\s/g, "").replace(/^(\d{3})(\d{3})(\d{4})$/, "$1 $2 $3");

/** A date of birth (YYYY-MM-DD) in words, without a time zone to shift it. */
function birthDateInWords(date: string): string {
  return dateInWords(`${date}T12:00:00.000Z`);
}

function domainLines(messageBack: MessageBack): PdfBlock[] {
  const { baseline, final } = messageBack.domains;
  if (!baseline) return [];
  const needs = Object.keys(baseline.statuses) as NeedDomain[];
  return [
    { kind: "heading", text: "Need domains" },
    ...needs.map((need): PdfBlock => {
      const before = baseline.statuses[need];
      const after = final?.statuses[need];
      const from = before ? domainStatusLabels[before] : "not assessed";
      return {
        kind: "field",
        label: needLabels[need],
        value: after ? `${from} at baseline, ${domainStatusLabels[after]} at the end` : `${from} at baseline`,
      };
    }),
  ];
}

/** The message back laid out for print: the same facts, in the same order, as the printable page. */
export function messageBackBlocks(messageBack: MessageBack): PdfBlock[] {
  const { person } = messageBack;
  return [
    { kind: "title", text: "Social prescribing: message back to the GP" },
    {
      kind: "text",
      text: `Reference ${messageBack.reference}. Support ended on ${dateInWords(messageBack.closedAt)}.`,
    },
    { kind: "heading", text: "Person" },
    { kind: "field", label: "Name", value: person.name },
    {
      kind: "field",
      label: "NHS number",
      value: person.nhsNumber ? nhsNumberInGroups(person.nhsNumber) : "Not known",
    },
    { kind: "field", label: "Date of birth", value: birthDateInWords(person.dateOfBirth) },
    ...(messageBack.practiceOds
      ? [{ kind: "field", label: "GP practice", value: messageBack.practiceOds } as const]
      : []),
    { kind: "heading", text: "Referral" },
    { kind: "field", label: "Referred by", value: referrerWords(messageBack) },
    { kind: "field", label: "Received", value: dateInWords(messageBack.receivedAt) },
    ...(messageBack.organisation
      ? [{ kind: "field", label: "Supported by", value: messageBack.organisation.name } as const]
      : []),
    ...(messageBack.linkWorker
      ? [{ kind: "field", label: "Link worker", value: messageBack.linkWorker.name } as const]
      : []),
    {
      kind: "field",
      label: "First contact",
      value: messageBack.firstContactAt ? dateInWords(messageBack.firstContactAt) : "No contact was made",
    },
    { kind: "field", label: "Support ended", value: dateInWords(messageBack.closedAt) },
    { kind: "field", label: "Reason", value: messageBack.closureReasonText },
    { kind: "heading", text: "Summary" },
    { kind: "text", text: messageBack.summary || "No summary was given." },
    { kind: "heading", text: "Support given" },
    ...(messageBack.supportLevel
      ? [{ kind: "field", label: "Level", value: messageBack.supportLevel.text } as const]
      : []),
    {
      kind: "field",
      label: "Needs",
      value: messageBack.needs.map((need) => need.text).join(", ") || "None recorded",
    },
    {
      kind: "field",
      label: "Contacts",
      value: `${messageBack.contactsMade} made, of ${messageBack.contactAttempts} contacts and attempts`,
    },
    ...(messageBack.goals.length > 0
      ? [
          { kind: "heading", text: "Goals" } as const,
          ...messageBack.goals.map(
            (goal): PdfBlock => ({
              kind: "bullet",
              text: `${goal.text} (importance ${goal.importance} of 10): ${goal.statusText.toLowerCase()}`,
            }),
          ),
        ]
      : []),
    { kind: "heading", text: "Connections made" },
    ...(messageBack.connections.length > 0
      ? messageBack.connections.map(
          (connection): PdfBlock => ({
            kind: "bullet",
            text: `${connection.serviceName} (${connection.sectorText}), for ${connection.needText.toLowerCase()}: ${connection.statusText.toLowerCase()} on ${dateInWords(connection.since)}`,
          }),
        )
      : [{ kind: "text", text: "No onward referrals were made." } as const]),
    { kind: "heading", text: "Outcome measures" },
    ...(messageBack.measures.filter((measure) => measure.tool !== "domains").length > 0
      ? messageBack.measures
          .filter((measure) => measure.tool !== "domains")
          .map((measure): PdfBlock => ({ kind: "field", label: measure.name, value: measure.description }))
      : [{ kind: "text", text: "No wellbeing measures were recorded." } as const]),
    ...domainLines(messageBack),
    ...(messageBack.escalations.length > 0
      ? [
          { kind: "heading", text: "Escalations" } as const,
          ...messageBack.escalations.map(
            (escalation): PdfBlock => ({
              kind: "bullet",
              text: `${escalation.toText} on ${dateInWords(escalation.raisedAt)}${escalation.resolvedAt ? `, resolved on ${dateInWords(escalation.resolvedAt)}` : ", still open"}`,
            }),
          ),
        ]
      : []),
    { kind: "heading", text: "Codes for the GP record (SNOMED CT)" },
    ...messageBack.codes.map((code): PdfBlock => ({ kind: "field", label: code.code, value: code.display })),
  ];
}

function referrerWords(messageBack: MessageBack): string {
  const { referrer, source } = messageBack;
  if (!referrer) return source.text;
  const who = [referrer.name, referrer.organisationName].filter(Boolean).join(", ");
  return `${who} (${source.text})`;
}

/** The message back as a PDF file. */
export function messageBackPdf(messageBack: MessageBack): Uint8Array<ArrayBuffer> {
  return writePdf({
    title: `Message back ${messageBack.reference}`,
    footer: `Linkwork message back ${messageBack.reference}, ${messageBack.person.name}`,
    blocks: messageBackBlocks(messageBack),
    alteredTextNotice:
      "Some characters could not be shown in this PDF's font and were replaced with the nearest plain letters. The printable page in Linkwork shows every name exactly.",
  });
}
