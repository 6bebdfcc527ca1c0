import type { Escalation } from "@linkwork/core/casework/schema";
import { For, Show } from "solid-js";
import type { DraftAddress } from "../../drafts/draft-storage";
import { formatDateTime } from "../../format/dates";
import { escalationTargetPhrases } from "../../labels/casework-labels";
import { Tag } from "../../ui/tag";
import type { ActionFeedback } from "../feedback/action-feedback";
import { ResolveEscalation } from "./resolve-escalation";

/** The case's escalations, open ones first: who raised what, when, and how it was resolved. */
export function EscalationList(props: {
  escalations: readonly Escalation[];
  referralId: string;
  mayResolve: boolean;
  draft: Omit<DraftAddress, "form">;
  feedback: ActionFeedback;
}) {
  return (
    <Show when={props.escalations.length > 0} fallback={<p class="nhsuk-body">Nothing escalated.</p>}>
      <ul class="nhsuk-list linkwork-case-list" aria-label="Escalations" data-testid="escalation-list">
        <For each={props.escalations}>
          {(escalation) => (
            <li class="linkwork-case-list__item">
              <p class="nhsuk-body nhsuk-u-margin-bottom-1">
                <strong>{escalationTargetPhrases[escalation.to]}</strong>{" "}
                <Tag
                  colour={
                    escalation.status === "open"
                      ? escalation.to === "safeguarding"
                        ? "red"
                        : "orange"
                      : "grey"
                  }
                >
                  {escalation.status === "open" ? "Open" : "Resolved"}
                </Tag>
              </p>
              <p class="nhsuk-body-s linkwork-preserve-lines nhsuk-u-margin-bottom-1">{escalation.note}</p>
              <p class="nhsuk-body-s linkwork-secondary nhsuk-u-margin-bottom-0">
                Raised {formatDateTime(escalation.raisedAt)} by {escalation.raisedByName ?? "a link worker"}
                <Show when={escalation.resolvedAt}>
                  {(resolvedAt) => (
                    <>
                      . Resolved {formatDateTime(resolvedAt())}
                      {escalation.resolvedByName ? ` by ${escalation.resolvedByName}` : ""}
                      {escalation.resolutionNote ? `: ${escalation.resolutionNote}` : ""}
                    </>
                  )}
                </Show>
              </p>
              <Show when={props.mayResolve && escalation.status === "open"}>
                <ResolveEscalation
                  escalation={escalation}
                  referralId={props.referralId}
                  draft={props.draft}
                  feedback={props.feedback}
                />
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
