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
import { AssignForm } from "./assign-form";
import { CaseActions } from "./case-actions";
import { OpenCaseLink } from "./open-case-link";
import { PickUp } from "./pick-up";
import { ReassignForm } from "./reassign-form";
import { ReferralChanges } from "./referral-changes";

/**
 * What this user can do with this referral now, if anything, as the API's policy says in its
 * `allowedActions`: triage or allocate it, answer its allocation, pick it up or assign it, open
 * the case, move it between workers, return it to triage, close, reopen or withdraw it.
 */
export function ReferralWork(props: { referral: Referral; me: Me; feedback: ActionFeedback }) {
  const referral = () => props.referral;
  const may = (action: ReferralAction) => referral().allowedActions.includes(action);
  const mayTriage = () => may("triage") || may("signpost");
  const onCaseload = () => referral().assignedTo === props.me.id;
  const withWorker = () => referral().status === "assigned" || referral().status === "active";
  const changes = () => <ReferralChanges referral={referral()} feedback={props.feedback} />;
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
        <div class="linkwork-work-area">
          {triageForms()}
          {changes()}
        </div>
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
      <Match when={may("claim") || may("assign")}>
        <div class="linkwork-work-area">
          <h2 class="nhsuk-heading-m">Ready for a link worker</h2>
          <Show when={may("claim")}>
            <p class="nhsuk-body">
              Your organisation has accepted this referral. Pick it up to add it to your caseload.
            </p>
            <PickUp referral={referral()} feedback={props.feedback} />
          </Show>
          <Show when={may("assign")}>
            <p class="nhsuk-body">
              Your organisation has accepted this referral. Assign it to one of your link workers, or leave it
              for them to pick up.
            </p>
            <AssignForm referral={referral()} feedback={props.feedback} />
          </Show>
          {changes()}
        </div>
      </Match>
      <Match
        when={
          withWorker() && (may("read_case") || may("close") || may("reassign") || may("return_to_triage"))
        }
      >
        <div class="linkwork-work-area">
          <h2 class="nhsuk-heading-m">
            {onCaseload()
              ? "On your caseload"
              : referral().assignedToName
                ? `With ${referral().assignedToName}`
                : "With a link worker"}
          </h2>
          <Show when={may("read_case")}>
            <OpenCaseLink referral={referral()} />
          </Show>
          <Show when={may("reassign")}>
            <ReassignForm referral={referral()} feedback={props.feedback} />
          </Show>
          {/* The assigned worker closes from the case page, where the final measures are offered. */}
          <Show when={!onCaseload()}>
            <CaseActions referral={referral()} feedback={props.feedback} mayRecordContact={false} />
          </Show>
          {changes()}
        </div>
      </Match>
      <Match when={may("read_case") || may("reopen") || may("withdraw") || may("return_to_triage")}>
        <div class="linkwork-work-area">
          <Show when={may("read_case")}>
            <OpenCaseLink referral={referral()} readOnly={referral().status === "closed"} />
          </Show>
          {changes()}
        </div>
      </Match>
    </Switch>
  );
}
