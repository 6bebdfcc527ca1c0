import type { Referral } from "@linkwork/core/referral/schema";
import { useParams } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { Show } from "solid-js";
import { createActionFeedback } from "../../../components/feedback/action-feedback";
import { useArrivalConfirmation } from "../../../components/feedback/arrival-confirmation";
import { FeedbackSummary } from "../../../components/feedback/feedback-summary";
import { MessageBackPanel } from "../../../components/message-back/message-back-panel";
import { NotFound } from "../../../components/not-found";
import { OtherOpenReferrals } from "../../../components/other-open-referrals";
import { usePageTitle } from "../../../components/page-title";
import { PossibleMatchPanel } from "../../../components/person-match/possible-match-panel";
import { CorrectRecordLink } from "../../../components/person-record/correct-record-link";
import { QueryBoundary } from "../../../components/query-boundary";
import { ReferralDetails } from "../../../components/referral-details";
import { ReferralPerson } from "../../../components/referral-person";
import { StatusTag } from "../../../components/referral-tags";
import { ReferralTimeline } from "../../../components/referral-timeline";
import { ServiceLevelBreaches, ServiceLevelState } from "../../../components/service-level";
import { ReferralWork } from "../../../components/workflow/referral-work";
import { riskFlagLabels } from "../../../labels/referral-labels";
import { type Me, meQuery } from "../../../queries/me";
import { findOrganisation, organisationsQuery } from "../../../queries/organisations";
import { referralQuery } from "../../../queries/referrals";
import { BackLink } from "../../../ui/back-link";
import { WarningCallout } from "../../../ui/warning-callout";

function ReferralView(props: { referral: Referral; me: Me }) {
  const organisations = useQuery(() => organisationsQuery());
  const feedback = createActionFeedback();
  useArrivalConfirmation(feedback);
  const name = () => `${props.referral.person.givenName} ${props.referral.person.familyName}`;
  const mayReadMessageBack = () => props.referral.allowedActions.includes("read_message_back");
  const urgentRisks = () =>
    props.referral.riskFlags.filter((flag) => flag === "safeguarding" || flag === "crisis");
  usePageTitle(() => `${feedback.problem() ? "Error: " : ""}${name()}, referral ${props.referral.reference}`);
  return (
    <>
      <FeedbackSummary feedback={feedback} />
      <h1 class="nhsuk-heading-l">
        <span class="nhsuk-caption-l">Referral {props.referral.reference}</span>
        {name()}
      </h1>
      <p class="nhsuk-body linkwork-status-line">
        <StatusTag status={props.referral.status} />
        <Show when={props.referral.serviceLevel}>
          {" "}
          <ServiceLevelState referral={props.referral} />
        </Show>
      </p>
      <ServiceLevelBreaches referral={props.referral} />
      <OtherOpenReferrals referral={props.referral} />
      {/* Only those who join and separate people's records are sent a possible match or a person id. */}
      <Show when={props.referral.possibleMatch}>
        <PossibleMatchPanel referral={props.referral} feedback={feedback} />
      </Show>
      <Show when={urgentRisks().length > 0}>
        <WarningCallout heading="Important">
          <p>
            This referral is flagged:{" "}
            {urgentRisks()
              .map((flag) => riskFlagLabels[flag].toLowerCase())
              .join(" and ")}
            . Act on it first and follow your safeguarding procedures.
          </p>
        </WarningCallout>
      </Show>
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <Show when={props.referral.status === "closed" && mayReadMessageBack()}>
            <MessageBackPanel referral={props.referral} />
          </Show>
          <ReferralWork referral={props.referral} me={props.me} feedback={feedback} />
          <h2 class="nhsuk-heading-m">Referral</h2>
          <ReferralDetails
            referral={props.referral}
            organisationName={findOrganisation(organisations.data, props.referral.organisationId)?.name}
          />
          <h2 class="nhsuk-heading-m">Person</h2>
          {/* While a possible match waits, this record may be merged away: the panel offers the existing one. */}
          <Show when={!props.referral.possibleMatch && props.referral.personId}>
            {(personId) => <CorrectRecordLink personId={personId()} referralId={props.referral.id} />}
          </Show>
          <ReferralPerson person={props.referral.person} />
        </div>
        <div class="nhsuk-grid-column-one-third">
          <h2 class="nhsuk-heading-m">Timeline</h2>
          <ReferralTimeline referral={props.referral} me={props.me} />
        </div>
      </div>
    </>
  );
}

/** `/referrals/:id`: one referral; a referral outside the user's relationship is "not found", as the API says. */
export default function ReferralPage() {
  const params = useParams<{ id: string }>();
  const referral = useQuery(() => referralQuery(params.id));
  const me = useQuery(() => meQuery());
  return (
    <>
      <BackLink href="/">Back to referrals</BackLink>
      <QueryBoundary
        query={referral}
        loading="Loading the referral…"
        badIdIsNotFound
        notFound={
          <NotFound heading="Referral not found">
            <p class="nhsuk-body">
              There is no referral at this address that you can see. Check the link, or find the referral from
              your list.
            </p>
          </NotFound>
        }
      >
        {(data) => (
          <QueryBoundary query={me}>{(user) => <ReferralView referral={data()} me={user()} />}</QueryBoundary>
        )}
      </QueryBoundary>
    </>
  );
}
