import type { Referral } from "@linkwork/core/referral/schema";
import { useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { formatDateTime } from "../format/dates";
import { timelineLabel } from "../labels/timeline-labels";
import type { Me } from "../queries/me";
import { referralTimelineQuery, type TimelineEntry } from "../queries/timeline";
import { QueryBoundary } from "./query-boundary";

/** Who did it: "you", the name the event recorded, or what kind of actor it was. */
function describeActor(entry: TimelineEntry, referral: Referral, me: Me | undefined): string | undefined {
  const actorId = entry.actorId;
  if (!actorId) return undefined;
  if (actorId === me?.id) return "by you";
  if (entry.actorName) return `by ${entry.actorName}`;
  if (actorId === referral.referrerId) return "by the referrer";
  if (actorId.startsWith("system:")) return "automatically by Linkwork";
  if (actorId === "public") return "by the person, online";
  return "by a member of staff";
}

/** What has happened to the referral, oldest first, as the event pipeline records it. */
export function ReferralTimeline(props: { referral: Referral; me: Me | undefined }) {
  const timeline = useQuery(() => referralTimelineQuery(props.referral.id));
  return (
    <QueryBoundary query={timeline} loading="Loading the timeline…">
      {(entries) => (
        <Show
          when={entries.length > 0}
          fallback={
            <p class="nhsuk-body" role="status">
              Nothing is recorded yet. Updates appear here a few seconds after they happen.
            </p>
          }
        >
          <ol class="linkwork-timeline" aria-label="Timeline, oldest first">
            <For each={entries}>
              {(entry) => (
                <li class="linkwork-timeline__item">
                  <h3 class="nhsuk-heading-xs nhsuk-u-margin-bottom-1">{timelineLabel(entry.type)}</h3>
                  <p class="nhsuk-body-s nhsuk-u-margin-bottom-0 linkwork-secondary">
                    <time datetime={entry.at}>{formatDateTime(entry.at)}</time>
                    {describeActor(entry, props.referral, props.me)
                      ? ` ${describeActor(entry, props.referral, props.me)}`
                      : ""}
                  </p>
                </li>
              )}
            </For>
          </ol>
        </Show>
      )}
    </QueryBoundary>
  );
}
