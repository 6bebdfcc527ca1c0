import type { ReferralAction } from "@linkwork/core/policy/domain/actions";
import type { Referral } from "@linkwork/core/referral/schema";
import { Match, Show, Switch } from "solid-js";
import type { Me } from "../../queries/me";
import { Details } from "../../ui/details";
import { AllocationPanel } from "../allocation/allocation-panel";
import type { ActionFeedback } from "../feedback/action-feedback";
import { SignpostForm } from "../triage/signpost-form";
import { TriageForm } from "../triage/triage-form";
import { AllocationDecision } from "./allocation-decision";
import { CaseActions } from "./case-actions";
import { PickUp } from "./pick-up";

/**
 * What this user can do with this referral now, if anything, as the API's policy says in its
 * `allowedActions`: triage or allocate it, answer its allocation, pick it up, or work the case.
 */
export function ReferralWork(props: { referral: Referral; me: Me; feedback: ActionFeedback }) {
  const referral = () => props.referral;
  const may = (action: ReferralAction) => referral().allowedActions.includes(action);
  const mayTriage = () => may("triage") || may("signpost");
  const onCaseload = () => referral().assignedTo === props.me.id;
  const triageForms = () => (
    <>
      <Show when={may("triage")}>
        <TriageForm referral={referral()} feedback={props.feedback} />
      </Show>
      <Show when={may("signpost")}>
        <SignpostForm referral={referral()} feedback={props.feedback} />
      </Show>
    </>
  );
  return (
    <Switch>
      <Match when={referral().status === "received" && mayTriage()}>
        <div class="linkwork-work-area">{triageForms()}</div>
      </Match>
      <Match when={referral().status === "triaged" && (may("allocate") || mayTriage())}>
        <div class="linkwork-work-area">
          <Show when={may("allocate")}>
            <AllocationPanel referral={referral()} feedback={props.feedback} />
          </Show>
          <Show when={mayTriage()}>
            <Details
              summary={may("signpost") ? "Change the triage or close as signposted" : "Change the triage"}
            >
              {triageForms()}
            </Details>
          </Show>
        </div>
      </Match>
      <Match when={may("accept") || may("decline")}>
        <div class="linkwork-work-area">
          <h2 class="nhsuk-heading-m">Allocated to your organisation</h2>
          <p class="nhsuk-body">Accept it if you can support this person, or decline it with a reason.</p>
          <AllocationDecision referral={referral()} feedback={props.feedback} />
        </div>
      </Match>
      <Match when={may("claim")}>
        <div class="linkwork-work-area">
          <h2 class="nhsuk-heading-m">Ready to pick up</h2>
          <p class="nhsuk-body">
            Your organisation has accepted this referral. Pick it up to add it to your caseload.
          </p>
          <PickUp referral={referral()} feedback={props.feedback} />
        </div>
      </Match>
      <Match when={may("record_first_contact") || may("close")}>
        <div class="linkwork-work-area">
          <h2 class="nhsuk-heading-m">{onCaseload() ? "On your caseload" : "With a link worker"}</h2>
          <CaseActions referral={referral()} feedback={props.feedback} />
        </div>
      </Match>
    </Switch>
  );
}
