import { useNavigate } from "@solidjs/router";
import { createSignal, onMount, Show } from "solid-js";
import { completeHostedSignIn } from "../../auth/cognito";
import { session } from "../../auth/session";
import { usePageTitle } from "../../components/page-title";
import { safeReturnPath } from "../../components/safe-return-path";

/** `/sign-in/callback`: where the hosted sign-in page sends people back with a code to exchange. */
export default function SignInCallbackPage() {
  const navigate = useNavigate();
  const [problem, setProblem] = createSignal<string>();
  usePageTitle(() => (problem() ? "Sign-in failed" : "Signing in"));
  onMount(() => {
    completeHostedSignIn(new URLSearchParams(window.location.search))
      .then(({ idToken, returnTo }) => {
        session.start(idToken);
        navigate(safeReturnPath(returnTo), { replace: true });
      })
      .catch((error: Error) => setProblem(error.message));
  });
  return (
    <Show
      when={problem()}
      fallback={
        <p class="nhsuk-body" role="status">
          Signing you in…
        </p>
      }
    >
      {(message) => (
        <>
          <h1 class="nhsuk-heading-l">You have not been signed in</h1>
          <p class="nhsuk-body">{message()}</p>
          <p class="nhsuk-body">
            <a href="/sign-in">Sign in again</a>
          </p>
        </>
      )}
    </Show>
  );
}
