import type { PersonRecord } from "@linkwork/core/person/requests";
import { queryOptions } from "@tanstack/solid-query";
import { request } from "../api/client";

export const personKeys = {
  all: ["people"] as const,
  detail: (personId: string) => [...personKeys.all, "detail", personId] as const,
};

export const personPath = (personId: string) => `/api/people/${encodeURIComponent(personId)}`;

export function fetchPersonRecord(personId: string, signal?: AbortSignal): Promise<PersonRecord> {
  return request<PersonRecord>(personPath(personId), signal ? { signal } : {});
}

/** A person's stored record with its version (triage coordinators only; every read is audited). */
export const personRecordQuery = (personId: string) =>
  queryOptions({
    queryKey: personKeys.detail(personId),
    queryFn: ({ signal }) => fetchPersonRecord(personId, signal),
  });
