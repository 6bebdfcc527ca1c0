import type { Referral } from "@linkwork/core/referral/schema";
import { For, Show } from "solid-js";
import { formatDateTime } from "../format/dates";
import { optionalLabel } from "../labels/optional-label";
import { closureReasonLabels, needLabels, sourceLabels, supportLevelLabels } from "../labels/referral-labels";
import { SummaryList, SummaryRow } from "../ui/summary-list";
import { PriorityTag, RiskFlagTags } from "./referral-tags";

/** When each step so far happened, in the order they happen. */
function milestones(referral: Referral): { label: string; at: string }[] {
  const steps: [string, string | undefined][] = [
    ["Triaged", referral.triagedAt],
    ["Allocated", referral.allocatedAt],
    ["Accepted", referral.acceptedAt],
    ["Picked up", referral.assignedAt],
    ["First contact", referral.firstContactAt],
    ["Closed", referral.closedAt],
  ];
  return steps.flatMap(([label, at]) => (at ? [{ label, at }] : []));
}

/** What was asked for and where the referral has got to. */
export function ReferralDetails(props: { referral: Referral; organisationName?: string | undefined }) {
  const referral = () => props.referral;
  return (
    <SummaryList>
      <SummaryRow key="Reference">{referral().reference}</SummaryRow>
      <SummaryRow key="Received">{formatDateTime(referral().receivedAt)}</SummaryRow>
      <SummaryRow key="Source">{sourceLabels[referral().source]}</SummaryRow>
      <SummaryRow key="GP practice (ODS code)">{referral().practiceOds ?? "Not given"}</SummaryRow>
      <SummaryRow key="Reason for referral">
        <p class="linkwork-preserve-lines">{referral().reason}</p>
      </SummaryRow>
      <SummaryRow key="Needs">
        <ul class="nhsuk-list">
          <For each={referral().needs}>{(need) => <li>{needLabels[need]}</li>}</For>
        </ul>
      </SummaryRow>
      <SummaryRow key="Risks">
        <RiskFlagTags flags={referral().riskFlags} none="None recorded" />
      </SummaryRow>
      <SummaryRow key="Priority">
        <PriorityTag priority={referral().priority} />
      </SummaryRow>
      <SummaryRow key="Support level">
        {optionalLabel(supportLevelLabels, referral().supportLevel, "Not set")}
      </SummaryRow>
      <Show when={referral().organisationId}>
        <SummaryRow key="Allocated to">{props.organisationName ?? "Another organisation"}</SummaryRow>
      </Show>
      <Show when={referral().triageNote}>
        {(note) => (
          <SummaryRow key="Note from triage">
            <p class="linkwork-preserve-lines">{note()}</p>
          </SummaryRow>
        )}
      </Show>
      <For each={milestones(referral())}>
        {(milestone) => <SummaryRow key={milestone.label}>{formatDateTime(milestone.at)}</SummaryRow>}
      </For>
      <Show when={referral().closureReason}>
        {(reason) => <SummaryRow key="Closure reason">{closureReasonLabels[reason()]}</SummaryRow>}
      </Show>
      <SummaryRow key="Consent to share">
        {referral().consent.shareWithProviders
          ? "Yes, the person agrees to share their details with support providers"
          : "No, the person has not agreed to share their details"}
      </SummaryRow>
    </SummaryList>
  );
}
