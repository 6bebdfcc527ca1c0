import { For, Show } from "solid-js";
import { formatCalendarDate, formatDateTime } from "../../format/dates";
import { formatNhsNumber } from "../../format/nhs-number";
import type { MessageBack } from "../../queries/message-back";
import { SummaryList, SummaryRow } from "../../ui/summary-list";
import { Table, TableCell, TableRow } from "../../ui/table";
import { DomainSnapshots } from "./domain-snapshots";
import { MeasureResults } from "./measure-results";

const dateOf = (instant: string | undefined) => (instant ? formatDateTime(instant) : "Not recorded");

/** "Dr Priya Shah, Riverside Surgery", from whichever of the two the referral recorded. */
function referrerOf(message: MessageBack): string {
  const parts = [message.referrer?.name, message.referrer?.organisationName].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : message.source.text;
}

/**
 * The message back to the GP and referrer when social prescribing support ends, laid out after
 * the PRSB Social Prescribing Information Standard's "message back": who, when, what support was
 * given, the connections made, outcome measures with their change, why it closed, and the codes
 * for the GP record. The same page prints onto A4.
 */
export function MessageBackDocument(props: { message: MessageBack }) {
  const message = () => props.message;
  const supportedBy = () =>
    [message().linkWorker?.name, message().organisation?.name].filter(Boolean).join(", ") || "Not recorded";
  const hasDomainMeasure = () => message().measures.some((measure) => measure.tool === "domains");
  return (
    <article class="linkwork-message-back" data-testid="message-back" aria-labelledby="message-back-heading">
      <h1 class="nhsuk-heading-l" id="message-back-heading">
        <span class="nhsuk-caption-l">Referral {message().reference}</span>
        Social prescribing: message back
      </h1>
      <p class="nhsuk-body-l">
        Social prescribing support for {message().person.name} ended on {dateOf(message().closedAt)}:{" "}
        {message().closureReasonText.toLowerCase()}.
      </p>

      <h2 class="nhsuk-heading-m">About the person</h2>
      <SummaryList>
        <SummaryRow key="Name">{message().person.name}</SummaryRow>
        <SummaryRow key="NHS number">
          <Show when={message().person.nhsNumber} fallback="Not recorded">
            {(nhsNumber) => formatNhsNumber(nhsNumber())}
          </Show>
        </SummaryRow>
        <SummaryRow key="Date of birth">{formatCalendarDate(message().person.dateOfBirth)}</SummaryRow>
        <Show when={message().practiceOds}>
          {(ods) => <SummaryRow key="GP practice (ODS code)">{ods()}</SummaryRow>}
        </Show>
      </SummaryList>

      <h2 class="nhsuk-heading-m">The referral</h2>
      <SummaryList>
        <SummaryRow key="Referred by">{referrerOf(message())}</SummaryRow>
        <SummaryRow key="Received">{dateOf(message().receivedAt)}</SummaryRow>
        <SummaryRow key="Needs">
          <Show when={message().needs.length > 0} fallback="Not recorded">
            <ul class="nhsuk-list linkwork-compact-list">
              <For each={message().needs}>{(need) => <li>{need.text}</li>}</For>
            </ul>
          </Show>
        </SummaryRow>
        <SummaryRow key="Supported by">{supportedBy()}</SummaryRow>
        <SummaryRow key="Support level">{message().supportLevel?.text ?? "Not recorded"}</SummaryRow>
      </SummaryList>

      <h2 class="nhsuk-heading-m">Support given</h2>
      <SummaryList>
        <SummaryRow key="First contact">{dateOf(message().firstContactAt)}</SummaryRow>
        <SummaryRow key="Contacts">
          {message().contactsMade} made ({message().contactAttempts} including attempts)
        </SummaryRow>
        <SummaryRow key="Support ended">{dateOf(message().closedAt)}</SummaryRow>
        <SummaryRow key="Why support ended">{message().closureReasonText}</SummaryRow>
      </SummaryList>
      <h3 class="nhsuk-heading-s">Summary from the link worker</h3>
      <p
        class="nhsuk-body linkwork-preserve-lines nhsuk-u-margin-bottom-5"
        data-testid="message-back-summary"
      >
        {message().summary}
      </p>

      <Show when={message().goals.length > 0}>
        <Table caption="The person's goals" headers={["Goal", "Importance to them", "Outcome"]}>
          <For each={message().goals}>
            {(goal) => (
              <TableRow>
                <TableCell rowHeader>{goal.text}</TableCell>
                <TableCell>{goal.importance} out of 10</TableCell>
                <TableCell>{goal.statusText}</TableCell>
              </TableRow>
            )}
          </For>
        </Table>
      </Show>

      <h2 class="nhsuk-heading-m">Connections made</h2>
      <Show
        when={message().connections.length > 0}
        fallback={<p class="nhsuk-body">No onward referrals were made.</p>}
      >
        <Table
          caption="Services the person was connected to"
          hideCaption
          headers={["Service", "Sector", "For", "Outcome"]}
        >
          <For each={message().connections}>
            {(connection) => (
              <TableRow>
                <TableCell rowHeader>{connection.serviceName}</TableCell>
                <TableCell>{connection.sectorText}</TableCell>
                <TableCell>{connection.needText}</TableCell>
                <TableCell>
                  {connection.statusText}
                  <span class="linkwork-cell-note">since {formatDateTime(connection.since)}</span>
                </TableCell>
              </TableRow>
            )}
          </For>
        </Table>
      </Show>

      <h2 class="nhsuk-heading-m">Outcome measures</h2>
      <MeasureResults measures={message().measures} />
      <Show when={!hasDomainMeasure()}>
        <DomainSnapshots baseline={message().domains.baseline} final={message().domains.final} />
      </Show>

      <Show when={message().escalations.length > 0}>
        <h2 class="nhsuk-heading-m">Escalations during support</h2>
        <ul class="nhsuk-list nhsuk-list--bullet">
          <For each={message().escalations}>
            {(escalation) => (
              <li>
                {escalation.toText}, {dateOf(escalation.raisedAt)}
                {escalation.status === "resolved" ? " (resolved)" : " (still open)"}
              </li>
            )}
          </For>
        </ul>
      </Show>

      <h2 class="nhsuk-heading-m">Codes for the GP record</h2>
      <Table caption="SNOMED CT codes" hideCaption headers={["SNOMED CT code", "Meaning"]}>
        <For each={message().codes}>
          {(code) => (
            <TableRow>
              <TableCell rowHeader>
                <span class="linkwork-nowrap" data-testid="snomed-code">
                  {code.code}
                </span>
              </TableCell>
              <TableCell>{code.display}</TableCell>
            </TableRow>
          )}
        </For>
      </Table>
      <p class="nhsuk-body-s linkwork-secondary">Prepared {dateOf(message().generatedAt)} by Linkwork.</p>
    </article>
  );
}
