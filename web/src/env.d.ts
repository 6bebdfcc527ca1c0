/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Origin of the API; the app calls `${VITE_API_URL}/api/...`. Unset means the app's own origin. */
  readonly VITE_API_URL?: string;
  /** `dev` (local sign-in as a demo user) or `cognito` (hosted sign-in, configured by the deployment). */
  readonly VITE_AUTH_MODE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
