import type { PersonRecord } from "@linkwork/core/person/requests";
import { useNavigate, useParams, useSearchParams } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { Show, untrack } from "solid-js";
import { withConfirmation } from "../../../components/feedback/arrival-confirmation";
import { NotFound } from "../../../components/not-found";
import { MergedRecord } from "../../../components/person-record/merged-record";
import { listFieldNames } from "../../../components/person-record/person-record-fields";
import { PersonRecordForm, type SavedChange } from "../../../components/person-record/person-record-form";
import { referralHref } from "../../../components/person-record/person-record-href";
import { QueryBoundary } from "../../../components/query-boundary";
import { RoleGate } from "../../../components/role-gate";
import { personRecordQuery } from "../../../queries/person-record";
import { BackLink } from "../../../ui/back-link";

function savedMessage(record: PersonRecord, { changed, removed }: SavedChange): string {
  const name = `${record.details.givenName} ${record.details.familyName}`;
  const parts = [
    ...(changed.length > 0 ? [`now has the new ${listFieldNames(changed)}`] : []),
    ...(removed.length > 0 ? [`no longer has the ${listFieldNames(removed)}`] : []),
  ];
  return `${name}'s record ${parts.join(" and ")}. This referral keeps the details as they were referred.`;
}

function CorrectPersonRecord(props: { personId: string; referralId: string | undefined }) {
  const record = useQuery(() => personRecordQuery(props.personId));
  const navigate = useNavigate();
  return (
    <QueryBoundary
      query={record}
      loading="Loading the person's record…"
      badIdIsNotFound
      notFound={
        <NotFound heading="Person not found">
          <p class="nhsuk-body">There is no person's record at this address. Check the link.</p>
        </NotFound>
      }
    >
      {(data) => {
        // Merged since the form was shown: the notice replaces the form, and takes its focus.
        const shownAsForm = untrack(() => !data().mergedInto);
        return (
          <Show
            when={data().mergedInto}
            fallback={
              <PersonRecordForm
                record={data()}
                cancelHref={props.referralId ? referralHref(props.referralId) : "/"}
                onSaved={(saved, change) => {
                  const referralId = props.referralId ?? saved.openReferralIds[0];
                  navigate(
                    referralId ? referralHref(referralId) : "/",
                    withConfirmation(savedMessage(saved, change)),
                  );
                }}
              />
            }
          >
            {(keptPersonId) => (
              <MergedRecord
                keptPersonId={keptPersonId()}
                referralId={props.referralId}
                takeFocus={shownAsForm}
              />
            )}
          </Show>
        );
      }}
    </QueryBoundary>
  );
}

/** `/people/:id/edit?referral=`: a triage coordinator corrects a person's stored record. */
export default function PersonRecordPage() {
  const params = useParams<{ id: string }>();
  const [search] = useSearchParams<{ referral?: string }>();
  const referralId = () =>
    typeof search.referral === "string" && search.referral ? search.referral : undefined;
  return (
    <>
      <Show when={referralId()} fallback={<BackLink href="/">Back to referrals</BackLink>}>
        {(id) => <BackLink href={referralHref(id())}>Back to the referral</BackLink>}
      </Show>
      <RoleGate roles={["triage_coordinator"]} page="Correcting a person's record">
        {() => <CorrectPersonRecord personId={params.id} referralId={referralId()} />}
      </RoleGate>
    </>
  );
}
