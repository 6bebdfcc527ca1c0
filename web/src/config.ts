export type AuthMode = "dev" | "cognito";

function readAuthMode(value: string | undefined): AuthMode {
  if (value === undefined || value === "" || value === "dev") return "dev";
  if (value === "cognito") return "cognito";
  throw new Error(`VITE_AUTH_MODE must be "dev" or "cognito", not "${value}"`);
}

function readCognito(domain: string | undefined, clientId: string | undefined) {
  if (!domain || !clientId) return undefined;
  const origin = /^https?:\/\//.test(domain) ? domain : `https://${domain}`;
  return { origin: origin.replace(/\/+$/, ""), clientId };
}

/** Settings fixed at build time from Vite's environment. */
export const config = {
  apiUrl: (import.meta.env.VITE_API_URL ?? "").replace(/\/+$/, ""),
  authMode: readAuthMode(import.meta.env.VITE_AUTH_MODE),
  /** The hosted sign-in, when the deployment has configured one. */
  cognito: readCognito(import.meta.env.VITE_COGNITO_DOMAIN, import.meta.env.VITE_COGNITO_CLIENT_ID),
  serviceName: "Linkwork",
} as const;
