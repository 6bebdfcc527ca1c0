import type { Referral, ReferralCreateInput } from "@linkwork/core/referral/schema";
import { useMutation, useQueryClient } from "@tanstack/solid-query";
import { request } from "../api/client";
import { referralKeys } from "./referrals";

/**
 * Sends a referral with the form's idempotency key, so a double submit or a retry after a lost
 * response creates one referral. The new referral is cached, and every list it may join is stale.
 */
export function useCreateReferral(idempotencyKey: () => string) {
  const queryClient = useQueryClient();
  return useMutation(() => ({
    mutationFn: (body: ReferralCreateInput) =>
      request<Referral>("/api/referrals", {
        method: "POST",
        body,
        headers: { "Idempotency-Key": idempotencyKey() },
      }),
    onSuccess: (referral) => {
      queryClient.setQueryData(referralKeys.detail(referral.id), referral);
      return queryClient.invalidateQueries({ queryKey: referralKeys.lists() });
    },
  }));
}
