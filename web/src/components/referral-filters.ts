import { NeedDomain, Priority, ReferralStatus, RiskFlag } from "@linkwork/core/referral/schema";
import type { ReferralFilters } from "../queries/referrals";

/** The filters as they appear in the page's address, e.g. `?status=received&priority=urgent&overdue=true`. */
export type FilterParams = Partial<Record<"status" | "priority" | "riskFlag" | "need" | "overdue", string>>;

/** Reads the filters from the address, ignoring anything that is not a real value. */
export function filtersFromParams(params: FilterParams): ReferralFilters {
  return {
    status: ReferralStatus.safeParse(params.status).data,
    priority: Priority.safeParse(params.priority).data,
    riskFlag: RiskFlag.safeParse(params.riskFlag).data,
    need: NeedDomain.safeParse(params.need).data,
    overdue: params.overdue === "true" ? true : undefined,
  };
}

/** The address for a set of filters, leaving out the ones not set. */
export function filtersHref(filters: ReferralFilters): string {
  const search = new URLSearchParams();
  if (filters.status) search.set("status", filters.status);
  if (filters.priority) search.set("priority", filters.priority);
  if (filters.riskFlag) search.set("riskFlag", filters.riskFlag);
  if (filters.need) search.set("need", filters.need);
  if (filters.overdue) search.set("overdue", "true");
  const query = search.toString();
  return query ? `/referrals?${query}` : "/referrals";
}

export function hasNarrowingFilters(filters: ReferralFilters): boolean {
  return Boolean(filters.priority || filters.riskFlag || filters.need || filters.overdue);
}
