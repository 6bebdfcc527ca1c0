import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context, MiddlewareHandler } from "hono";

const notBuiltPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Linkwork: web app not built</title></head>
<body style="font-family: Arial, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>The web app has not been built yet</h1>
<p>The API is running at <a href="/api/health">/api/health</a> (documented at <a href="/api/openapi.json">/api/openapi.json</a>).</p>
<p>To see the app, build it and reload this page:</p>
<pre>pnpm --filter @linkwork/web build</pre>
<p>or, while working on it, run <code>pnpm --filter @linkwork/web dev</code> beside this runtime.</p>
</body>
</html>`;

/**
 * Serves the built single-page app: files as they are, and index.html for any other page path so
 * the client-side router can take it. Hashed assets are cached for good; index.html never is.
 * Whether the app is built is checked on each request, so building it needs no restart.
 */
export function webApp(webRoot: string): MiddlewareHandler {
  const indexFile = join(webRoot, "index.html");
  let servers: { files: MiddlewareHandler; index: MiddlewareHandler } | undefined;
  // Made once the app exists: serveStatic complains at creation about a missing folder.
  const serversFor = () =>
    (servers ??= {
      files: serveStatic({ root: webRoot }),
      index: serveStatic({ path: indexFile }),
    });
  const unresolved = async () => undefined;

  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    if (!existsSync(indexFile)) return c.html(notBuiltPage, 200);
    const { files, index } = serversFor();
    const file = await files(c, unresolved);
    if (file) {
      cacheFor(file, c.req.path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
      return file;
    }
    if (looksLikeFile(c.req.path) && !acceptsHtml(c)) return next();
    const page = await index(c, unresolved);
    if (!page) return next();
    cacheFor(page, "no-cache");
    return page;
  };
}

function cacheFor(response: Response, policy: string): void {
  response.headers.set("Cache-Control", policy);
}

/** A path whose last segment has an extension names a file; a missing file is a 404, not the app. */
function looksLikeFile(path: string): boolean {
  const last = path.split("/").pop() ?? "";
  return last.includes(".");
}

function acceptsHtml(c: Context): boolean {
  return (c.req.header("accept") ?? "").includes("text/html");
}
