import type { CapacityRequest } from "@linkwork/core/referral/requests";
import { useMutation, useQueryClient } from "@tanstack/solid-query";
import { request } from "../api/client";
import { caseloadKeys } from "./caseload";
import { type LinkWorkerCapacity, linkWorkerKeys } from "./link-workers";
import { organisationsQuery } from "./organisations";

type CapacityBody = (typeof CapacityRequest)["_zod"]["input"];

/**
 * A manager sets one link worker's caseload limit, against the version they saw. The
 * organisation's free places change with it, and so does the worker's own caseload page. The
 * handlers are the mutation's own, as the worker's card is replaced when the new limit arrives.
 */
export function useSetCapacity(
  organisationId: () => string,
  handlers: { onSuccess?: (worker: LinkWorkerCapacity) => void; onError?: (error: Error) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation(() => ({
    mutationFn: ({ userId, body }: { userId: string; body: CapacityBody }) =>
      request<LinkWorkerCapacity>(`/api/link-workers/${encodeURIComponent(userId)}/capacity`, {
        method: "PUT",
        body,
      }),
    onError: (error: Error) => handlers.onError?.(error),
    onSuccess: (worker: LinkWorkerCapacity) => {
      handlers.onSuccess?.(worker);
      return Promise.all(
        [
          linkWorkerKeys.ofOrganisation(organisationId()),
          organisationsQuery().queryKey,
          caseloadKeys.mine,
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  }));
}
