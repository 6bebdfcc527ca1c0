import { onMount } from "solid-js";
import { usePageTitle } from "../page-title";
import { personRecordHref } from "./person-record-href";

const heading = "This record has been joined to another";

/**
 * A record found to be someone already known is no longer corrected: the record kept is. When it
 * replaces the form (a reload found the record merged meanwhile), focus moves to its heading so
 * the change is announced rather than lost.
 */
export function MergedRecord(props: {
  keptPersonId: string;
  referralId: string | undefined;
  takeFocus: boolean;
}) {
  let title: HTMLHeadingElement | undefined;
  usePageTitle(() => heading);
  onMount(() => {
    if (props.takeFocus) title?.focus();
  });
  return (
    <>
      <h1 class="nhsuk-heading-l" tabindex="-1" ref={title} data-testid="merged-record-heading">
        {heading}
      </h1>
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
