import { Tag } from "../../ui/tag";

/** In a queue: this referral may be about someone already known and waits for a coordinator. */
export function PossibleMatchTag() {
  return <Tag colour="yellow">Possible match</Tag>;
}
