import type { PersonMatch } from "@linkwork/core/person/requests";
import type { Referral } from "@linkwork/core/referral/schema";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/solid-query";
import { request } from "../api/client";
import { isConflictError, ReferralConflict } from "../api/referral-conflict";
import { fetchReferral, referralKeys, referralPath } from "./referrals";

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

export interface MatchDecisionHandlers {
  onSuccess?: (referral: Referral, decision: MatchDecision) => void;
  onError?: (error: Error) => void;
}

/**
 * Confirms or splits a possible match. Afterwards the referral is cached as the API returned it,
 * and its lists (the queue marker), timeline and match refetch; a 409 carries the referral as it is now.
 */
export function useMatchDecision(handlers: MatchDecisionHandlers = {}) {
  const queryClient = useQueryClient();
  return useMutation(() => ({
    mutationFn: async (input: { referralId: string; version: number; decision: MatchDecision }) => {
      try {
        return await request<Referral>(`${referralPath(input.referralId)}/person-match/${input.decision}`, {
          method: "POST",
          body: { version: input.version },
        });
      } catch (error) {
        if (!isConflictError(error)) throw error;
        throw new ReferralConflict(
          error,
          input.referralId,
          await fetchReferral(input.referralId).catch(() => undefined),
        );
      }
    },
    onSuccess: (referral: Referral, input) => {
      handlers.onSuccess?.(referral, input.decision);
      queryClient.setQueryData(referralKeys.detail(referral.id), referral);
      return Promise.all(
        [referralKeys.lists(), referralKeys.timeline(referral.id), personMatchKey(referral.id)].map(
          (queryKey) => queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
    onError: (error: Error) => handlers.onError?.(error),
  }));
}
