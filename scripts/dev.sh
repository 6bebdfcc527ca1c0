#!/usr/bin/env sh
# Starts Linkwork locally with the demo world: DynamoDB Local, the API, the event pipeline and the web app.
# Options: --reset wipes the local data in .data/ first. Port: PORT (default 3000).
set -eu
cd "$(dirname "$0")/.."
. scripts/prepare.sh

echo "Building the web app ..."
"$pnpm" --filter @linkwork/web build >/dev/null || fail "The web app did not build."

exec "$pnpm" --filter @linkwork/local --silent dev "$@"
