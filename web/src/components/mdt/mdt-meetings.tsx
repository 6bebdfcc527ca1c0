import { useNavigate } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { formatDateTime } from "../../format/dates";
import { type Mdt, type MeetingSummary, mdtMeetingsQuery } from "../../queries/mdts";
import type { Me } from "../../queries/me";
import { hasRole } from "../../queries/me";
import { Details } from "../../ui/details";
import { QueryBoundary } from "../query-boundary";
import { MeetingStatusTag } from "./meeting-status-tag";
import { PlanMeetingForm } from "./plan-meeting-form";

const linkText = (meeting: MeetingSummary) => {
  if (meeting.status === "in_progress") return "Join the meeting";
  if (meeting.status === "ended") return "Read the summary";
  return "Prepare the agenda";
};

/** One team: who is on it, its meetings soonest first, and (for its chair) planning the next. */
export function MdtMeetings(props: { mdt: Mdt; me: Me }) {
  const navigate = useNavigate();
  const meetings = useQuery(() => mdtMeetingsQuery(props.mdt.id));
  const mayPlan = () => props.mdt.chairUserId === props.me.id || hasRole(props.me, "admin");
  const chair = () => props.mdt.members.find((member) => member.userId === props.mdt.chairUserId)?.name;
  return (
    <section class="nhsuk-u-margin-bottom-7" aria-labelledby={`mdt-${props.mdt.id}`} data-testid="mdt">
      <h2 class="nhsuk-heading-m" id={`mdt-${props.mdt.id}`}>
        {props.mdt.name}
      </h2>
      <p class="nhsuk-body-s">
        Chaired by {chair() ?? "a member"}; {props.mdt.members.length} members; meets every{" "}
        {props.mdt.cadenceDays} days.
      </p>
      <QueryBoundary query={meetings} loading="Loading meetings…">
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="nhsuk-body">No meetings are planned yet.</p>}>
            <ul class="nhsuk-list linkwork-card-list" aria-label={`Meetings of ${props.mdt.name}`}>
              <For each={list()}>
                {(meeting) => (
                  <li class="nhsuk-card" data-testid="meeting">
                    <div class="nhsuk-card__content">
                      <h3 class="nhsuk-card__heading nhsuk-heading-s">{formatDateTime(meeting.startsAt)}</h3>
                      <p class="nhsuk-body-s">
                        <MeetingStatusTag status={meeting.status} /> {meeting.durationMinutes} minutes
                      </p>
                      <a href={`/mdt/meetings/${encodeURIComponent(meeting.id)}`}>
                        {linkText(meeting)}
                        <span class="nhsuk-u-visually-hidden"> on {formatDateTime(meeting.startsAt)}</span>
                      </a>
                    </div>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </QueryBoundary>
      <Show when={mayPlan()}>
        <Details summary="Plan a meeting">
          <PlanMeetingForm
            mdt={props.mdt}
            onPlanned={(meetingId) => navigate(`/mdt/meetings/${meetingId}`)}
          />
        </Details>
      </Show>
    </section>
  );
}
