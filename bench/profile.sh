#!/usr/bin/env bash
# Where a checkout's time goes at the knee: bash bench/profile.sh [rate]
#
# Needs a finished `bash bench/run.sh` (its published app and TicketRush in bench/results, its aie_bench database).
# Installs dotnet-trace and dotnet-counters (pinned, NuGet tools) into bench/results/tools, starts the app as run.sh
# does, warms the checkout up (2,000 buyers), then drives the open loop at RATE orders/s (default 450, near the knee)
# for 20 s on a fresh step type while dotnet-counters records the runtime's and ASP.NET Core's counters and dotnet-trace
# samples every thread's stack (~100 Hz) for 10 s in the middle. Prints the counters' means over that window and the
# methods most often on the stack, exclusive (where threads are) and inclusive (what they are in).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
rate=${1:-450}
source "$root/bench/app-env.sh"
need_bench_run
bench_tool dotnet-trace
bench_tool dotnet-counters

# The last step type: the open loop of run.sh stops long before it.
step=$(psql_bench "SELECT \"Id\" FROM \"TicketTypes\" WHERE \"Name\" LIKE 'Bench step %' ORDER BY \"Id\" DESC LIMIT 1")
warmup_type=$(psql_bench "SELECT \"Id\" FROM \"TicketTypes\" WHERE \"Name\" = 'Bench warm-up'")
psql_bench "DELETE FROM \"WaitingRooms\""
start_app "$out/app" "$out/profile-app.log"
echo "== warm-up: 2000 buyers"
dotnet "$out/rush/TicketRush.dll" --url "$url" --type "$warmup_type" --buyers 2000 --concurrency 200 >/dev/null
sleep 5 # the warm-up's confirmations leave the outbox

echo "== open loop at $rate/s for 20 s, type $step; counters for the whole step, a trace of 10 s in its middle"
rm -f "$out/profile.nettrace" "$out/profile-counters.csv"
dotnet "$out/rush/TicketRush.dll" --mode open --url "$url" --rates "$rate" --types "$step" --step-seconds 20 >"$out/profile-rush.txt" &
rush=$!
"$tools/dotnet-counters" collect -p $app --counters System.Runtime,Microsoft.AspNetCore.Hosting,Microsoft.AspNetCore.Server.Kestrel,System.Threading.RateLimiting \
  --format csv -o "$out/profile-counters.csv" --duration 00:00:00:20 >/dev/null &
counters=$!
sleep 5
"$tools/dotnet-trace" collect -p $app --profile dotnet-sampled-thread-time --duration 00:00:00:10 -o "$out/profile.nettrace" >/dev/null
wait $rush || true
wait $counters || true
kill $app; wait $app 2>/dev/null || true
trap - EXIT

grep '^|' "$out/profile-rush.txt"
echo
echo "Counters, mean over the step (dotnet-counters; see profile-counters.csv):"
awk -F, 'NR > 1 && $5 != "" && $3 !~ /Percentile|request.duration/ { key = $2 " " $3; sum[key] += $5; n[key]++ }
  END { for (k in sum) printf "  %-110s %14.2f\n", k, sum[k] / n[k] }' "$out/profile-counters.csv" \
  | grep -E 'cpu.time|gc.pause|gc.collections|total_allocated|working_set|thread_pool|lock_contentions|active_requests|active_connections|queued' | sort
echo
# Sampled thread time counts idle threads too (the pool's threads waiting for work): the exclusive list shows where
# threads are, the inclusive list, filtered to the app's and its libraries' frames, what the working ones are doing.
echo "Most often on the stack, exclusive (dotnet-trace report topN):"
"$tools/dotnet-trace" report "$out/profile.nettrace" topN -n 15 | tail -n +2
echo
echo "Most often on the stack, inclusive, the app's own frames and its libraries' (share of all sampled thread time):"
"$tools/dotnet-trace" report "$out/profile.nettrace" topN -n 400 --inclusive | tail -n +2 \
  | grep -E 'AiEngineer|Npgsql|EntityFrameworkCore|Razor|Antiforgery|ViewFeatures|OutputCach|Serilog|DataProtection|Identity|Localiz|Kestrel|Http1Connection' | head -40
