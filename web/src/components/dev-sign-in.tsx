import { useNavigate } from "@solidjs/router";
import { useMutation, useQuery } from "@tanstack/solid-query";
import { createSignal, Show } from "solid-js";
import { requestDevToken } from "../auth/dev-token";
import { session } from "../auth/session";
import { describeRoles } from "../labels/role-labels";
import { type DevUser, devUsersQuery } from "../queries/dev-users";
import { Button } from "../ui/button";
import { ErrorSummary } from "../ui/error-summary";
import { InsetText } from "../ui/inset-text";
import { Radios } from "../ui/radios";
import { usePageTitle } from "./page-title";
import { QueryBoundary } from "./query-boundary";

const optionsFor = (users: readonly DevUser[]) =>
  users.map((user) => ({
    value: user.email,
    label: user.email,
    hint: `${user.name}: ${describeRoles(user.roles)} at ${user.organisationName}`,
  }));

/** Local sign-in: choose one of the users the local runtime has (it lists them), and it issues their token. */
export function DevSignIn(props: { returnTo: string }) {
  const navigate = useNavigate();
  const users = useQuery(() => devUsersQuery());
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
        <QueryBoundary query={users} loading="Loading the demo users…">
          {(list) => (
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
                options={optionsFor(list())}
              />
              <Button disabled={signIn.isPending}>{signIn.isPending ? "Signing in…" : "Sign in"}</Button>
            </form>
          )}
        </QueryBoundary>
      </div>
    </div>
  );
}
