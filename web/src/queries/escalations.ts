import type { EscalationQueueItem } from "@linkwork/core/casework/schema";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/solid-query";
import { request } from "../api/client";
import { caseKeys } from "./case";
import { referralKeys, referralPath } from "./referrals";

/** An open escalation in a queue: what, when, by whom, and which referral. */
export type OpenEscalation = EscalationQueueItem;

export const escalationKeys = {
  open: ["escalations", "open"] as const,
};

/** Open escalations: a triage coordinator's area's, or an organisation manager's organisation's. */
export const openEscalationsQuery = () =>
  queryOptions({
    queryKey: escalationKeys.open,
    queryFn: ({ signal }) => request<{ items: OpenEscalation[] }>("/api/escalations", { signal }),
    select: (data) => data.items,
  });

export interface ResolveEscalation {
  escalation: OpenEscalation;
  note: string;
}

/** Marks an escalation as dealt with, with a note of what was done; the queue and the case refetch. */
export function useResolveEscalation(handlers: {
  onSuccess: (variables: ResolveEscalation) => void;
  onError: (error: Error, variables: ResolveEscalation) => void;
}) {
  const queryClient = useQueryClient();
  return useMutation(() => ({
    mutationFn: ({ escalation, note }: ResolveEscalation) =>
      request<unknown>(
        `${referralPath(escalation.referralId)}/escalations/${encodeURIComponent(escalation.escalationId)}/resolve`,
        { method: "POST", body: { version: escalation.version, note } },
      ),
    onSuccess: (_result: unknown, variables: ResolveEscalation) => {
      handlers.onSuccess(variables);
      const referralId = variables.escalation.referralId;
      return Promise.all(
        [
          escalationKeys.open,
          referralKeys.detail(referralId),
          referralKeys.timeline(referralId),
          caseKeys.detail(referralId),
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
    onError: (error: Error, variables: ResolveEscalation) => handlers.onError(error, variables),
  }));
}
