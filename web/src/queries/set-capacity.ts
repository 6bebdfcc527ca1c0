import { CapacityRequest } from "@linkwork/core/referral/requests";
import { useMutation, useQueryClient } from "@tanstack/solid-query";
import { request } from "../api/client";
import { caseloadKeys } from "./caseload";
import { type LinkWorkerCapacity, linkWorkerKeys } from "./link-workers";
import { organisationsQuery } from "./organisations";

type CapacityBody = (typeof CapacityRequest)["_zod"]["input"];

export { CapacityRequest };

/**
 * A manager sets one link worker's caseload limit, against the version they saw. The
 * organisation's free places change with it, and so does the worker's own caseload page.
 */
export function useSetCapacity(organisationId: () => string) {
  const queryClient = useQueryClient();
  return useMutation(() => ({
    mutationFn: ({ userId, body }: { userId: string; body: CapacityBody }) =>
      request<LinkWorkerCapacity>(`/api/link-workers/${encodeURIComponent(userId)}/capacity`, {
        method: "PUT",
        body,
      }),
    onSuccess: () =>
      Promise.all(
        [
          linkWorkerKeys.ofOrganisation(organisationId()),
          organisationsQuery().queryKey,
          caseloadKeys.mine,
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  }));
}
