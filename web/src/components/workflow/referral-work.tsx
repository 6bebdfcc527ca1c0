import type { Referral } from "@linkwork/core/referral/schema";
import { Match, Switch } from "solid-js";
import { hasRole, type Me } from "../../queries/me";
import { Details } from "../../ui/details";
import { AllocationPanel } from "../allocation/allocation-panel";
import type { ActionFeedback } from "../feedback/action-feedback";
import { SignpostForm } from "../triage/signpost-form";
import { TriageForm } from "../triage/triage-form";
import { AllocationDecision } from "./allocation-decision";
import { CaseActions } from "./case-actions";
import { PickUp } from "./pick-up";

/**
 * What this user can do with this referral now, if anything: triage or allocate it (coordinator),
 * answer its allocation (the organisation), pick it up (a link worker), or work the case.
 */
export function ReferralWork(props: { referral: Referral; me: Me; feedback: ActionFeedback }) {
  const referral = () => props.referral;
  const coordinates = () => hasRole(props.me, "triage_coordinator");
  const ofMyOrganisation = () => referral().organisationId === props.me.organisationId;
  const onCaseload = () => referral().assignedTo === props.me.id;
  const isOpenCase = () => referral().status === "assigned" || referral().status === "active";
  return (
    <Switch>
      <Match when={coordinates() && referral().status === "received"}>
        <div class="linkwork-work-area">
          <TriageForm referral={referral()} feedback={props.feedback} />
          <SignpostForm referral={referral()} feedback={props.feedback} />
        </div>
      </Match>
      <Match when={coordinates() && referral().status === "triaged"}>
        <div class="linkwork-work-area">
          <AllocationPanel referral={referral()} feedback={props.feedback} />
          <Details summary="Change the triage or close as signposted">
            <TriageForm referral={referral()} feedback={props.feedback} />
            <SignpostForm referral={referral()} feedback={props.feedback} />
          </Details>
        </div>
      </Match>
      <Match
        when={
          hasRole(props.me, "org_manager", "link_worker") &&
          ofMyOrganisation() &&
          referral().status === "allocated"
        }
      >
        <div class="linkwork-work-area">
          <h2 class="nhsuk-heading-m">Allocated to your organisation</h2>
          <p class="nhsuk-body">Accept it if you can support this person, or decline it with a reason.</p>
          <AllocationDecision referral={referral()} feedback={props.feedback} />
        </div>
      </Match>
      <Match
        when={hasRole(props.me, "link_worker") && ofMyOrganisation() && referral().status === "accepted"}
      >
        <div class="linkwork-work-area">
          <h2 class="nhsuk-heading-m">Ready to pick up</h2>
          <p class="nhsuk-body">
            Your organisation has accepted this referral. Pick it up to add it to your caseload.
          </p>
          <PickUp referral={referral()} feedback={props.feedback} />
        </div>
      </Match>
      <Match
        when={isOpenCase() && (onCaseload() || (hasRole(props.me, "org_manager") && ofMyOrganisation()))}
      >
        <div class="linkwork-work-area">
          <h2 class="nhsuk-heading-m">{onCaseload() ? "On your caseload" : "With a link worker"}</h2>
          <CaseActions referral={referral()} feedback={props.feedback} mayRecordContact={onCaseload()} />
        </div>
      </Match>
    </Switch>
  );
}
