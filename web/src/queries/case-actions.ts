import type { MeasureRequest } from "@linkwork/core/casework/measure-schema";
import type {
  Case,
  ConnectionRequest,
  ConnectionStatusRequest,
  ContactRequest,
  EscalationRequest,
  PlanRequestInput,
  ResolveEscalationRequest,
} from "@linkwork/core/casework/schema";
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/solid-query";
import { type RequestOptions, request } from "../api/client";
import { isConflictError } from "../api/referral-conflict";
import { caseKeys, fetchCase } from "./case";
import { CaseConflict } from "./case-conflict";
import { caseloadKeys } from "./caseload";
import { escalationKeys } from "./escalations";
import { referralKeys, referralPath } from "./referrals";

/** A schema's input type, as `z.input` gives it, without the web app depending on zod itself. */
type Input<Schema extends { _zod: { input: unknown } }> = Schema["_zod"]["input"];

/** Each change a link worker makes to a case, with what it sends. */
export type CaseWrite =
  | { kind: "contact"; body: Input<typeof ContactRequest> }
  | { kind: "plan"; body: PlanRequestInput }
  | { kind: "measure"; body: Input<typeof MeasureRequest> }
  | { kind: "connection"; body: Input<typeof ConnectionRequest> }
  | { kind: "connection_status"; connectionId: string; body: Input<typeof ConnectionStatusRequest> }
  | { kind: "escalation"; body: Input<typeof EscalationRequest> }
  | { kind: "resolve_escalation"; escalationId: string; body: Input<typeof ResolveEscalationRequest> };

export type CaseWriteKind = CaseWrite["kind"];

function route(referralId: string, write: CaseWrite): { path: string; method: RequestOptions["method"] } {
  const base = referralPath(referralId);
  switch (write.kind) {
    case "contact":
      return { path: `${base}/contacts`, method: "POST" };
    case "plan":
      return { path: `${base}/plan`, method: "PUT" };
    case "measure":
      return { path: `${base}/measures`, method: "POST" };
    case "connection":
      return { path: `${base}/connections`, method: "POST" };
    case "connection_status":
      return { path: `${base}/connections/${encodeURIComponent(write.connectionId)}`, method: "PATCH" };
    case "escalation":
      return { path: `${base}/escalations`, method: "POST" };
    case "resolve_escalation":
      return {
        path: `${base}/escalations/${encodeURIComponent(write.escalationId)}/resolve`,
        method: "POST",
      };
  }
}

function isCase(value: unknown): value is Case {
  return typeof value === "object" && value !== null && "referralId" in value && "contacts" in value;
}

/** The case as it is after the change: the plan answers with the case, the rest with `{ ..., case }`. */
function caseIn(response: unknown): Case | undefined {
  if (isCase(response)) return response;
  const nested =
    typeof response === "object" && response !== null ? Reflect.get(response, "case") : undefined;
  return isCase(nested) ? nested : undefined;
}

/** Changes that carry a version: a 409 on them is someone else's change, to explain. */
const versioned: readonly CaseWriteKind[] = ["plan", "connection_status", "resolve_escalation"];

/**
 * After a change to a case: the case as the API returned it, and the referral, its lists, its
 * timeline and the caseload, which show its status, first contact, review date and attempts (and
 * for an escalation, the queues).
 */
function refreshAfterCaseChange(
  queryClient: QueryClient,
  referralId: string,
  latest: Case | undefined,
  write: CaseWrite,
) {
  if (latest) queryClient.setQueryData(caseKeys.detail(referralId), latest);
  else void queryClient.invalidateQueries({ queryKey: caseKeys.detail(referralId), exact: true });
  return Promise.all(
    [
      referralKeys.detail(referralId),
      referralKeys.lists(),
      referralKeys.timeline(referralId),
      caseloadKeys.mine,
      ...(write.kind === "escalation" || write.kind === "resolve_escalation" ? [escalationKeys.open] : []),
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}

export interface CaseWriteHandlers {
  onSuccess?: (latest: Case | undefined, write: CaseWrite, response: unknown) => void;
  onError?: (error: Error, write: CaseWrite) => void;
}

/**
 * One change to the case beside a referral. A stale version comes back as a CaseConflict with the
 * case as it is now; any other refusal (a closed case, a second baseline) keeps the API's message,
 * and the case is read again so the page shows what may be done now.
 */
export function useCaseWrite(referralId: () => string, handlers: CaseWriteHandlers = {}) {
  const queryClient = useQueryClient();
  return useMutation(() => ({
    mutationFn: async (write: CaseWrite) => {
      const { path, method } = route(referralId(), write);
      try {
        return await request<unknown>(path, { method, body: write.body });
      } catch (error) {
        if (!isConflictError(error)) throw error;
        void queryClient.invalidateQueries({ queryKey: caseKeys.detail(referralId()), exact: true });
        if (error.code !== "version_conflict" || !versioned.includes(write.kind)) throw error;
        throw new CaseConflict(error, referralId(), await fetchCase(referralId()).catch(() => undefined));
      }
    },
    onSuccess: (response: unknown, write: CaseWrite) => {
      const latest = caseIn(response);
      handlers.onSuccess?.(latest, write, response);
      return refreshAfterCaseChange(queryClient, referralId(), latest, write);
    },
    onError: (error: Error, write: CaseWrite) => handlers.onError?.(error, write),
  }));
}
