import type {
  AllocateRequest,
  AssignRequest,
  CloseRequest,
  DeclineRequest,
  ReassignRequest,
  ReopenRequest,
  ReturnToTriageRequest,
  SignpostRequest,
  TriageRequest,
  VersionOnly,
  WithdrawRequest,
} from "@linkwork/core/referral/requests";
import type { Referral } from "@linkwork/core/referral/schema";
import { type QueryClient, type QueryKey, useMutation, useQueryClient } from "@tanstack/solid-query";
import { request } from "../api/client";
import { isConflictError, ReferralConflict } from "../api/referral-conflict";
import { caseloadKeys } from "./caseload";
import { linkWorkerKeys } from "./link-workers";
import { organisationsQuery } from "./organisations";
import { type MatchDecision, personMatchKey } from "./person-match";
import { fetchReferral, referralKeys, referralPath } from "./referrals";

/** A schema's input type, as `z.input` gives it, without the web app depending on zod itself. */
type Input<Schema extends { _zod: { input: unknown } }> = Schema["_zod"]["input"];

/** Each workflow action's path under `/api/referrals/{id}/` and its request body. */
export interface ReferralActionBodies {
  triage: Input<typeof TriageRequest>;
  signpost: Input<typeof SignpostRequest>;
  allocate: Input<typeof AllocateRequest>;
  accept: Input<typeof VersionOnly>;
  decline: Input<typeof DeclineRequest>;
  claim: Input<typeof VersionOnly>;
  "first-contact": Input<typeof VersionOnly>;
  close: Input<typeof CloseRequest>;
  reopen: Input<typeof ReopenRequest>;
  withdraw: Input<typeof WithdrawRequest>;
  assign: Input<typeof AssignRequest>;
  reassign: Input<typeof ReassignRequest>;
  "return-to-triage": Input<typeof ReturnToTriageRequest>;
}
export type ReferralActionName = keyof ReferralActionBodies;

export type ReferralAction = {
  [Name in ReferralActionName]: { action: Name; referralId: string; body: ReferralActionBodies[Name] };
}[ReferralActionName];

/** Besides the referral itself, its lists and its timeline: what else each action changes. */
function alsoChanged(action: ReferralActionName | MatchDecision, referralId: string): QueryKey[] {
  const options = referralKeys.allocationOptions(referralId);
  const capacity = [caseloadKeys.mine, linkWorkerKeys.all, organisationsQuery().queryKey];
  switch (action) {
    case "triage":
    case "decline":
      return [options];
    case "allocate":
      return [options, organisationsQuery().queryKey];
    case "claim":
    case "close":
    case "reopen":
    case "assign":
    case "reassign":
      return capacity;
    case "return-to-triage":
      return [options, ...capacity];
    case "first-contact":
      return [caseloadKeys.mine];
    case "confirm":
    case "split":
      return [personMatchKey(referralId)];
    default:
      return [];
  }
}

/** After a change: the new referral is cached as the API returned it, and only what it touched refetches. */
export function refreshAfterChange(
  queryClient: QueryClient,
  action: ReferralActionName | MatchDecision,
  referral: Referral,
): Promise<unknown> {
  queryClient.setQueryData(referralKeys.detail(referral.id), referral);
  return Promise.all(
    [referralKeys.lists(), referralKeys.timeline(referral.id), ...alsoChanged(action, referral.id)].map(
      (queryKey) => queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

/**
 * Turns a 409 into a ReferralConflict carrying the referral's current state. A refusal of a
 * referral nobody else has touched (no consent to share, say) is no race: its own message stands.
 */
export async function explainConflict(
  error: unknown,
  referralId: string,
  sentVersion: number,
): Promise<unknown> {
  if (!isConflictError(error)) return error;
  const latest = await fetchReferral(referralId).catch(() => undefined);
  const raced = error.code === "already_claimed" || error.code === "capacity_reached";
  if (!raced && latest?.version === sentVersion) return error;
  return new ReferralConflict(error, referralId, latest);
}

export interface ReferralActionHandlers {
  onSuccess?: (referral: Referral, action: ReferralAction) => void;
  onError?: (error: Error, action: ReferralAction) => void;
}

/**
 * One workflow action on a referral (triage, allocate, accept, decline, claim...). A 409 comes
 * back as a ReferralConflict with the referral as it is now, for the page to explain.
 *
 * The handlers are the mutation's own, not `mutate`'s: a card whose referral leaves the list
 * when the change lands is gone before the list refetches, and the page must still hear of it.
 */
export function useReferralAction(handlers: ReferralActionHandlers = {}) {
  const queryClient = useQueryClient();
  return useMutation(() => ({
    mutationFn: async ({ action, referralId, body }: ReferralAction) => {
      try {
        return await request<Referral>(`${referralPath(referralId)}/${action}`, { method: "POST", body });
      } catch (error) {
        throw await explainConflict(error, referralId, body.version);
      }
    },
    onSuccess: (referral: Referral, variables: ReferralAction) => {
      handlers.onSuccess?.(referral, variables);
      return refreshAfterChange(queryClient, variables.action, referral);
    },
    onError: (error: Error, variables: ReferralAction) => handlers.onError?.(error, variables),
  }));
}
