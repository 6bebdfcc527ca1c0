import { personRecordHref } from "./person-record-href";

/** A record found to be someone already known is no longer corrected: the record kept is. */
export function MergedRecord(props: { keptPersonId: string; referralId: string | undefined }) {
  return (
    <>
      <h1 class="nhsuk-heading-l">This record has been joined to another</h1>
      <p class="nhsuk-body">
        This person was found to be someone already known, so their details are kept on the other record.
        Corrections go on that record.
      </p>
      <p class="nhsuk-body">
        <a href={personRecordHref(props.keptPersonId, props.referralId)}>Correct the record that was kept</a>
      </p>
    </>
  );
}
