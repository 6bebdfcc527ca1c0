export type AuthMode = "dev" | "cognito";

function readAuthMode(value: string | undefined): AuthMode {
  if (value === undefined || value === "" || value === "dev") return "dev";
  if (value === "cognito") return "cognito";
  throw new Error(`VITE_AUTH_MODE must be "dev" or "cognito", not "${value}"`);
}

/** Settings fixed at build time from Vite's environment. */
export const config = {
  apiUrl: (import.meta.env.VITE_API_URL ?? "").replace(/\/+$/, ""),
  authMode: readAuthMode(import.meta.env.VITE_AUTH_MODE),
  serviceName: "Linkwork",
} as const;
