import type { SelfReferralCreate } from "@linkwork/core/referral/schema";
import { useMutation } from "@tanstack/solid-query";
import { request } from "../api/client";

/**
 * A person asks for help themselves: no sign-in, so nothing of theirs is cached in the browser.
 * The key names the submission, so sending it again returns the first reference.
 */
export function useSelfReferral() {
  return useMutation(() => ({
    mutationFn: ({ body, idempotencyKey }: { body: SelfReferralCreate; idempotencyKey: string }) =>
      request<{ reference: string }>("/api/self-referrals", {
        method: "POST",
        body,
        anonymous: true,
        headers: { "Idempotency-Key": idempotencyKey },
      }),
  }));
}
