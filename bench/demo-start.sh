#!/usr/bin/env bash
# The demo's start, as a new user meets it: bash bench/demo-start.sh [runs]
#
# For each run: deletes the embedded SQLite database (src/AiEngineer.Web/App_Data), runs
# `dotnet run --project src/AiEngineer.Web` (its restore-and-build check included, as the README's first command) and
# polls http://localhost:5000/ until it answers 200. Prints the seconds per run, the app's own breakdown from its log
# (database step, migrations, seed steps) and the median. Build once first (dotnet build); port 5000 must be free.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
log=$(mktemp)
times=()
stop() { pkill -f "bin/Debug/net10.0/AiEngineer.Web" 2>/dev/null || true; }
trap stop EXIT
for run in $(seq 1 "$runs"); do
  stop; sleep 0.5
  rm -rf src/AiEngineer.Web/App_Data
  start=$(date +%s%N)
  dotnet run --project src/AiEngineer.Web >"$log" 2>&1 &
  until [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:5000/ 2>/dev/null)" = 200 ]; do
    (( $(date +%s%N) - start < 120000000000 )) || { echo "no 200 within 120 s"; cat "$log"; exit 1; }
    sleep 0.05
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$ms")
  printf 'run %d: %d.%03d s | %s\n' "$run" $((ms / 1000)) $((ms % 1000)) \
    "$(grep -oE 'Preparing the database [0-9]+ ms after the process started|Applied the migrations in [0-9]+ ms|Demo seed steps: .*ms|Seeded the demo in [0-9]+ ms' "$log" | sed 's/ AiEngineer.*//' | paste -sd ';' -)"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf 'median of %d: %d.%03d s\n' "$runs" $((median / 1000)) $((median % 1000))
rm -f "$log"
