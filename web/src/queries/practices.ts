import { queryOptions } from "@tanstack/solid-query";
import { request } from "../api/client";

/** The area's GP practices; public, so a person referring themselves can pick theirs. */
export const practicesQuery = () =>
  queryOptions({
    queryKey: ["practices"] as const,
    queryFn: ({ signal }) =>
      request<{ items: { odsCode: string; name: string }[] }>("/api/practices", { signal, anonymous: true }),
    staleTime: 60 * 60_000,
    select: (data) => data.items.map((practice) => ({ value: practice.odsCode, label: practice.name })),
  });
