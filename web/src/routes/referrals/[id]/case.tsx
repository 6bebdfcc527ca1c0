import { useParams } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { CaseView } from "../../../components/case/case-view";
import { NotFound } from "../../../components/not-found";
import { QueryBoundary } from "../../../components/query-boundary";
import { caseQuery } from "../../../queries/case";
import { meQuery } from "../../../queries/me";
import { referralQuery } from "../../../queries/referrals";
import { BackLink } from "../../../ui/back-link";

/**
 * `/referrals/:id/case`: the case beside a referral, for the link worker holding it and their
 * manager. Anyone else, like the API, finds nothing here.
 */
export default function CasePage() {
  const params = useParams<{ id: string }>();
  const caseRecord = useQuery(() => caseQuery(params.id));
  const referral = useQuery(() => referralQuery(params.id));
  const me = useQuery(() => meQuery());
  const notFound = (
    <NotFound heading="Case not found">
      <p class="nhsuk-body">
        There is no case at this address that you can see. A case is open to the link worker holding it and
        their manager. Check the link, or find the person from your caseload.
      </p>
    </NotFound>
  );
  return (
    <>
      <BackLink href={`/referrals/${params.id}`}>Back to the referral</BackLink>
      <QueryBoundary query={caseRecord} loading="Loading the case…" badIdIsNotFound notFound={notFound}>
        {(current) => (
          <QueryBoundary query={referral} badIdIsNotFound notFound={notFound}>
            {(found) => (
              <QueryBoundary query={me}>
                {(user) => <CaseView referral={found()} case={current()} me={user()} />}
              </QueryBoundary>
            )}
          </QueryBoundary>
        )}
      </QueryBoundary>
    </>
  );
}
