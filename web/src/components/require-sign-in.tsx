import { Navigate, type RouteSectionProps } from "@solidjs/router";
import { Show } from "solid-js";
import { session } from "../auth/session";

/** Pages behind sign-in: without a session, go to sign-in and come back here afterwards. */
export function RequireSignIn(props: RouteSectionProps) {
  const signInHref = () => {
    const here = `${props.location.pathname}${props.location.search}`;
    return here === "/" ? "/sign-in" : `/sign-in?returnTo=${encodeURIComponent(here)}`;
  };
  return (
    <Show when={session.token()} fallback={<Navigate href={signInHref()} />}>
      {props.children}
    </Show>
  );
}
