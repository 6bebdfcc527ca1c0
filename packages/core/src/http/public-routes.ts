/**
 * The API routes anyone may call, without a token, as API Gateway route keys. Infra opens exactly
 * these on the HTTP API; the API's own auth middleware lets exactly these through.
 */
export const publicRoutes = [
  "GET /api/health",
  "GET /api/openapi.json",
  "GET /api/practices",
  "POST /api/self-referrals",
] as const;

export function isPublicRoute(method: string, path: string): boolean {
  return (publicRoutes as readonly string[]).includes(`${method.toUpperCase()} ${path}`);
}
