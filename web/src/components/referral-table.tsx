import type { Referral } from "@linkwork/core/referral/schema";
import { For, Show } from "solid-js";
import { ageInYears, describeWait, formatShortCalendarDate, formatShortDateTime } from "../format/dates";
import { needLabels, sourceLabels } from "../labels/referral-labels";
import { Table, TableCell, TableRow } from "../ui/table";
import { Tag } from "../ui/tag";
import { PossibleMatchTag } from "./person-match/possible-match-tag";
import { PriorityTag, RiskFlagTags, StatusTag } from "./referral-tags";
import { ServiceLevelCell } from "./service-level";

/** A referral waits until a link worker holds it; after that (or once it ends) it is not "waiting". */
const waitingStatuses: readonly Referral["status"][] = ["received", "triaged", "allocated", "accepted"];
const stillWaiting = (referral: Referral) => waitingStatuses.includes(referral.status);

/**
 * One row per referral in the API's order (priority, or risk before triage, then age), linking to
 * its page; the status column is left out where every row shares it.
 */
export function ReferralTable(props: {
  caption: string;
  referrals: readonly Referral[];
  showStatus?: boolean;
}) {
  const headers = () => [
    "Reference",
    "Person",
    "Needs",
    "Risks",
    "Priority",
    "Received",
    "Due",
    ...(props.showStatus ? ["Status"] : []),
  ];
  return (
    <Table caption={props.caption} hideCaption headers={headers()}>
      <For each={props.referrals}>
        {(referral) => {
          const name = `${referral.person.givenName} ${referral.person.familyName}`;
          return (
            <TableRow>
              <TableCell rowHeader>
                <a href={`/referrals/${referral.id}`}>
                  <span class="linkwork-nowrap">{referral.reference}</span>
                  <span class="nhsuk-u-visually-hidden"> for {name}</span>
                </a>
                <span class="linkwork-cell-note">{sourceLabels[referral.source]}</span>
              </TableCell>
              <TableCell>
                {name}
                <span class="linkwork-cell-note">
                  Born {formatShortCalendarDate(referral.person.dateOfBirth)} (age{" "}
                  {ageInYears(referral.person.dateOfBirth)})
                </span>
                <Show when={referral.hasOtherOpenReferrals}>
                  <span class="linkwork-cell-note">
                    <Tag colour="orange">Also has an open referral</Tag>
                  </span>
                </Show>
                <Show when={referral.possibleMatch}>
                  <span class="linkwork-cell-note">
                    <PossibleMatchTag />
                  </span>
                </Show>
              </TableCell>
              <TableCell>
                <ul class="nhsuk-list linkwork-compact-list">
                  <For each={referral.needs}>{(need) => <li>{needLabels[need]}</li>}</For>
                </ul>
              </TableCell>
              <TableCell>
                <RiskFlagTags flags={referral.riskFlags} />
              </TableCell>
              <TableCell>
                <PriorityTag priority={referral.priority} />
              </TableCell>
              <TableCell>
                <span class="linkwork-nowrap">{formatShortDateTime(referral.receivedAt)}</span>
                <Show when={stillWaiting(referral)}>
                  <span class="linkwork-cell-note">{describeWait(referral.receivedAt)}</span>
                </Show>
              </TableCell>
              <TableCell>
                <ServiceLevelCell referral={referral} />
              </TableCell>
              <Show when={props.showStatus}>
                <TableCell>
                  <StatusTag status={referral.status} />
                </TableCell>
              </Show>
            </TableRow>
          );
        }}
      </For>
    </Table>
  );
}
