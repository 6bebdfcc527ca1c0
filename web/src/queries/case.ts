import type { MeasureTools } from "@linkwork/core/casework/measure-schema";
import type { Case } from "@linkwork/core/casework/schema";
import { queryOptions } from "@tanstack/solid-query";
import { request } from "../api/client";
import { referralKeys, referralPath } from "./referrals";

export const caseKeys = {
  /** Under the referral's keys, so whatever refreshes a referral wholesale refreshes its case too. */
  detail: (referralId: string) => [...referralKeys.all, "case", referralId] as const,
  measureTools: ["measure-tools"] as const,
};

export const casePath = (referralId: string) => `${referralPath(referralId)}/case`;

export function fetchCase(referralId: string, signal?: AbortSignal): Promise<Case> {
  return request<Case>(casePath(referralId), signal ? { signal } : {});
}

/** The case beside a referral (assigned worker and their manager only; every read is audited). */
export const caseQuery = (referralId: string) =>
  queryOptions({
    queryKey: caseKeys.detail(referralId),
    queryFn: ({ signal }) => fetchCase(referralId, signal),
  });

/** The wellbeing measures the area has turned on, with their questions and answer scales. */
export const measureToolsQuery = () =>
  queryOptions({
    queryKey: caseKeys.measureTools,
    queryFn: ({ signal }) => request<MeasureTools>("/api/measures/tools", { signal }),
    staleTime: 10 * 60_000,
  });
