import type { PersonRecord } from "@linkwork/core/person/requests";
import type { RecordConflict } from "./create-person-record-form";
import { listFieldNames } from "./person-record-fields";
import { changedDetails } from "./person-record-patch";

const opening = "Someone else changed this person's record while you were working on it";

/** What to tell a coordinator whose save lost a race: which details someone else changed, in words. */
export function describeRecordConflict(
  loaded: PersonRecord,
  latest: PersonRecord | undefined,
): RecordConflict {
  if (!latest) {
    return { heading: "This person's record has changed", body: `${opening}.` };
  }
  if (latest.mergedInto) {
    return {
      heading: "This record has been joined to another",
      body: "While you were working on it, this person was found to be someone already known. Corrections now go on the record that was kept.",
      afterReload:
        "This record can no longer be changed, so what you entered was not saved. Reload to find the record that was kept, and make your changes there.",
    };
  }
  const changed = changedDetails(loaded.details, latest.details);
  const what =
    changed.length === 0
      ? ""
      : `: the ${listFieldNames(changed)} ${changed.length === 1 ? "is" : "are"} different now`;
  return { heading: "This person's record has changed", body: `${opening}${what}.` };
}
