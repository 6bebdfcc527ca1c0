import type { Referral } from "@linkwork/core/referral/schema";
import { useQuery } from "@tanstack/solid-query";
import { For, Show } from "solid-js";
import { formatDateTime } from "../format/dates";
import { describeTimelineEvent } from "../labels/timeline-labels";
import type { Me } from "../queries/me";
import { findOrganisation, organisationsQuery } from "../queries/organisations";
import { referralTimelineQuery, type TimelineEntry } from "../queries/timeline";
import { QueryBoundary } from "./query-boundary";

/** Who did it: the name the event recorded, Linkwork itself for timers, or the person online. */
export function describeActor(
  entry: TimelineEntry,
  referral: Referral,
  me: Me | undefined,
): string | undefined {
  const actorId = entry.actorId;
  if (!actorId) return undefined;
  if (actorId.startsWith("system:")) return "by Linkwork";
  if (actorId === "public") return "by the person, online";
  const you = actorId === me?.id ? " (you)" : "";
  if (entry.actorName) return `by ${entry.actorName}${you}`;
  if (you) return "by you";
  if (actorId === referral.referrerId) return "by the referrer";
  return "by a member of staff";
}

/** What has happened to the referral, oldest first, as the event pipeline records it, and who did it. */
export function ReferralTimeline(props: { referral: Referral; me: Me | undefined }) {
  const timeline = useQuery(() => referralTimelineQuery(props.referral.id, props.referral.updatedAt));
  const organisations = useQuery(() => organisationsQuery());
  const organisationName = (id: string | undefined) => findOrganisation(organisations.data, id)?.name;
  return (
    <QueryBoundary query={timeline} loading="Loading the timeline…">
      {(entries) => (
        <Show
          when={entries().length > 0}
          fallback={
            <p class="nhsuk-body" role="status">
              Nothing is recorded yet. Updates appear here a few seconds after they happen.
            </p>
          }
        >
          <ol class="linkwork-timeline" aria-label="Timeline, oldest first" data-testid="timeline">
            <For each={entries()}>
              {(entry) => {
                const description = () => describeTimelineEvent(entry, organisationName);
                const actor = () => describeActor(entry, props.referral, props.me);
                return (
                  <li class="linkwork-timeline__item">
                    <h3 class="nhsuk-heading-xs nhsuk-u-margin-bottom-1">{description().title}</h3>
                    <For each={description().details}>
                      {(detail) => (
                        <p class="nhsuk-body-s nhsuk-u-margin-bottom-1 linkwork-preserve-lines">{detail}</p>
                      )}
                    </For>
                    <p class="nhsuk-body-s nhsuk-u-margin-bottom-0 linkwork-secondary">
                      <time datetime={entry.at}>{formatDateTime(entry.at)}</time>
                      {actor() ? ` ${actor()}` : ""}
                    </p>
                  </li>
                );
              }}
            </For>
          </ol>
        </Show>
      )}
    </QueryBoundary>
  );
}
