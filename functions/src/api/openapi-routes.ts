import type { RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { Env } from "hono";

/**
 * Routes declared the way @hono/zod-openapi declares them (`createRoute`, then `.openapi(route,
 * handler)`), but as plain data: the API mounts them with their validators (mount-routes.ts) and
 * the OpenAPI document is generated from the same list only when someone asks for it
 * (openapi-document.ts). Importing @hono/zod-openapi itself at run time would add the OpenAPI
 * generator to every cold start, and its `extendZodWithOpenApi(z)` pulls in the whole of zod,
 * every locale included. Only its types are used here.
 */
export function createRoute<Path extends string, Route extends Omit<RouteConfig, "path"> & { path: Path }>(
  route: Route,
): Route {
  return route;
}

export interface DeclaredRoute<E extends Env> {
  route: RouteConfig;
  handler: RouteHandler<RouteConfig, E>;
}

export class OpenApiRoutes<E extends Env> {
  readonly declared: DeclaredRoute<E>[] = [];

  openapi<Route extends RouteConfig>(route: Route, handler: RouteHandler<Route, E>): this {
    // Stored for mounting, where the validators guarantee the input the handler's types promise.
    this.declared.push({ route, handler: handler as unknown as RouteHandler<RouteConfig, E> });
    return this;
  }
}
