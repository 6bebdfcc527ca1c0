import { personRecordHref } from "./person-record-href";

/** Under the referral's own copy of the person's details: where a coordinator corrects the stored record. */
export function CorrectRecordLink(props: { personId: string; referralId: string }) {
  return (
    <p class="nhsuk-body">
      These are the details as given on this referral.{" "}
      <a href={personRecordHref(props.personId, props.referralId)} data-testid="correct-person-record">
        Correct the person's record
      </a>
    </p>
  );
}
