import { ValidationFailed } from "@linkwork/core/util/errors";
import type { Env, MiddlewareHandler } from "hono";

/** A UTF-16 surrogate without its partner: no UTF-8 can carry it, so DynamoDB would refuse it. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface Place {
  parent: Place | undefined;
  key: string;
}

function pathOf(place: Place | undefined): string {
  const keys: string[] = [];
  for (let at = place; at; at = at.parent) keys.push(at.key);
  return keys.reverse().join(".") || "(body)";
}

/**
 * The paths of every key and string in a parsed JSON value that is not well-formed Unicode. It
 * walks with a stack of its own, and names a place only when it reports it, as a body may nest
 * deeper than the call stack goes.
 */
export function malformedText(value: unknown): string[] {
  const found: string[] = [];
  const pending: { value: unknown; place: Place | undefined }[] = [{ value, place: undefined }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value: current, place } = next;
    if (typeof current === "string") {
      if (loneSurrogate.test(current)) found.push(pathOf(place));
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => {
        pending.push({ value: item, place: { parent: place, key: String(index) } });
      });
    } else if (current !== null && typeof current === "object") {
      for (const [key, item] of Object.entries(current)) {
        if (loneSurrogate.test(key)) found.push(pathOf({ parent: place, key: "(key)" }));
        else pending.push({ value: item, place: { parent: place, key } });
      }
    }
  }
  return found.sort();
}

/**
 * Refuses a JSON body holding text that is not well-formed Unicode (JSON's `\ud800` escapes can
 * say what no UTF-8 can), naming each place, before it reaches a schema or the database.
 */
export function wellFormedBody<E extends Env>(): MiddlewareHandler<E> {
  return async (c, next) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      // Not JSON at all: the body's validator answers that, with its own message.
      return next();
    }
    const paths = malformedText(body);
    if (paths.length > 0) {
      throw ValidationFailed(
        paths.map((path) => ({ path, message: "This text has characters that are not valid Unicode" })),
      );
    }
    await next();
  };
}
