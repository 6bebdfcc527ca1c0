import { createSignal, For, Show } from "solid-js";
import type { Mdt } from "../../queries/mdts";
import type { AgendaItem, Meeting } from "../../queries/meeting";
import { Details } from "../../ui/details";
import { AttendanceForm } from "./attendance-form";
import { CandidateList } from "./candidate-list";
import { OpenActions } from "./open-actions";
import { personLabel } from "./person-label";
import { createReconciledList } from "./reconciled-list";
import { SbarEditor } from "./sbar-editor";
import { SbarView } from "./sbar-view";

/**
 * Before the meeting: the agenda so far, each item's SBAR to check and correct, the people the
 * rules suggest adding, and who will attend.
 */
export function AgendaPreparation(props: { meeting: Meeting; mdt: Mdt | undefined }) {
  const [notice, setNotice] = createSignal<string>();
  const ordered = createReconciledList(
    () => [...props.meeting.items].sort((left, right) => left.position - right.position),
    "id",
  );
  const minutes = () => ordered.reduce((sum, item) => sum + item.slotMinutes, 0);
  const added = (item: AgendaItem) =>
    setNotice(`${personLabel(item.person)} is on the agenda. Check the SBAR filled in from their record.`);
  return (
    <>
      <section aria-labelledby="agenda-heading" data-testid="agenda">
        <h2 class="nhsuk-heading-m" id="agenda-heading">
          Agenda
        </h2>
        <p class="nhsuk-body nhsuk-u-font-weight-bold" role="status" data-testid="agenda-notice">
          {notice()}
        </p>
        <Show when={ordered.length > 0} fallback={<p class="nhsuk-body">No one is on the agenda yet.</p>}>
          <p class="nhsuk-body-s">
            {ordered.length} {ordered.length === 1 ? "person" : "people"}, {minutes()} of{" "}
            {props.meeting.durationMinutes} minutes.
          </p>
          <ol class="nhsuk-list linkwork-card-list" aria-label="Agenda">
            <For each={ordered}>
              {(item) => (
                <li class="nhsuk-card" data-testid="agenda-item">
                  <div class="nhsuk-card__content">
                    <h3 class="nhsuk-card__heading nhsuk-heading-s">{personLabel(item.person)}</h3>
                    <p class="nhsuk-body-s">
                      {item.reason} ({item.slotMinutes} min)
                    </p>
                    <Show
                      when={item.allowedActions.includes("edit_sbar") && item.sbar !== null}
                      fallback={<SbarView sbar={item.sbar} />}
                    >
                      <Details summary={`Check and edit the SBAR for ${personLabel(item.person)}`}>
                        <SbarEditor
                          item={item}
                          onSaved={() => setNotice(`The SBAR for ${personLabel(item.person)} is saved.`)}
                        />
                      </Details>
                    </Show>
                  </div>
                </li>
              )}
            </For>
          </ol>
        </Show>
      </section>
      <OpenActions meeting={props.meeting} mdt={props.mdt} />
      <Show when={props.meeting.allowedActions.includes("record_attendance")}>
        <section aria-labelledby="attendance-heading">
          <h2 class="nhsuk-heading-m" id="attendance-heading">
            Attendance
          </h2>
          <AttendanceForm meeting={props.meeting} mdt={props.mdt} />
        </section>
      </Show>
      <Show when={props.meeting.allowedActions.includes("add_item")}>
        <CandidateList
          meetingId={props.meeting.id}
          listed={props.meeting.items.map((item) => item.referralId)}
          onAdded={added}
        />
      </Show>
    </>
  );
}
