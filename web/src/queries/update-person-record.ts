import type { PersonMatch, PersonRecord, PersonUpdateInput } from "@linkwork/core/person/requests";
import { useMutation, useQueryClient } from "@tanstack/solid-query";
import { request } from "../api/client";
import { PersonRecordConflict } from "../api/person-record-conflict";
import { isConflictError } from "../api/referral-conflict";
import { personMatchKeys } from "./person-match";
import { fetchPersonRecord, personKeys, personPath } from "./person-record";

export interface PersonRecordChange {
  personId: string;
  body: PersonUpdateInput;
}

/**
 * A coordinator corrects a person's stored record, against the version they loaded. The record
 * is cached as the API returned it; the only other places that show it are possible matches
 * naming this person, which refetch. Referrals keep their own copy of the details, so they do not.
 * A 409 comes back as a PersonRecordConflict carrying the record as it is now.
 */
export function useUpdatePersonRecord(
  handlers: { onSuccess?: (record: PersonRecord) => void; onError?: (error: Error) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation(() => ({
    mutationFn: async ({ personId, body }: PersonRecordChange) => {
      try {
        return await request<PersonRecord>(personPath(personId), { method: "PATCH", body });
      } catch (error) {
        if (!isConflictError(error)) throw error;
        throw new PersonRecordConflict(
          error,
          personId,
          await fetchPersonRecord(personId).catch(() => undefined),
        );
      }
    },
    onSuccess: (record: PersonRecord) => {
      queryClient.setQueryData(personKeys.detail(record.id), record);
      handlers.onSuccess?.(record);
      return queryClient.invalidateQueries({
        queryKey: personMatchKeys,
        predicate: (query) => {
          const match = query.state.data as PersonMatch | undefined;
          return match === undefined || match.candidate.personId === record.id;
        },
      });
    },
    onError: (error: Error) => handlers.onError?.(error),
  }));
}
