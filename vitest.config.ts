import { defineConfig } from "vitest/config";

// Lambda runs Node 22; the SDK's notice about Node 20 on this machine is not news.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

/** One run covers every project; `pnpm test` runs them all, a single project with `--project NAME`. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/test/**/*.test.ts", "functions/test/**/*.test.ts", "web/test/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "integration",
          include: [
            "tests/integration/**/*.test.ts",
            "tests/api/**/*.test.ts",
            "tests/pipeline/**/*.test.ts",
            "tests/live/**/*.test.ts",
          ],
          globalSetup: ["tests/support/dynamodb-global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "infra",
          include: ["infra/test/**/*.test.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
