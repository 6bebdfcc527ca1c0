import { useLocation, useNavigate } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { hostedSignOutUrl } from "../auth/cognito";
import { session } from "../auth/session";
import { config } from "../config";
import { clearAllDrafts } from "../drafts/draft-storage";
import { hasRole, meQuery } from "../queries/me";
import { findOrganisation, organisationsQuery } from "../queries/organisations";
import { isCurrentLink, navigationFor } from "./navigation";
import { NhsLogo, UserIcon } from "./nhs-logo";
import { HeaderSearch } from "./search/header-search";

/** NHS.UK header: service name, who is signed in and for which organisation, sign out, main links. */
export function Header() {
  const signedIn = () => session.token() !== undefined;
  const me = useQuery(() => ({ ...meQuery(), enabled: signedIn() }));
  const organisations = useQuery(() => ({ ...organisationsQuery(), enabled: signedIn() }));
  const organisationName = () => findOrganisation(organisations.data, me.data?.organisationId)?.name;
  const navigate = useNavigate();
  const location = useLocation();
  const links = () =>
    me.data ? navigationFor((...roles) => hasRole(me.data, ...roles), me.data.mdtIds.length > 0) : [];
  const current = (href: string) => isCurrentLink(href, location.pathname, location.search);

  const signOut = () => {
    clearAllDrafts();
    session.end("signed_out");
    const hostedSignOut = config.authMode === "cognito" ? hostedSignOutUrl() : undefined;
    if (hostedSignOut) window.location.assign(hostedSignOut);
    else navigate("/sign-in", { replace: true });
  };

  return (
    <header class="nhsuk-header" data-module="nhsuk-header">
      <div class="nhsuk-header__container nhsuk-width-container">
        <div class="nhsuk-header__service">
          <a class="nhsuk-header__service-logo" href="/" aria-label={`NHS ${config.serviceName} homepage`}>
            <NhsLogo />
            <span class="nhsuk-header__service-name">{config.serviceName}</span>
          </a>
        </div>
        <HeaderSearch />
        <Show when={signedIn()}>
          <nav class="nhsuk-header__account" aria-label="Account">
            <ul class="nhsuk-header__account-list">
              <Show when={me.data}>
                {(user) => (
                  <li class="nhsuk-header__account-item" data-testid="signed-in-user">
                    <UserIcon />
                    {user().name}
                    <Show when={organisationName()}>{(name) => <>, {name()}</>}</Show>
                  </li>
                )}
              </Show>
              <li class="nhsuk-header__account-item">
                <button class="nhsuk-header__account-button" type="button" onClick={signOut}>
                  Sign out
                </button>
              </li>
            </ul>
          </nav>
        </Show>
      </div>
      <Show when={links().length > 0}>
        <nav class="nhsuk-header__navigation" aria-label="Menu">
          <div class="nhsuk-header__navigation-container nhsuk-width-container">
            <ul class="nhsuk-header__navigation-list">
              <For each={links()}>
                {(link) => (
                  <li
                    class="nhsuk-header__navigation-item"
                    classList={{ "nhsuk-header__navigation-item--current": current(link.href) }}
                  >
                    <a
                      class="nhsuk-header__navigation-link"
                      href={link.href}
                      aria-current={current(link.href) ? "page" : undefined}
                    >
                      {link.text}
                    </a>
                  </li>
                )}
              </For>
            </ul>
          </div>
        </nav>
      </Show>
    </header>
  );
}
