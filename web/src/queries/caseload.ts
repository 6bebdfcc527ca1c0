import type { Referral } from "@linkwork/core/referral/schema";
import { queryOptions } from "@tanstack/solid-query";
import { request } from "../api/client";

export interface Caseload {
  items: Referral[];
  caseloadLimit: number;
  activeCaseload: number;
}

export const caseloadKeys = { mine: ["caseload"] as const };

/** The signed-in link worker's own active cases, with their limit. */
export const caseloadQuery = () =>
  queryOptions({
    queryKey: caseloadKeys.mine,
    queryFn: ({ signal }) => request<Caseload>("/api/caseload", { signal }),
  });
