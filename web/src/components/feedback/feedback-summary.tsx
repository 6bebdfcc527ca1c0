import { useQuery, useQueryClient } from "@tanstack/solid-query";
import { Match, Switch } from "solid-js";
import type { ReferralConflict } from "../../api/referral-conflict";
import { caseloadKeys } from "../../queries/caseload";
import { linkWorkerKeys } from "../../queries/link-workers";
import { meQuery } from "../../queries/me";
import { findOrganisation, organisationsQuery } from "../../queries/organisations";
import { referralKeys } from "../../queries/referrals";
import { ErrorSummary } from "../../ui/error-summary";
import { NotificationBanner } from "../../ui/notification-banner";
import type { ActionFeedback } from "./action-feedback";
import { ConflictNotice } from "./conflict-notice";
import { describeConflict } from "./describe-conflict";

/** Shows the referral as it is now, and everything that may have moved with it. */
function reloadAfterConflict(queryClient: ReturnType<typeof useQueryClient>, conflict: ReferralConflict) {
  const id = conflict.referralId;
  if (conflict.latest) queryClient.setQueryData(referralKeys.detail(id), conflict.latest);
  else void queryClient.invalidateQueries({ queryKey: referralKeys.detail(id) });
  for (const queryKey of [
    referralKeys.lists(),
    referralKeys.timeline(id),
    referralKeys.allocationOptions(id),
    caseloadKeys.mine,
    linkWorkerKeys.all,
  ]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}

/** The top of a page where people act: what went wrong (focused) or what was just done. */
export function FeedbackSummary(props: { feedback: ActionFeedback }) {
  const queryClient = useQueryClient();
  const organisations = useQuery(() => organisationsQuery());
  const me = useQuery(() => meQuery());
  const conflict = () => {
    const problem = props.feedback.problem();
    return problem?.kind === "conflict" ? problem.conflict : undefined;
  };
  const stale = () => {
    const problem = props.feedback.problem();
    return problem?.kind === "stale" ? problem : undefined;
  };
  const fieldProblems = () => {
    const problem = props.feedback.problem();
    return problem?.kind === "fields" ? problem.items : undefined;
  };
  return (
    <Switch>
      <Match when={conflict()}>
        {(current) => (
          <ConflictNotice
            {...describeConflict(
              current(),
              (id) => findOrganisation(organisations.data, id)?.name,
              me.data?.id,
            )}
            attempt={props.feedback.attempt()}
            onReload={() => {
              reloadAfterConflict(queryClient, current());
              props.feedback.clear();
            }}
          />
        )}
      </Match>
      <Match when={stale()}>
        {(current) => (
          <ConflictNotice
            heading={current().heading}
            body={current().body}
            attempt={props.feedback.attempt()}
            onReload={() => {
              current().reload();
              props.feedback.clear();
            }}
          />
        )}
      </Match>
      <Match when={fieldProblems()}>
        {(items) => <ErrorSummary items={items()} attempt={props.feedback.attempt()} />}
      </Match>
      <Match when={props.feedback.success()}>
        {(message) => (
          <NotificationBanner success focusKey={props.feedback.attempt()}>
            {message()}
          </NotificationBanner>
        )}
      </Match>
    </Switch>
  );
}
