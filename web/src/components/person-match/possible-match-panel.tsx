import type { PersonMatch } from "@linkwork/core/person/requests";
import type { Referral } from "@linkwork/core/referral/schema";
import { useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { type MatchDecision, personMatchQuery, useMatchDecision } from "../../queries/person-match";
import { Button } from "../../ui/button";
import { Table, TableCell, TableRow } from "../../ui/table";
import type { ActionFeedback } from "../feedback/action-feedback";
import { personRecordHref } from "../person-record/person-record-href";
import { QueryBoundary } from "../query-boundary";
import { explainMatch, matchFieldLabels } from "./match-labels";
import { differingFields, matchRows, nhsNumberCells } from "./match-rows";

const decided: Record<MatchDecision, string> = {
  confirm: "Confirmed: this referral is now on the existing person's record.",
  split: "This referral is kept as a different person. The existing record was not changed.",
};

/** A match decided meanwhile (in another tab, by a colleague): how, in place of the choice. */
const outcomes: Record<PersonMatch["status"], string> = {
  pending: "not yet.",
  confirmed: "confirmed as the same person.",
  split: "kept as a different person.",
};

/**
 * For a triage coordinator: the referral may be about someone already known. Their stored details
 * sit beside the referral's, differences marked, to confirm the same person or say it is not.
 */
export function PossibleMatchPanel(props: { referral: Referral; feedback: ActionFeedback }) {
  const match = useQuery(() => personMatchQuery(props.referral.id));
  const decide = useMatchDecision({
    onSuccess: (_referral, decision) => props.feedback.succeed(decided[decision]),
    onError: (error) => props.feedback.failFrom(error, () => undefined, "possible-match"),
  });
  const choose = (decision: MatchDecision) => {
    if (decide.isPending) return;
    const candidate = match.data?.candidate.personId;
    const personIds = [props.referral.personId, candidate].filter((id): id is string => id !== undefined);
    decide.mutate({ referralId: props.referral.id, version: props.referral.version, decision, personIds });
  };
  return (
    <section
      id="possible-match"
      tabindex="-1"
      class="nhsuk-card nhsuk-card--feature linkwork-possible-match"
      aria-labelledby="possible-match-heading"
      data-testid="possible-match"
    >
      <div class="nhsuk-card__content nhsuk-card__content--feature">
        <h2
          id="possible-match-heading"
          class="nhsuk-card__heading nhsuk-card__heading--feature nhsuk-heading-m"
        >
          Possible match with an existing person
        </h2>
        <QueryBoundary query={match} loading="Loading the existing person's record…">
          {(found) => {
            const shown = () => matchRows(props.referral.person, found().candidate);
            const nhsNumbers = () =>
              nhsNumberCells(props.referral.person.nhsNumber, found().candidate.nhsNumber);
            return (
              <>
                <p class="nhsuk-body">
                  {explainMatch(found().basis, differingFields(shown()), props.referral.source)}
                </p>
                <Table
                  caption="This referral and the existing record"
                  headers={["Detail", "This referral", "Existing record"]}
                >
                  <Show when={found().candidate.nhsNumber || props.referral.person.nhsNumber}>
                    <TableRow>
                      <TableCell rowHeader>NHS number</TableCell>
                      <TableCell>{nhsNumbers().referral}</TableCell>
                      <TableCell>{nhsNumbers().existing}</TableCell>
                    </TableRow>
                  </Show>
                  <For each={shown()}>
                    {(row) => (
                      <TableRow>
                        <TableCell rowHeader>
                          {matchFieldLabels[row.field]}
                          <Show when={row.differs}>
                            <span class="linkwork-cell-note">
                              <strong>Differs</strong>
                            </span>
                          </Show>
                        </TableCell>
                        <TableCell>{row.referral ?? "Not given"}</TableCell>
                        <TableCell>{row.existing ?? "Not recorded"}</TableCell>
                      </TableRow>
                    )}
                  </For>
                </Table>
                <Show
                  when={found().status === "pending"}
                  fallback={
                    <p class="nhsuk-body" data-testid="possible-match-decided">
                      <strong>This possible match has been decided:</strong> {outcomes[found().status]}
                    </p>
                  }
                >
                  <p class="nhsuk-body">
                    Confirming moves this referral to the existing record without changing its details. To
                    change the existing record,{" "}
                    <a href={personRecordHref(found().candidate.personId, props.referral.id)}>
                      correct the existing person's record
                    </a>
                    .
                  </p>
                  <div class="nhsuk-button-group">
                    <Button type="button" disabled={decide.isPending} onClick={() => choose("confirm")}>
                      Confirm: same person
                    </Button>
                    <Button
                      type="button"
                      variant="secondary"
                      disabled={decide.isPending}
                      onClick={() => choose("split")}
                    >
                      Not the same person
                    </Button>
                  </div>
                </Show>
              </>
            );
          }}
        </QueryBoundary>
      </div>
    </section>
  );
}
