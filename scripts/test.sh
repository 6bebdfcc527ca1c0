#!/usr/bin/env sh
# Runs the whole test suite: type-check, lint, then unit, integration (DynamoDB Local), infra (SST synth)
# and end-to-end (Chromium) tests. Extra arguments go to vitest, e.g. `--project unit`.
set -eu
cd "$(dirname "$0")/.."
. scripts/prepare.sh

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium for the end-to-end tests ..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ||
      fail "Could not install the Debian package 'chromium'."
  else
    fail "The end-to-end tests need Chromium at /usr/bin/chromium. Install the Debian package 'chromium' (sudo apt-get install chromium) and run this again."
  fi
fi

echo "Type-checking ..."
"$pnpm" -r --workspace-concurrency=1 typecheck >/dev/null || { "$pnpm" -r --workspace-concurrency=1 typecheck; fail "Type errors."; }
echo "Linting ..."
"$pnpm" exec biome check --error-on-warnings . || fail "Lint or formatting problems (pnpm format fixes most)."
echo "Running the tests ..."
exec "$pnpm" exec vitest run "$@"
