import type { Contact } from "@linkwork/core/casework/schema";
import { For, Show } from "solid-js";
import { formatDateTime } from "../../format/dates";
import { contactMethodLabels, contactOutcomeLabels } from "../../labels/casework-labels";
import { Tag } from "../../ui/tag";

/** The contacts and attempts on a case, newest first, as the API lists them. */
export function ContactList(props: { contacts: readonly Contact[] }) {
  return (
    <Show when={props.contacts.length > 0} fallback={<p class="nhsuk-body">No contacts logged yet.</p>}>
      <ul
        class="nhsuk-list linkwork-case-list"
        aria-label="Contacts, newest first"
        data-testid="contact-list"
      >
        <For each={props.contacts}>
          {(contact) => (
            <li class="linkwork-case-list__item">
              <p class="nhsuk-body nhsuk-u-margin-bottom-1">
                <strong>{formatDateTime(contact.at)}</strong>{" "}
                <Tag colour={contact.outcome === "made_contact" ? "green" : "grey"}>
                  {contactOutcomeLabels[contact.outcome]}
                </Tag>
              </p>
              <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">
                {contactMethodLabels[contact.method]}
                <Show when={contact.durationMinutes}>
                  {(minutes) => <> · {minutes() === 1 ? "1 minute" : `${minutes()} minutes`}</>}
                </Show>
              </p>
              <Show when={contact.note}>
                {(note) => <p class="nhsuk-body-s linkwork-preserve-lines">{note()}</p>}
              </Show>
              <p class="nhsuk-body-s linkwork-secondary nhsuk-u-margin-bottom-0">
                Logged by {contact.recordedByName ?? "a link worker"}
              </p>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
