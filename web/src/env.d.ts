/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Origin of the API; the app calls `${VITE_API_URL}/api/...`. Unset means the app's own origin. */
  readonly VITE_API_URL?: string;
  /** `dev` (local sign-in as a demo user) or `cognito` (the deployment's hosted sign-in). */
  readonly VITE_AUTH_MODE?: string;
  /** The Cognito hosted sign-in domain, e.g. `linkwork-prod-123.auth.eu-west-2.amazoncognito.com`. */
  readonly VITE_COGNITO_DOMAIN?: string;
  /** The user pool's app client for this site (public: no secret, code flow with PKCE). */
  readonly VITE_COGNITO_CLIENT_ID?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
