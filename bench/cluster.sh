#!/usr/bin/env bash
# Two replicas against one, through nginx: bash bench/cluster.sh
#
# Publishes the app (Release), starts the production picture (scripts/cluster.sh: Redis, two replicas in Production,
# nginx with TLS) on the bench data set (seed-bench), then runs, once through the address pinned to replica 1 and once
# through the round-robin address: wrk on /healthz and three public pages, and the open-loop rush (TicketRush) at the
# offered rates. Everything shares this machine's cores: see README › Performance for what the numbers mean.
#
# Settings (environment): AIE_BENCH_PG (server connection string), AIE_BENCH_DURATION (wrk seconds, 10),
# AIE_BENCH_CONNECTIONS (64), AIE_BENCH_CLUSTER_RATES (offered orders per second, 100,200,300,400,500),
# AIE_BENCH_STEP_SECONDS (10).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
pg=${AIE_BENCH_PG:-Host=127.0.0.1;Port=5432;Username=aie;Password=aie;SSL Mode=Disable}
duration=${AIE_BENCH_DURATION:-10}
connections=${AIE_BENCH_CONNECTIONS:-64}
rates=${AIE_BENCH_CLUSTER_RATES:-100,200,300,400,500}
step_seconds=${AIE_BENCH_STEP_SECONDS:-10}
out="$root/bench/results/cluster"
mkdir -p "$out"
rm -f "$out"/*.txt

echo "== publish (Release, ReadyToRun)"
dotnet publish src/AiEngineer.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/app" --nologo -v quiet >/dev/null
dotnet build bench/TicketRush -c Release -o "$out/rush" --nologo -v quiet >/dev/null

export AIE_CLUSTER_DIR=/tmp/aie-bench-cluster AIE_CLUSTER_PG="$pg" AIE_CLUSTER_DB=aie_bench_cluster AIE_CLUSTER_APP="$out/app"
export AIE_CLUSTER_SEED=seed-bench AIE_CLUSTER_PORT=9443 AIE_CLUSTER_APP_PORT=5201 AIE_CLUSTER_REDIS_PORT=6391
# Every buyer comes from one address (as in bench/run.sh).
export RateLimits__Enabled=false
bash scripts/cluster.sh start
trap 'bash scripts/cluster.sh stop' EXIT
source "$AIE_CLUSTER_DIR/env"

pgvalue() { tr ';' '\n' <<<"$pg" | awk -F= -v k="$1" 'tolower($1)==tolower(k) {print $2}'; }
export PGHOST=$(pgvalue Host) PGPORT=$(pgvalue Port) PGUSER=$(pgvalue Username) PGPASSWORD=$(pgvalue Password)
psql_bench() { psql -X -q -t -A -d aie_bench_cluster -c "$1"; }
psql_bench "UPDATE \"TicketTypes\" SET \"Hidden\" = false WHERE \"Name\" LIKE 'Bench step %'"
steps=$(psql_bench "SELECT string_agg(\"Id\"::text, ',' ORDER BY \"Id\") FROM \"TicketTypes\" WHERE \"Name\" LIKE 'Bench step %'")
IFS=, read -ra step_ids <<<"$steps"
n=$(tr ',' '\n' <<<"$rates" | wc -l)
(( 2 * n <= ${#step_ids[@]} )) || { echo "at most $(( ${#step_ids[@]} / 2 )) rates (one fresh type per step)"; exit 1; }
sleep 6 # the replicas' copy of the ticket types (5 s) catches up with the types just shown

one=${AIE_CLUSTER_PINNED%%,*}
two=$AIE_CLUSTER_URL
summary=()
for target in one two; do
  url=${!target}
  echo "== $target replica(s): $url"
  for page in /healthz / /schedule /tickets; do
    name=$(tr '/' '_' <<<"$page")
    wrk -t2 -c"$connections" -d"${duration}s" --latency "$url$page" >"$out/wrk_${target}$name.txt"
    rps=$(awk '/Requests\/sec/ {print int($2)}' "$out/wrk_${target}$name.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$out/wrk_${target}$name.txt")
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$out/wrk_${target}$name.txt")
    summary+=("| $target | $page | $rps | $p99 | ${non2xx:-0} |")
  done
  offset=$([[ $target == one ]] && echo 0 || echo "$n")
  types=$(IFS=,; echo "${step_ids[*]:$offset:$n}")
  set +e
  dotnet "$out/rush/TicketRush.dll" --mode open --url "$url" --cert "$AIE_CLUSTER_CERT" --rates "$rates" --types "$types" \
    --step-seconds "$step_seconds" | tee "$out/knee_$target.txt"
  set -e
done

echo
echo "| replicas | page | req/s | p99 | non-2xx |"
echo "|---|---|---:|---:|---:|"
printf '%s\n' "${summary[@]}"
for target in one two; do
  echo "open loop through nginx, $target replica(s): held $(awk -F= '$1 == "open.app.held_per_s" {print $2}' "$out/knee_$target.txt") orders/s"
done
