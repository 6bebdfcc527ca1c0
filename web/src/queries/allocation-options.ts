import type { AllocationOption } from "@linkwork/core/allocation/domain/options";
import { queryOptions } from "@tanstack/solid-query";
import { request } from "../api/client";
import { referralKeys, referralPath } from "./referrals";

export type { AllocationOption };

/** Every provider ranked for one triaged referral, best first, as the API ranks them. */
export const allocationOptionsQuery = (referralId: string) =>
  queryOptions({
    queryKey: referralKeys.allocationOptions(referralId),
    queryFn: ({ signal }) =>
      request<{ options: AllocationOption[] }>(`${referralPath(referralId)}/allocation-options`, { signal }),
    select: (data) => data.options,
    staleTime: 0,
  });
