import type { MessageBack } from "@linkwork/core/message-back/schema";
import { queryOptions } from "@tanstack/solid-query";
import { ApiError, apiErrorFrom } from "../api/api-error";
import { request } from "../api/client";
import { session } from "../auth/session";
import { config } from "../config";
import { referralKeys, referralPath } from "./referrals";

export type { MessageBack };

export const messageBackKey = (referralId: string) => [...referralKeys.detail(referralId), "message-back"];

const messageBackPath = (referralId: string) => `${referralPath(referralId)}/message-back`;

export const messageBackQuery = (referralId: string) =>
  queryOptions({
    queryKey: messageBackKey(referralId),
    queryFn: ({ signal }) => request<MessageBack>(messageBackPath(referralId), { signal }),
    retry: false,
  });

/** The name in the answer's Content-Disposition header, or one made from the reference. */
function fileNameFrom(response: Response, fallback: string): string {
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

/**
 * Fetches the message back as a PDF with the signed-in user's token (a plain link could not
 * send it) and hands it to the browser to save under the name the API gives.
 */
export async function downloadMessageBackPdf(referralId: string, fallbackName: string): Promise<string> {
  const token = session.token();
  let response: Response;
  try {
    response = await fetch(`${config.apiUrl}${messageBackPath(referralId)}`, {
      headers: { Accept: "application/pdf", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    });
  } catch {
    throw new ApiError(
      0,
      "network_error",
      "Linkwork could not be reached. Check your connection and try again.",
    );
  }
  if (!response.ok) {
    const error = await apiErrorFrom(response);
    if (error.status === 401) session.end("expired");
    throw error;
  }
  const fileName = fileNameFrom(response, fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the object URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
