import type { Referral } from "@linkwork/core/referral/schema";
import { Show } from "solid-js";
import { Tag } from "../../ui/tag";

/** In a queue: this referral may be about someone already known and waits for a coordinator. */
export function PossibleMatchTag(props: { referral: Referral }) {
  return (
    <Show when={props.referral.possibleMatch}>
      <Tag colour="yellow">Possible match</Tag>
    </Show>
  );
}
