#!/usr/bin/env bash
# Adds the same migration to both providers, so the two sets keep the same names.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
# The compiled models first: the app's build needs them to match the model.
scripts/compile-models.sh
dotnet build src/AiEngineer.Web --nologo -v q
for provider in Postgres Sqlite; do
  echo "== $provider: $name"
  dotnet ef migrations add "$name" --no-build \
    --project "src/AiEngineer.Migrations.$provider" \
    --startup-project "src/AiEngineer.Migrations.$provider" \
    --output-dir Migrations
done
# Give both the same migration id (timestamp_name), so histories line up across providers.
pg=$(ls src/AiEngineer.Migrations.Postgres/Migrations/*_"$name".cs | sort | tail -1)
lite=$(ls src/AiEngineer.Migrations.Sqlite/Migrations/*_"$name".cs | sort | tail -1)
pg_id=$(basename "$pg" .cs); lite_id=$(basename "$lite" .cs)
if [ "$pg_id" != "$lite_id" ]; then
  dir=src/AiEngineer.Migrations.Sqlite/Migrations
  sed -i "s/\"$lite_id\"/\"$pg_id\"/" "$dir/$lite_id.Designer.cs"
  mv "$dir/$lite_id.cs" "$dir/$pg_id.cs"
  mv "$dir/$lite_id.Designer.cs" "$dir/$pg_id.Designer.cs"
fi
# A new SQLite database (the embedded default's first start, the SQLite tests) runs every migration as this one script
# (built first: the build before `migrations add` lacks the new migration).
dotnet ef migrations script --project src/AiEngineer.Migrations.Sqlite --startup-project src/AiEngineer.Migrations.Sqlite \
  -o src/AiEngineer.Migrations.Sqlite/NewDatabase.sql
rm -f src/AiEngineer.Migrations.Sqlite/design-time.db
echo "Added $name to both providers. Check with: scripts/check-migrations.sh"
