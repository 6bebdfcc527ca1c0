import { useNavigate } from "@solidjs/router";
import { useMutation } from "@tanstack/solid-query";
import { createSignal, Show } from "solid-js";
import { demoUsers } from "../auth/demo-users";
import { requestDevToken } from "../auth/dev-token";
import { session } from "../auth/session";
import { describeRoles } from "../labels/role-labels";
import { Button } from "../ui/button";
import { ErrorSummary } from "../ui/error-summary";
import { InsetText } from "../ui/inset-text";
import { Radios } from "../ui/radios";
import { usePageTitle } from "./page-title";

const options = demoUsers.map((user) => ({
  value: user.email,
  label: user.email,
  hint: `${describeRoles(user.roles)} at ${user.organisation}`,
}));

/** Local sign-in: choose one of the seeded demo users; the local runtime issues their token. */
export function DevSignIn(props: { returnTo: string }) {
  const navigate = useNavigate();
  const [email, setEmail] = createSignal<string>();
  const [choiceError, setChoiceError] = createSignal<string>();
  const [attempt, setAttempt] = createSignal(0);

  const signIn = useMutation(() => ({
    mutationFn: requestDevToken,
    onSuccess: (token: string) => {
      session.start(token);
      navigate(props.returnTo, { replace: true });
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
          This is a local demonstration of Linkwork. Choose a demo user to see the service as they would. No
          password is needed.
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
  );
}
