#!/usr/bin/env sh
# Runs the benchmarks in bench/ through the local runtime and prints their figures.
set -eu
cd "$(dirname "$0")/.."
. scripts/prepare.sh
exec "$pnpm" --filter @linkwork/bench bench "$@"
