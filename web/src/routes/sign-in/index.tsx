import { Navigate, useSearchParams } from "@solidjs/router";
import { Match, Switch } from "solid-js";
import { session } from "../../auth/session";
import { DevSignIn } from "../../components/dev-sign-in";
import { HostedSignIn } from "../../components/hosted-sign-in";
import { safeReturnPath } from "../../components/safe-return-path";
import { config } from "../../config";

/** For someone who came to the service for themselves rather than to work in it. */
function AskForYourself() {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h2 class="nhsuk-heading-m nhsuk-u-margin-top-5">Looking for help for yourself?</h2>
        <p class="nhsuk-body">
          You do not need to sign in. <a href="/self-referral">Ask for help from a link worker</a>.
        </p>
      </div>
    </div>
  );
}

/** `/sign-in`: demo users locally, the deployment's hosted sign-in page in AWS, and the way in for the public. */
export default function SignInPage() {
  const [searchParams] = useSearchParams();
  const returnTo = () => safeReturnPath(searchParams.returnTo);
  return (
    <Switch>
      <Match when={session.token()}>
        <Navigate href={returnTo()} />
      </Match>
      <Match when={config.authMode === "cognito"}>
        <HostedSignIn returnTo={returnTo()} />
        <AskForYourself />
      </Match>
      <Match when={true}>
        <DevSignIn returnTo={returnTo()} />
        <AskForYourself />
      </Match>
    </Switch>
  );
}
