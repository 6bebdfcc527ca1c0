import { useLocation, useNavigate } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { createSignal, Show } from "solid-js";
import { session } from "../../auth/session";
import { mayOpenRecords, meQuery } from "../../queries/me";

/**
 * The NHS.UK header search, for staff who open people's records: it takes them to the search
 * page for what they typed, without reloading the app. The search page has its own, larger box,
 * so the header's steps aside there rather than offer a second one.
 */
export function HeaderSearch() {
  const me = useQuery(() => ({ ...meQuery(), enabled: session.token() !== undefined }));
  const navigate = useNavigate();
  const location = useLocation();
  const [text, setText] = createSignal("");
  return (
    <Show when={session.token() !== undefined && mayOpenRecords(me.data) && location.pathname !== "/search"}>
      <search class="nhsuk-header__search" aria-label="Find a person">
        <form
          class="nhsuk-header__search-form"
          id="search"
          action="/search"
          method="get"
          novalidate
          onSubmit={(event) => {
            event.preventDefault();
            navigate(`/search?q=${encodeURIComponent(text().trim())}`);
            setText("");
          }}
        >
          <div class="nhsuk-form-group">
            <label class="nhsuk-label nhsuk-u-visually-hidden" for="search-field">
              Find a person by name, NHS number or referral reference
            </label>
            <div class="nhsuk-input-wrapper">
              <input
                class="nhsuk-input"
                id="search-field"
                name="q"
                type="search"
                autocomplete="off"
                placeholder="Find a person"
                value={text()}
                onInput={(event) => setText(event.currentTarget.value)}
              />
              <button
                class="nhsuk-button nhsuk-button--icon nhsuk-button--small"
                data-module="nhsuk-button"
                type="submit"
                aria-label="Search"
              >
                <svg
                  class="nhsuk-icon nhsuk-icon--search"
                  xmlns="http://www.w3.org/2000/svg"
                  viewBox="0 0 24 24"
                  width="16"
                  height="16"
                  aria-hidden="true"
                >
                  <path d="m20.7 18.9-4.1-4.1a7 7 0 1 0-1.4 1.4l4 4.1a1 1 0 0 0 1.5 0c.4-.4.4-1 0-1.4ZM6 10.6a5 5 0 1 1 10 0 5 5 0 0 1-10 0Z" />
                </svg>
              </button>
            </div>
          </div>
        </form>
      </search>
    </Show>
  );
}
