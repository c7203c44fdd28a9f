#!/usr/bin/env bash
# Fails when the model has changes that no migration covers, for either provider.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Postgres Sqlite; do
  echo "== $provider"
  dotnet ef migrations has-pending-model-changes \
    --project "src/AiEngineer.Migrations.$provider" \
    --startup-project "src/AiEngineer.Migrations.$provider"
done
