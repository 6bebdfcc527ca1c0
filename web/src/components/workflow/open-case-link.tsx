import type { Referral } from "@linkwork/core/referral/schema";
import { ButtonLink } from "../../ui/button";

/** Where the casework happens: contacts, plan, measures, connections, escalation and closing. */
export function OpenCaseLink(props: { referral: Referral; readOnly?: boolean }) {
  return (
    <p class="nhsuk-body">
      <ButtonLink
        href={`/referrals/${props.referral.id}/case`}
        variant={props.readOnly ? "secondary" : undefined}
      >
        {props.readOnly ? "Read the case record" : "Open the case"}
        <span class="nhsuk-u-visually-hidden">
          {" "}
          for {props.referral.person.givenName} {props.referral.person.familyName}
        </span>
      </ButtonLink>
    </p>
  );
}
