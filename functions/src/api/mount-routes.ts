import type { RouteConfig } from "@hono/zod-openapi";
import { type Hook, zValidator } from "@hono/zod-validator";
import type { Env, Hono, MiddlewareHandler, ValidationTargets } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ZodType } from "zod";
import type { OpenApiRoutes } from "./openapi-routes";
import { wellFormedBody } from "./well-formed-body";

/** Called with every validation result; the API throws its `validation_failed` error on a failure. */
export type ValidationHook<E extends Env> = Hook<
  unknown,
  E,
  string,
  keyof ValidationTargets,
  Record<never, never>,
  ZodType
>;

/**
 * Mounts declared routes on a Hono app with the validators @hono/zod-openapi's `openapi()` would
 * give them, in its order: query, path, headers, then the body behind a media type check.
 * Linkwork's bodies are JSON only; any other media type is refused here, when the app is built.
 */
export function mountRoutes<E extends Env>(
  app: Hono<E>,
  groups: OpenApiRoutes<E>[],
  hook: ValidationHook<E>,
): void {
  for (const group of groups) {
    for (const { route, handler } of group.declared) {
      app.on(
        [route.method],
        [route.path.replaceAll(/\/{(.+?)}/g, "/:$1")],
        ...validatorsFor(route, hook),
        handler,
      );
    }
  }
}

function validatorsFor<E extends Env>(route: RouteConfig, hook: ValidationHook<E>): MiddlewareHandler<E>[] {
  const request = route.request;
  const validators: MiddlewareHandler<E>[] = [];
  if (request?.query) validators.push(validate("query", request.query, hook));
  if (request?.params) validators.push(validate("param", request.params, hook));
  if (request?.headers) validators.push(validate("header", headerSchema(request.headers), hook));
  if (request?.cookies) validators.push(validate("cookie", request.cookies, hook));
  const content = request?.body?.content;
  if (!content) return validators;
  const mediaTypes = Object.keys(content);
  const json = content[jsonMediaType];
  const schema = json && "schema" in json ? json.schema : undefined;
  if (mediaTypes.some((mediaType) => mediaType !== jsonMediaType) || !isZodType(schema)) {
    throw new Error(`${route.method.toUpperCase()} ${route.path}: only a zod-typed JSON body is supported`);
  }
  validators.push(jsonOnly(), wellFormedBody());
  const validator = validate("json", schema, hook);
  validators.push(request?.body?.required ? validator : optionalBody(validator));
  return validators;
}

function validate<E extends Env>(
  target: keyof ValidationTargets,
  schema: ZodType,
  hook: ValidationHook<E>,
): MiddlewareHandler<E> {
  return zValidator<ZodType, keyof ValidationTargets, E, string, ValidationHook<E>>(target, schema, hook);
}

const jsonMediaType = "application/json";
const jsonRequest = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

/** 415 for a body that is not JSON, as @hono/zod-openapi answers (the error handler makes it a 400). */
function jsonOnly<E extends Env>(): MiddlewareHandler<E> {
  return async (c, next) => {
    const contentType = c.req.header("content-type");
    if (contentType ? !jsonRequest.test(contentType) : await hasRequestBody(c.req.raw)) {
      throw new HTTPException(415, { message: "Unsupported Media Type" });
    }
    await next();
  };
}

function optionalBody<E extends Env>(validator: MiddlewareHandler<E>): MiddlewareHandler<E> {
  return async (c, next) => {
    const contentType = c.req.header("content-type");
    if (contentType && /^application\/([a-z-.]+\+)?json/i.test(contentType)) return validator(c, next);
    c.req.addValidatedData("json", {});
    await next();
  };
}

async function hasRequestBody(request: Request): Promise<boolean> {
  if (request.body === null) return false;
  if (request.bodyUsed) return (await request.arrayBuffer()).byteLength > 0;
  const body = request.clone().body;
  if (body === null) return false;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      if (value.byteLength > 0) return true;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

function headerSchema(headers: ZodType | ZodType[]): ZodType {
  if (Array.isArray(headers)) throw new Error("Declare request headers as one zod object");
  return headers;
}

function isZodType(value: unknown): value is ZodType {
  return typeof value === "object" && value !== null && "_zod" in value;
}
