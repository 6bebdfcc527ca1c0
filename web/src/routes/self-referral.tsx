import { createSignal, Show } from "solid-js";
import { SelfReferralForm } from "../components/self-referral/self-referral-form";
import { SelfReferralSent } from "../components/self-referral/self-referral-sent";

/** `/self-referral`: anyone can ask for help for themselves, without signing in. */
export default function SelfReferralPage() {
  const [reference, setReference] = createSignal<string>();
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <Show when={reference()} fallback={<SelfReferralForm onSent={setReference} />}>
          {(sent) => <SelfReferralSent reference={sent()} />}
        </Show>
      </div>
    </div>
  );
}
