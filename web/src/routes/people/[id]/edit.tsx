import type { PersonRecord } from "@linkwork/core/person/requests";
import { useNavigate, useParams, useSearchParams } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { Show } from "solid-js";
import { withConfirmation } from "../../../components/feedback/arrival-confirmation";
import { NotFound } from "../../../components/not-found";
import { MergedRecord } from "../../../components/person-record/merged-record";
import { listFieldNames, type RecordField } from "../../../components/person-record/person-record-fields";
import { PersonRecordForm } from "../../../components/person-record/person-record-form";
import { referralHref } from "../../../components/person-record/person-record-href";
import { QueryBoundary } from "../../../components/query-boundary";
import { RoleGate } from "../../../components/role-gate";
import { personRecordQuery } from "../../../queries/person-record";
import { BackLink } from "../../../ui/back-link";

function savedMessage(record: PersonRecord, changed: RecordField[]): string {
  const name = `${record.details.givenName} ${record.details.familyName}`;
  return `${name}'s record now has the new ${listFieldNames(changed)}. This referral keeps the details as they were referred.`;
}

function CorrectPersonRecord(props: { personId: string; referralId: string | undefined }) {
  const record = useQuery(() => personRecordQuery(props.personId));
  const navigate = useNavigate();
  return (
    <QueryBoundary
      query={record}
      loading="Loading the person's record…"
      notFound={
        <NotFound heading="Person not found">
          <p class="nhsuk-body">There is no person's record at this address. Check the link.</p>
        </NotFound>
      }
    >
      {(data) => (
        <Show
          when={data().mergedInto}
          fallback={
            <PersonRecordForm
              record={data()}
              cancelHref={props.referralId ? referralHref(props.referralId) : "/"}
              onSaved={(saved, changed) => {
                const referralId = props.referralId ?? saved.openReferralIds[0];
                navigate(
                  referralId ? referralHref(referralId) : "/",
                  withConfirmation(savedMessage(saved, changed)),
                );
              }}
            />
          }
        >
          {(keptPersonId) => <MergedRecord keptPersonId={keptPersonId()} referralId={props.referralId} />}
        </Show>
      )}
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
