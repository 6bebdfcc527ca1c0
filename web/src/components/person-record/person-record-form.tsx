import type { PersonRecord } from "@linkwork/core/person/requests";
import { useQueryClient } from "@tanstack/solid-query";
import { createSignal, Show } from "solid-js";
import { isApiError } from "../../api/api-error";
import { isPersonRecordConflict } from "../../api/person-record-conflict";
import { formatDateTime } from "../../format/dates";
import { formatNhsNumber } from "../../format/nhs-number";
import { personRecordQuery } from "../../queries/person-record";
import { useUpdatePersonRecord } from "../../queries/update-person-record";
import { Button } from "../../ui/button";
import { ErrorSummary } from "../../ui/error-summary";
import { InsetText } from "../../ui/inset-text";
import { NotificationBanner } from "../../ui/notification-banner";
import { SummaryList, SummaryRow } from "../../ui/summary-list";
import { ConflictNotice } from "../feedback/conflict-notice";
import { usePageTitle } from "../page-title";
import { ContactSection } from "../referral-form/contact-section";
import { CommunicationFields } from "./communication-fields";
import { createPersonRecordForm } from "./create-person-record-form";
import { describeRecordConflict } from "./describe-record-conflict";
import { IdentityFields } from "./identity-fields";
import { type RecordField, recordErrorTarget, recordFormId } from "./person-record-fields";
import { buildPersonPatch, recordErrorsFromDetails } from "./person-record-patch";

/** What a save changed: the details given new values and the ones removed from the record. */
export interface SavedChange {
  changed: RecordField[];
  removed: RecordField[];
}

/**
 * Corrects a person's stored record: starts from the record as loaded, checks every detail with
 * the API's own schema, and sends only what changed (a cleared detail as a removal), with the
 * version it started from. If someone else saved the record meanwhile, reloading keeps everything
 * the user typed.
 */
export function PersonRecordForm(props: {
  record: PersonRecord;
  cancelHref: string;
  onSaved: (record: PersonRecord, saved: SavedChange) => void;
}) {
  const form = createPersonRecordForm(props.record);
  const queryClient = useQueryClient();
  const [reloaded, setReloaded] = createSignal(false);
  let sending: SavedChange = { changed: [], removed: [] };
  let reloadedNotice: HTMLDivElement | undefined;
  const name = () => `${form.base().details.givenName} ${form.base().details.familyName}`;
  usePageTitle(
    () => `${form.errors().length > 0 || form.conflict() ? "Error: " : ""}Correct ${name()}'s record`,
  );

  const reload = async () => {
    try {
      const latest = await queryClient.fetchQuery({ ...personRecordQuery(form.base().id), staleTime: 0 });
      form.clearProblems();
      if (latest.mergedInto) return;
      form.rebase(latest);
      setReloaded(true);
      reloadedNotice?.focus();
    } catch (error) {
      form.fail([{ field: undefined, message: error instanceof Error ? error.message : String(error) }]);
    }
  };

  const update = useUpdatePersonRecord({
    onSuccess: (record) => props.onSaved(record, sending),
    onError: (error) => {
      if (isPersonRecordConflict(error)) {
        return form.failConflict(describeRecordConflict(form.base(), error.latest));
      }
      if (isApiError(error) && error.code === "validation_failed" && error.details.length > 0) {
        return form.fail(recordErrorsFromDetails(error.details));
      }
      form.fail([{ field: undefined, message: error.message }]);
    },
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    const patch = buildPersonPatch(form.base(), form.values);
    if (!patch.ok) return form.fail(patch.errors);
    form.clearProblems();
    setReloaded(false);
    sending = { changed: patch.changed, removed: patch.removed };
    update.mutate({ personId: form.base().id, body: patch.request });
  };

  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <Show when={form.conflict()}>
          {(conflict) => (
            <ConflictNotice
              heading={conflict().heading}
              body={conflict().body}
              attempt={form.attempt()}
              onReload={() => void reload()}
              {...(conflict().afterReload ? { afterReload: conflict().afterReload } : {})}
            />
          )}
        </Show>
        <Show when={form.errors().length > 0}>
          <ErrorSummary
            items={form.errors().map((error) => ({
              targetId: recordErrorTarget(error),
              message: error.message,
            }))}
            attempt={form.attempt()}
          />
        </Show>
        <Show when={reloaded()}>
          <div tabindex="-1" ref={reloadedNotice} data-testid="record-reloaded">
            <NotificationBanner title="Reloaded">
              The form now shows the record as it is, with your own changes kept. Check them, then save again.
            </NotificationBanner>
          </div>
        </Show>
        <h1 class="nhsuk-heading-l">
          <span class="nhsuk-caption-l">{name()}</span>
          Correct the person's record
        </h1>
        <InsetText>
          <p>
            Your change corrects this person's record for every referral about them, and is recorded in the
            audit trail. Each referral keeps the person's details as they were referred.
          </p>
        </InsetText>
        <SummaryList>
          <SummaryRow key="NHS number">
            <Show when={form.base().nhsNumber} fallback="Not recorded">
              {(nhsNumber) => <span class="linkwork-nowrap">{formatNhsNumber(nhsNumber())}</span>}
            </Show>
            <div class="nhsuk-hint nhsuk-u-margin-bottom-0">The NHS number cannot be changed here</div>
          </SummaryRow>
          <SummaryRow key="Last changed">{formatDateTime(form.base().updatedAt)}</SummaryRow>
        </SummaryList>
        <form id={recordFormId} novalidate onSubmit={submit} aria-label="The person's record">
          <IdentityFields form={form} />
          <ContactSection fields={form.details} />
          <CommunicationFields form={form} />
          <div class="nhsuk-button-group">
            <Button disabled={update.isPending}>
              {update.isPending ? "Saving changes…" : "Save changes"}
            </Button>
            <a class="nhsuk-link" href={props.cancelHref}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}
