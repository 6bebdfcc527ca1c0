import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { defineConfig, type Plugin } from "vite";
import solid from "vite-plugin-solid";

const require = createRequire(import.meta.url);
const nhsukImages = join(
  dirname(require.resolve("nhsuk-frontend/package.json")),
  "dist",
  "nhsuk",
  "assets",
  "images",
);

/**
 * The NHS.UK stylesheet points at `/assets/images/...` (icons, favicon): serve those files in dev
 * and emit them into the build, straight from the installed package.
 */
function nhsukAssets(): Plugin {
  return {
    name: "linkwork-nhsuk-assets",
    configureServer(server) {
      server.middlewares.use("/assets/images", (request, response, next) => {
        const name = (request.url ?? "").split("?")[0]?.replace(/^\//, "") ?? "";
        if (!readdirSync(nhsukImages).includes(name)) return next();
        response.setHeader(
          "Content-Type",
          name.endsWith(".svg") ? "image/svg+xml" : "application/octet-stream",
        );
        response.end(readFileSync(join(nhsukImages, name)));
      });
    },
    generateBundle() {
      for (const name of readdirSync(nhsukImages)) {
        this.emitFile({
          type: "asset",
          fileName: `assets/images/${name}`,
          source: readFileSync(join(nhsukImages, name)),
        });
      }
    },
  };
}

/** In dev, `/api` and `/auth` go to the local runtime (`PORT`, 3000 unless set). */
const runtimeUrl = process.env.LINKWORK_RUNTIME_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;

export default defineConfig({
  plugins: [solid(), nhsukAssets()],
  server: {
    proxy: { "/api": runtimeUrl, "/auth": runtimeUrl },
  },
  build: {
    target: "es2022",
    sourcemap: true,
    // The NHS.UK stylesheet is shipped minified and carries old-browser hacks (`@media screen\0`)
    // that the CSS minifier rejects; the app's own CSS is too small to be worth minifying.
    cssMinify: false,
  },
});
