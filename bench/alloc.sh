#!/usr/bin/env bash
# What a checkout allocates, and where: bash bench/alloc.sh [rate] [seconds]
#
# Needs a finished `bash bench/run.sh` (its published app and TicketRush in bench/results, its aie_bench database).
# Installs dotnet-trace (pinned) into bench/results/tools and builds bench/AllocTrace, starts the app as run.sh does
# with the outbox worker off (so the figures are the checkout's alone: the confirmations stay queued, and the script
# puts them back to sent afterwards), warms the checkout up, then drives the open loop at RATE orders/s (default 300)
# while dotnet-trace records the runtime's allocation ticks (one event per ~100 KB allocated, with its type and stack)
# for SECONDS (default 8); the trace's stacks slow the app, so the step's latency row is not comparable to run.sh's.
# AllocTrace prints the sampled bytes per order and the types, with the stacks, that hold most.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
rate=${1:-300}
seconds=${2:-8}
source "$root/bench/app-env.sh"
need_bench_run
bench_tool dotnet-trace
dotnet build -c Release bench/AllocTrace --nologo -v quiet >/dev/null

step=$(psql_bench "SELECT \"Id\" FROM \"TicketTypes\" WHERE \"Name\" LIKE 'Bench step %' ORDER BY \"Id\" DESC LIMIT 1")
warmup_type=$(psql_bench "SELECT \"Id\" FROM \"TicketTypes\" WHERE \"Name\" = 'Bench warm-up'")
psql_bench "DELETE FROM \"WaitingRooms\""
first_email=$(psql_bench "SELECT coalesce(max(\"Id\"), 0) FROM \"OutboundEmails\"")
Email__Outbox__Enabled=false start_app "$out/app" "$out/alloc-app.log"
echo "== warm-up: 3000 buyers"
dotnet "$out/rush/TicketRush.dll" --url "$url" --type "$warmup_type" --buyers 3000 --concurrency 100 >/dev/null
echo "== open loop at $rate/s, type $step; allocation ticks for ${seconds} s in its middle"
dotnet "$out/rush/TicketRush.dll" --mode open --url "$url" --rates "$rate" --types "$step" --step-seconds $((seconds + 6)) >"$out/alloc-rush.txt" &
rush=$!
sleep 3
orders_before=$(psql_bench "SELECT count(*) FROM \"Orders\"")
"$tools/dotnet-trace" collect -p $app --providers "Microsoft-Windows-DotNETRuntime:0x1:5" --duration "00:00:00:$(printf %02d "$seconds")" -o "$out/alloc.nettrace" >/dev/null
orders=$(( $(psql_bench "SELECT count(*) FROM \"Orders\"") - orders_before ))
wait $rush || true
kill $app; wait $app 2>/dev/null || true
trap - EXIT
# What the outbox would have sent: marked sent, so the next run's app does not start with a backlog.
psql_bench "UPDATE \"OutboundEmails\" SET \"Status\" = 'Sent', \"SentAt\" = now() WHERE \"Id\" > $first_email AND \"Status\" = 'Queued'"
grep '^|' "$out/alloc-rush.txt"
echo
echo "Allocation per order ($orders orders while tracing; types by sampled bytes, each with its commonest stacks):"
TOP=${TOP:-15} FRAMES=${FRAMES:-6} dotnet run -c Release --project bench/AllocTrace --no-build -- "$out/alloc.nettrace" "$orders"
