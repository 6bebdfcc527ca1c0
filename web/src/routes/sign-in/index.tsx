import { Navigate, useSearchParams } from "@solidjs/router";
import { Match, Switch } from "solid-js";
import { session } from "../../auth/session";
import { DevSignIn } from "../../components/dev-sign-in";
import { HostedSignIn } from "../../components/hosted-sign-in";
import { safeReturnPath } from "../../components/safe-return-path";
import { config } from "../../config";

/** `/sign-in`: demo users locally, the deployment's hosted sign-in page in AWS. */
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
      </Match>
      <Match when={true}>
        <DevSignIn returnTo={returnTo()} />
      </Match>
    </Switch>
  );
}
