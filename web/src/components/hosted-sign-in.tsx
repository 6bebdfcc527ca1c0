import { createSignal, Show } from "solid-js";
import { startHostedSignIn } from "../auth/cognito";
import { config } from "../config";
import { Button } from "../ui/button";
import { ErrorSummary } from "../ui/error-summary";

/** Sign-in through the deployment's Amazon Cognito hosted page, when the deployment has set one up. */
export function HostedSignIn(props: { returnTo: string }) {
  const [problem, setProblem] = createSignal<string>();
  const [starting, setStarting] = createSignal(false);
  const start = () => {
    setStarting(true);
    startHostedSignIn(props.returnTo).catch((error: Error) => {
      setStarting(false);
      setProblem(error.message);
    });
  };
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <Show when={problem()}>
          {(message) => <ErrorSummary items={[{ targetId: "sign-in", message: message() }]} attempt={1} />}
        </Show>
        <h1 class="nhsuk-heading-l">Sign in</h1>
        <Show
          when={config.cognito}
          fallback={
            <>
              <p class="nhsuk-body">
                Sign-in for this deployment has not been set up: it has no hosted sign-in page configured.
              </p>
              <p class="nhsuk-body">Contact your Linkwork administrator.</p>
            </>
          }
        >
          <p class="nhsuk-body">
            You will go to the Linkwork sign-in page to enter your email address, password and security code,
            then come back here.
          </p>
          <div id="sign-in">
            <Button type="button" variant="login" disabled={starting()} onClick={start}>
              Sign in
            </Button>
          </div>
        </Show>
      </div>
    </div>
  );
}
