#!/usr/bin/env bash
# Regenerates each provider's compiled EF model (src/AiEngineer.Migrations.<provider>/CompiledModel/), which the app runs
# on instead of building the model at every start. scripts/add-migration.sh calls it; run it alone after a model change
# that needs no migration (a value converter, a concurrency token). RuntimeModelTests fails while a compiled model is stale.
# Usage: scripts/compile-models.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Postgres Sqlite; do
  project=src/AiEngineer.Migrations.$provider
  # The old files go first: after a property is removed they would no longer compile, and the migrations project
  # (the design-time host here) must build without them.
  rm -rf "$project/CompiledModel"
  echo "== $provider: compiled model"
  dotnet ef dbcontext optimize --project "$project" --startup-project "$project" \
    --output-dir CompiledModel --namespace "AiEngineer.Migrations.$provider.CompiledModel" >/dev/null
done
rm -f src/AiEngineer.Migrations.Sqlite/design-time.db
