#!/usr/bin/env bash
# What the memory is at overload: bash bench/memory.sh [rates] [snapshot-rate]
#
# Needs a finished `bash bench/run.sh` (its published app and TicketRush in bench/results, its aie_bench database).
# Installs dotnet-counters and dotnet-gcdump (pinned, NuGet tools) into bench/results/tools, starts the app as run.sh
# does and warms the checkout up (2,000 buyers). Then two runs of the open loop, each on fresh step types (the last
# ones the open loop of run.sh never reaches):
#   1. RATES (default 300,600,900; 10 s each, stopping once two miss) while dotnet-counters records every second and
#      the process's resident memory is read every second: the peak resident memory, and the GC's committed memory,
#      gen2 size and pause time at their highest;
#   2. SNAPSHOT-RATE (default 700/s) for 10 s, with a dotnet-gcdump heap snapshot 8 s in: the live heap and the types
#      that hold most of it.
# The app's environment comes from bench/app-env.sh; anything else in the environment (DOTNET_*, Server__*, Database__*)
# reaches the app too, so a setting can be tried without a rebuild.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
rates=${1:-300,600,900}
snapshot_rate=${2:-700}
source "$root/bench/app-env.sh"
need_bench_run
bench_tool dotnet-counters
bench_tool dotnet-gcdump

# Step types from the end of the list: run.sh's open loop stops long before them. The first ones here serve the rates,
# the last the snapshot.
count=$(( $(tr ',' '\n' <<<"$rates" | wc -l) + 1 ))
types=$(psql_bench "SELECT string_agg(\"Id\"::text, ',' ORDER BY \"Id\") FROM (SELECT \"Id\" FROM \"TicketTypes\" WHERE \"Name\" LIKE 'Bench step %' ORDER BY \"Id\" DESC LIMIT $count) s")
snapshot_type=${types##*,}
rate_types=${types%,*}
warmup_type=$(psql_bench "SELECT \"Id\" FROM \"TicketTypes\" WHERE \"Name\" = 'Bench warm-up'")
psql_bench "DELETE FROM \"WaitingRooms\""

run_app() {
  start_app "$out/app" "$out/memory-app.log"
  dotnet "$out/rush/TicketRush.dll" --url "$url" --type "$warmup_type" --buyers 2000 --concurrency 100 >/dev/null
  sleep 5 # the warm-up's confirmations leave the outbox
}
mb() { awk -v b="$1" 'BEGIN {printf "%.0f", b / 1048576}'; }
status_mb() { awk -v k="$1:" '$1 == k {printf "%.0f", $2 / 1024}' "/proc/$app/status"; }

echo "== 1. open loop at $rates per second, types $rate_types; counters and resident memory every second"
run_app
echo "after the warm-up: resident $(status_mb VmRSS) MB (anonymous $(status_mb RssAnon), files $(status_mb RssFile), shared $(status_mb RssShmem))"
rm -f "$out/memory-counters.csv"
"$tools/dotnet-counters" collect -p $app --counters System.Runtime,Microsoft.AspNetCore.Server.Kestrel --refresh-interval 1 \
  --format csv -o "$out/memory-counters.csv" >/dev/null 2>&1 &
counters=$!
( while kill -0 $app 2>/dev/null; do echo "$(status_mb VmRSS) $(status_mb RssAnon)"; sleep 1; done ) >"$out/memory-rss.txt" 2>/dev/null &
sampler=$!
dotnet "$out/rush/TicketRush.dll" --mode open --url "$url" --rates "$rates" --types "$rate_types" --step-seconds 10 >"$out/memory-rush.txt" || true
peak=$(status_mb VmHWM)
kill $counters $sampler 2>/dev/null || true; wait $counters $sampler 2>/dev/null || true
kill $app; wait $app 2>/dev/null || true
grep '^|' "$out/memory-rush.txt"
counter_max() { grep -F "$1" "$out/memory-counters.csv" | cut -d, -f5 | sort -g | tail -n 1; }
echo
echo "| through the open loop | highest |"
echo "|---|---:|"
echo "| resident memory (VmHWM) | $peak MB |"
echo "| anonymous memory (RssAnon, read every second) | $(sort -k2 -n "$out/memory-rss.txt" | tail -n 1 | cut -d' ' -f2) MB |"
echo "| GC committed memory | $(mb "$(counter_max 'memory.committed_size')") MB |"
echo "| gen2 size after a collection | $(mb "$(counter_max 'heap.size (By)[gc.heap.generation=gen2]')") MB |"
echo "| open Kestrel connections | $(counter_max 'kestrel.active_connections') |"
echo "| GC pause, share of a second | $(counter_max 'gc.pause.time') |"

echo
echo "== 2. open loop at $snapshot_rate/s for 10 s, type $snapshot_type; a heap snapshot 8 s in"
run_app
dotnet "$out/rush/TicketRush.dll" --mode open --url "$url" --rates "$snapshot_rate" --types "$snapshot_type" --step-seconds 10 >"$out/memory-snapshot-rush.txt" &
rush=$!
sleep 8
rm -f "$out/memory.gcdump"
"$tools/dotnet-gcdump" collect -p $app -o "$out/memory.gcdump" >/dev/null
wait $rush || true
kill $app; wait $app 2>/dev/null || true
trap - EXIT
# The report's columns: average bytes per object, objects, type. Sorted here by bytes in all.
"$tools/dotnet-gcdump" report "$out/memory.gcdump" | head -n 2
echo
echo "| MB | objects | type (the 15 holding most of the live heap) |"
echo "|---:|---:|---|"
"$tools/dotnet-gcdump" report "$out/memory.gcdump" | tail -n +5 | sed 's/,//g' \
  | awk 'NF >= 3 && $1 ~ /^[0-9]+$/ { t = $3; printf "%d\t%d\t%s\n", $1 * $2, $2, t }' | sort -rn | head -n 15 \
  | awk -F'\t' '{ printf "| %.1f | %d | %s |\n", $1 / 1048576, $2, $3 }'
