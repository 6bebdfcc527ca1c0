import { Navigate, useNavigate, useSearchParams } from "@solidjs/router";
import { useMutation } from "@tanstack/solid-query";
import { createSignal, Match, Show, Switch } from "solid-js";
import { demoUsers } from "../auth/demo-users";
import { requestDevToken } from "../auth/dev-token";
import { session } from "../auth/session";
import { usePageTitle } from "../components/page-title";
import { config } from "../config";
import { describeRoles } from "../labels/role-labels";
import { Button } from "../ui/button";
import { ErrorSummary } from "../ui/error-summary";
import { InsetText } from "../ui/inset-text";
import { Radios } from "../ui/radios";

/** Only paths inside the app, so a crafted link cannot send someone elsewhere after signing in. */
function safeReturnPath(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  return path?.startsWith("/") && !path.startsWith("//") ? path : "/";
}

const options = demoUsers.map((user) => ({
  value: user.email,
  label: user.email,
  hint: `${describeRoles(user.roles)} at ${user.organisation}`,
}));

export default function SignInPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = createSignal<string>();
  const [choiceError, setChoiceError] = createSignal<string>();
  const [attempt, setAttempt] = createSignal(0);

  const signIn = useMutation(() => ({
    mutationFn: requestDevToken,
    onSuccess: (token: string) => {
      session.start(token);
      navigate(safeReturnPath(searchParams.returnTo), { replace: true });
    },
    onError: () => setAttempt((count) => count + 1),
  }));

  const problem = () => choiceError() ?? signIn.error?.message;
  usePageTitle(() => (problem() ? "Error: Sign in" : "Sign in"));

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const chosen = email();
    if (!chosen) {
      setChoiceError("Choose who to sign in as");
      setAttempt((count) => count + 1);
      return;
    }
    setChoiceError(undefined);
    signIn.mutate(chosen);
  };

  return (
    <Switch>
      <Match when={session.token()}>
        <Navigate href="/" />
      </Match>
      <Match when={config.authMode === "cognito"}>
        <h1 class="nhsuk-heading-l">Sign in</h1>
        <p class="nhsuk-body">
          This deployment signs people in through its Amazon Cognito hosted sign-in page, which is set up by
          the deployment rather than by this app. Sign-in is not available from this page yet.
        </p>
        <p class="nhsuk-body">Contact your Linkwork administrator to get access.</p>
      </Match>
      <Match when={true}>
        <div class="nhsuk-grid-row">
          <div class="nhsuk-grid-column-two-thirds">
            <Show when={problem()}>
              {(message) => (
                <ErrorSummary items={[{ targetId: "email", message: message() }]} attempt={attempt()} />
              )}
            </Show>
            <h1 class="nhsuk-heading-l">Sign in</h1>
            <Show when={session.endReason()}>
              {(reason) => (
                <InsetText>
                  <p>
                    {reason() === "expired"
                      ? "Your session has ended. Sign in again to carry on."
                      : "You have signed out."}
                  </p>
                </InsetText>
              )}
            </Show>
            <p class="nhsuk-body">
              This is a local demonstration of Linkwork. Choose a demo user to see the service as they would.
              No password is needed.
            </p>
            <form novalidate onSubmit={submit}>
              <Radios
                id="email"
                legend="Who do you want to sign in as?"
                legendSize="m"
                error={problem()}
                value={email()}
                onChange={(value) => {
                  setEmail(value);
                  setChoiceError(undefined);
                }}
                options={options}
              />
              <Button disabled={signIn.isPending}>{signIn.isPending ? "Signing in…" : "Sign in"}</Button>
            </form>
          </div>
        </div>
      </Match>
    </Switch>
  );
}
