#!/usr/bin/env bash
# Fails when the model has changes that no migration covers, for either provider.
# Pass --no-build right after a build of the solution (CI does): each provider then skips its own rebuild.
# Never right after `migrations add`: that checks a stale build (TOOLCHAIN.md).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Postgres Sqlite; do
  echo "== $provider"
  dotnet ef migrations has-pending-model-changes \
    --project "src/AiEngineer.Migrations.$provider" \
    --startup-project "src/AiEngineer.Migrations.$provider" "$@"
done
