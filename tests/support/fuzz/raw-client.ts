import type { HttpApiHandler } from "@linkwork/local/api-gateway";
import { invokeHttpApi } from "@linkwork/local/api-gateway";
import type { DevIdentity } from "@linkwork/local/dev-issuer";
import type { ApiHarness } from "../api";

/** A request exactly as the fuzz test sends it: the path and query already encoded, the body as text. */
export interface RawRequest {
  caller: string;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string | undefined;
  sourceIp: string;
}

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
}

/**
 * Sends raw requests to the harness's API handler, through the API Gateway emulation, as named
 * callers: each signed in with a token signed once, or sending the Authorization header it names.
 */
export async function createRawClient(
  api: ApiHarness,
  identities: Record<string, DevIdentity>,
  malformedAuthorizations: Record<string, string>,
) {
  const { handler } = (await import("@linkwork/functions/api/index")) as { handler: HttpApiHandler };
  const authorizations: Record<string, string | undefined> = {
    "signed-out": undefined,
    ...malformedAuthorizations,
  };
  for (const [name, identity] of Object.entries(identities)) {
    authorizations[name] = `Bearer ${await api.issuer.sign(identity)}`;
  }

  async function send(request: RawRequest): Promise<RawResponse> {
    const headers = new Headers(request.headers);
    const authorization = authorizations[request.caller];
    if (authorization !== undefined) headers.set("authorization", authorization);
    const url = `https://api.linkwork.test${request.path}${request.query ? `?${request.query}` : ""}`;
    const response = await invokeHttpApi(
      handler,
      new Request(url, {
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
      }),
      request.sourceIp,
    );
    return {
      status: response.status,
      contentType: response.headers.get("content-type") ?? "",
      text: await response.text(),
    };
  }

  const signedIn = Object.keys(identities);
  const others = Object.keys(authorizations).filter((name) => !signedIn.includes(name));
  return { callers: { signedIn, others }, send };
}
