import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const testClientId = "linkwork-web-e2e";

interface Authorisation {
  challenge: string;
  redirectUri: string;
}

export interface FakeHostedSignIn {
  origin: string;
  /** Every token request, and whether its PKCE verifier matched the challenge sent at the start. */
  tokenRequests: { verifierMatched: boolean }[];
  setAppUrl(url: string): void;
  stop(): Promise<void>;
}

const base64Url = (buffer: Buffer) => buffer.toString("base64url");

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Plays the Cognito hosted sign-in's OAuth endpoints (authorize, token, logout) with the checks
 * Cognito makes: the client id, the registered redirect, and the PKCE S256 verifier. A person
 * "signs in" as the demo GP: the ID token comes from the local runtime's dev issuer, which the
 * API trusts, so what the app does with it is exactly what it would do with Cognito's.
 */
export async function startFakeHostedSignIn(email: string): Promise<FakeHostedSignIn> {
  const codes = new Map<string, Authorisation>();
  const tokenRequests: { verifierMatched: boolean }[] = [];
  let appUrl = "";

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://fake");
    const refuse = (message: string) =>
      response.writeHead(400, { "Content-Type": "text/plain" }).end(message);
    if (request.method === "GET" && url.pathname === "/oauth2/authorize") {
      const redirectUri = url.searchParams.get("redirect_uri") ?? "";
      if (url.searchParams.get("client_id") !== testClientId) return refuse("unknown client");
      if (redirectUri !== `${appUrl}/sign-in/callback`) return refuse("redirect_uri not registered");
      if (url.searchParams.get("code_challenge_method") !== "S256") return refuse("PKCE S256 required");
      const code = randomUUID();
      codes.set(code, { challenge: url.searchParams.get("code_challenge") ?? "", redirectUri });
      const back = new URL(redirectUri);
      back.searchParams.set("code", code);
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      return response.writeHead(302, { Location: back.toString() }).end();
    }
    if (request.method === "POST" && url.pathname === "/oauth2/token") {
      const form = new URLSearchParams(await readBody(request));
      const cors = { "Access-Control-Allow-Origin": appUrl, "Content-Type": "application/json" };
      const authorisation = codes.get(form.get("code") ?? "");
      codes.delete(form.get("code") ?? "");
      const verifier = form.get("code_verifier") ?? "";
      const verifierMatched =
        authorisation !== undefined &&
        base64Url(createHash("sha256").update(verifier).digest()) === authorisation.challenge;
      tokenRequests.push({ verifierMatched });
      if (!authorisation || !verifierMatched || form.get("redirect_uri") !== authorisation.redirectUri) {
        return response.writeHead(400, cors).end(JSON.stringify({ error: "invalid_grant" }));
      }
      const issued = await fetch(`${appUrl}/auth/dev/token`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email }),
      });
      const { token } = (await issued.json()) as { token: string };
      const body = { id_token: token, access_token: token, token_type: "Bearer", expires_in: 3600 };
      return response.writeHead(200, cors).end(JSON.stringify(body));
    }
    if (request.method === "GET" && url.pathname === "/logout") {
      if (url.searchParams.get("client_id") !== testClientId) return refuse("unknown client");
      return response.writeHead(302, { Location: url.searchParams.get("logout_uri") ?? "/" }).end();
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    tokenRequests,
    setAppUrl: (url) => {
      appUrl = url;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
