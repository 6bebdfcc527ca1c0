import type { MeetingStatus } from "@linkwork/core/mdt/schema";
import { Tag, type TagColour } from "../../ui/tag";

const labels: Record<MeetingStatus, { text: string; colour: TagColour }> = {
  planned: { text: "Planned", colour: "blue" },
  in_progress: { text: "In progress", colour: "green" },
  ended: { text: "Ended", colour: "grey" },
};

export function MeetingStatusTag(props: { status: MeetingStatus }) {
  return <Tag colour={labels[props.status].colour}>{labels[props.status].text}</Tag>;
}
