import type { Referral } from "@linkwork/core/referral/schema";
import { For, Show } from "solid-js";
import { ageInYears, describeWait, formatShortCalendarDate, formatShortDateTime } from "../format/dates";
import { needLabels, sourceLabels } from "../labels/referral-labels";
import { Table, TableCell, TableRow } from "../ui/table";
import { Tag } from "../ui/tag";
import { PriorityTag, RiskFlagTags, StatusTag } from "./referral-tags";

const stepLabels = { triage: "Triage", acceptance: "Acceptance", first_contact: "First contact" } as const;

/** The service-level timer running now: its due time, or an overdue tag once it has passed. */
function ServiceLevel(props: { referral: Referral }) {
  return (
    <Show when={props.referral.serviceLevel}>
      {(level) => (
        <span class="linkwork-cell-note">
          <Show
            when={level().overdue}
            fallback={`${stepLabels[level().step]} due ${formatShortDateTime(level().dueAt)}`}
          >
            <Tag colour="red">{stepLabels[level().step]} overdue</Tag>
          </Show>
        </span>
      )}
    </Show>
  );
}

/** One row per referral, linking to its page; the status column is left out where every row shares it. */
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
    "Source",
    "Received",
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
              </TableCell>
              <TableCell>
                {name}
                <span class="linkwork-cell-note">
                  Born {formatShortCalendarDate(referral.person.dateOfBirth)} (age{" "}
                  {ageInYears(referral.person.dateOfBirth)})
                </span>
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
              <TableCell>{sourceLabels[referral.source]}</TableCell>
              <TableCell>
                <span class="linkwork-nowrap">{formatShortDateTime(referral.receivedAt)}</span>
                <span class="linkwork-cell-note">{describeWait(referral.receivedAt)}</span>
                <ServiceLevel referral={referral} />
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
