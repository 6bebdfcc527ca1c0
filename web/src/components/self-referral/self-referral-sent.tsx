import { onMount } from "solid-js";
import { Panel } from "../../ui/panel";
import { usePageTitle } from "../page-title";

/** What someone sees once their request is in: a reference to quote and what happens next. */
export function SelfReferralSent(props: { reference: string }) {
  usePageTitle(() => "Request sent");
  let top: HTMLDivElement | undefined;
  onMount(() => {
    top?.focus();
    top?.scrollIntoView({ block: "start" });
  });
  return (
    <div tabindex="-1" ref={top} class="linkwork-focus-target">
      <Panel heading="Thank you, we have your request">
        Your reference is
        <br />
        <strong data-testid="self-referral-reference">{props.reference}</strong>
      </Panel>
      <p class="nhsuk-body">Keep your reference. It helps us find your request if you contact us about it.</p>
      <h2 class="nhsuk-heading-m">What happens next</h2>
      <ol class="nhsuk-list nhsuk-list--number">
        <li>Our team will read what you told us within 2 working days.</li>
        <li>We will find the best group or service to help you.</li>
        <li>A link worker will phone, text or email you to talk about what matters to you.</li>
      </ol>
      <h2 class="nhsuk-heading-m">If you need help now</h2>
      <p class="nhsuk-body">Call 111 for urgent help. Call 999 or go to A&amp;E if someone is in danger.</p>
    </div>
  );
}
