import { useParams } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { usePageTitle } from "../../../components/page-title";
import { QueryBoundary } from "../../../components/query-boundary";
import { referralQuery } from "../../../queries/referrals";
import { Panel } from "../../../ui/panel";

/** `/referrals/:id/sent`: the confirmation after sending a referral, with its reference to quote. */
export default function ReferralSentPage() {
  const params = useParams<{ id: string }>();
  const referral = useQuery(() => referralQuery(params.id));
  usePageTitle(() => "Referral sent");
  return (
    <QueryBoundary query={referral}>
      {(data) => (
        <div class="nhsuk-grid-row">
          <div class="nhsuk-grid-column-two-thirds">
            <Panel heading="Referral sent">
              Reference
              <br />
              <strong data-testid="referral-reference">{data().reference}</strong>
            </Panel>
            <h2 class="nhsuk-heading-m">What happens next</h2>
            <p class="nhsuk-body">
              The triage team will review the referral for {data().person.givenName}{" "}
              {data().person.familyName}, usually within 2 working days, and allocate it to the organisation
              best placed to help.
            </p>
            <p class="nhsuk-body">
              A link worker will then contact them. You can follow progress on the referral.
            </p>
            <ul class="nhsuk-list">
              <li>
                <a href={`/referrals/${data().id}`}>View the referral</a>
              </li>
              <li>
                <a href="/referrals/new">Refer someone else</a>
              </li>
              <li>
                <a href="/">Go to your referrals</a>
              </li>
            </ul>
          </div>
        </div>
      )}
    </QueryBoundary>
  );
}
