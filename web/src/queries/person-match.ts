import type { PersonMatch } from "@linkwork/core/person/requests";
import type { Referral } from "@linkwork/core/referral/schema";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/solid-query";
import { request } from "../api/client";
import { personKeys } from "./person-record";
import { explainConflict, refreshAfterChange } from "./referral-actions";
import { referralKeys, referralPath } from "./referrals";

/** Every possible match: each shows an existing person's stored details. */
export const personMatchKeys = [...referralKeys.all, "person-match"] as const;

export const personMatchKey = (referralId: string) => [...personMatchKeys, referralId] as const;

/** The referral's possible match with the existing person's stored details (coordinators only). */
export const personMatchQuery = (referralId: string) =>
  queryOptions({
    queryKey: personMatchKey(referralId),
    queryFn: ({ signal }) => request<PersonMatch>(`${referralPath(referralId)}/person-match`, { signal }),
  });

export type MatchDecision = "confirm" | "split";

export interface MatchDecisionInput {
  referralId: string;
  version: number;
  decision: MatchDecision;
  /** The people the decision touches: the referral's own record and the existing person's. */
  personIds: string[];
}

export interface MatchDecisionHandlers {
  onSuccess?: (referral: Referral, decision: MatchDecision) => void;
  onError?: (error: Error) => void;
}

/**
 * Confirms or splits a possible match. Afterwards the referral is cached as the API returned it,
 * and its lists (the queue marker), timeline and match refetch; both people's cached records are
 * dropped (a confirm merges the referral's record into the existing one, whose version rises). A 409
 * whose referral has moved on carries the referral as it is now.
 */
export function useMatchDecision(handlers: MatchDecisionHandlers = {}) {
  const queryClient = useQueryClient();
  return useMutation(() => ({
    mutationFn: async (input: MatchDecisionInput) => {
      try {
        return await request<Referral>(`${referralPath(input.referralId)}/person-match/${input.decision}`, {
          method: "POST",
          body: { version: input.version },
        });
      } catch (error) {
        throw await explainConflict(error, input.referralId, input.version);
      }
    },
    onSuccess: (referral: Referral, input: MatchDecisionInput) => {
      handlers.onSuccess?.(referral, input.decision);
      // Dropped, not just marked stale: the record page would start its form from the cached
      // version (which the decision moved on) and its first save would look like someone else's change.
      for (const personId of new Set([...input.personIds, ...(referral.personId ? [referral.personId] : [])]))
        queryClient.removeQueries({ queryKey: personKeys.detail(personId) });
      return refreshAfterChange(queryClient, input.decision, referral);
    },
    onError: (error: Error, input: MatchDecisionInput) => {
      handlers.onError?.(error);
      // A refusal may mean the match was decided meanwhile: the panel then shows how, not the choice.
      return queryClient.invalidateQueries({ queryKey: personMatchKey(input.referralId) });
    },
  }));
}
