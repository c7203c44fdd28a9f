#!/usr/bin/env bash
# The benchmarks, in one command: bash bench/run.sh
#
# Publishes the app (Release), recreates the aie_bench PostgreSQL database and seeds the bench data set
# (`seed-bench`), starts the app on Kestrel (Production, plain http on 127.0.0.1), measures startup to the first
# 200 from /healthz, runs wrk against /healthz and each public page, runs the ticket rush (bench/TicketRush) three
# times on fresh types, reads the app's peak resident memory (VmHWM) and prints a results table. Results also land in bench/results/.
#
# Settings (environment): AIE_BENCH_PG (server connection string, default the local aie/aie role), AIE_BENCH_PORT (5080),
# AIE_BENCH_DURATION (wrk seconds, 10), AIE_BENCH_CONNECTIONS (64), AIE_BENCH_BUYERS (5000), AIE_BENCH_CONCURRENCY (200),
# AIE_BENCH_WARMUP (untimed checkouts on a separate type before the rush, 2000; 0 measures a rush on a cold checkout),
# AIE_BENCH_RUSHES (measured rushes, each on its own 1,000 seats, 3; at most the seed's rush types, 5), AIE_BENCH_PAGES (0 skips the wrk page runs),
# AIE_BENCH_PERF (a file: record perf samples of the app during the first rush).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

duration=${AIE_BENCH_DURATION:-10}
connections=${AIE_BENCH_CONNECTIONS:-64}
buyers=${AIE_BENCH_BUYERS:-5000}
concurrency=${AIE_BENCH_CONCURRENCY:-200}
warmup=${AIE_BENCH_WARMUP:-2000}
rushes=${AIE_BENCH_RUSHES:-3}
(( rushes >= 0 )) || { echo "AIE_BENCH_RUSHES must be 0 (no closed-loop rushes) or more"; exit 1; }
rates=${AIE_BENCH_RATES:-100,200,300,400,500,600,700,800,1000,1200,1400,1600}
step_seconds=${AIE_BENCH_STEP_SECONDS:-10}
fair_seconds=${AIE_BENCH_FAIR_SECONDS:-4}
source "$root/bench/app-env.sh"
mkdir -p "$out"
rm -f "$out"/*.txt "$out"/app.log

echo "== publish (Release, ReadyToRun)"
# ReadyToRun compiles ahead of time what the JIT would compile at startup: the first request comes seconds sooner.
dotnet publish src/AiEngineer.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/app" --nologo -v quiet >/dev/null
dotnet build bench/TicketRush -c Release -o "$out/rush" --nologo -v quiet >/dev/null

echo "== database $db: drop, create, migrate, seed"
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
[[ -n ${AIE_BENCH_PERF:-} ]] && export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
rm -rf "$out/mail"

(cd "$out/app" && dotnet AiEngineer.Web.dll seed-bench) >"$out/seed.log" 2>&1 || { cat "$out/seed.log"; exit 1; }
tail -n 1 "$out/seed.log"
warmup_type=$(psql_bench "SELECT \"Id\" FROM \"TicketTypes\" WHERE \"Name\" = 'Bench warm-up'")
rush_types=$(psql_bench "SELECT count(*) FROM \"TicketTypes\" WHERE \"Name\" LIKE 'Bench rush %'")
(( rushes <= rush_types )) || { echo "AIE_BENCH_RUSHES=$rushes, but seed-bench made $rush_types rush types (one per rush)"; exit 1; }

# The seed's aftermath (statistics, dirty pages) is dealt with now, not by autovacuum and the checkpointer during the
# startups measured next.
psql_bench "VACUUM ANALYZE"
psql_bench "CHECKPOINT"
echo "== start the app (three times: the startup reported is the median; the third start serves the runs)"
starts=()
for attempt in 1 2 3; do
  start_ns=$(date +%s%N)
  (cd "$out/app" && exec dotnet AiEngineer.Web.dll) >"$out/app.log" 2>&1 &
  app=$!
  trap 'kill $app 2>/dev/null || true' EXIT
  until curl -fs -o /dev/null "$url/healthz"; do
    kill -0 $app 2>/dev/null || { echo "the app exited:"; tail -n 20 "$out/app.log"; exit 1; }
    sleep 0.01
  done
  starts+=($(( ($(date +%s%N) - start_ns) / 1000000 )))
  if (( attempt < 3 )); then kill $app; wait $app 2>/dev/null || true; fi
done
startup_ms=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 2p)
echo "first 200 from /healthz after ${starts[*]} ms (median ${startup_ms} ms)"

echo "== wrk: $connections connections, ${duration}s per page"
pages=(/healthz / /schedule /speakers /sponsors /tickets /cfp)
[[ ${AIE_BENCH_PAGES:-1} == 0 ]] && pages=(/healthz)
for page in "${pages[@]}"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$url$page")
  [[ $status == 200 ]] || { echo "$page answered $status"; exit 1; }
  name=$(tr '/' '_' <<<"$page")
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$url$page" >"$out/wrk$name.txt"
done
hwm_pages=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$app/status)

# CPU milliseconds (user + system) used so far by the app and by the PostgreSQL backends serving it: on a shared machine the
# CPU a checkout costs is steadier than its latency, which depends on who else is running.
cpu_of() { awk '{printf "%.0f", ($14 + $15) * 1000 / '"$(getconf CLK_TCK)"'}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_cpu() { local t=0; for p in $(pgrep -u postgres -f "$db"); do t=$((t + $(cpu_of "$p"))); done; echo $t; } # this database's backends
# The open loop's step types and the fairness type were seeded hidden, so the page runs above saw the usual /tickets.
# Shown now: the checkout's shared copy of the types (TicketTypeStore) refreshes within 5 s, long before the open loop.
psql_bench "UPDATE \"TicketTypes\" SET \"Hidden\" = false WHERE \"Name\" LIKE 'Bench%step %' OR \"Name\" = 'Bench fair'"
if (( warmup > 0 )); then
  # Untimed: the rush should meet a server that has sold tickets before (as on a real sale day), not one compiling its
  # checkout code. Its buyers take seats of a separate type, so each measured type still starts with all 1,000.
  echo "== warm-up: $warmup buyers, type $warmup_type"
  dotnet "$out/rush/TicketRush.dll" --url "$url" --type "$warmup_type" --buyers "$warmup" --concurrency "$concurrency" --method Free >"$out/warmup.txt" || { cat "$out/warmup.txt"; exit 1; }
  grep -E 'rush.(ordered|elapsed_s|checkouts_per_s)=' "$out/warmup.txt" | tr '\n' ' '; echo
fi
# The warm-up's confirmations (one per buyer) are sent before the rush starts: a sale opens on a server at rest, not one
# still mailing thousands of earlier buyers. The rush's own confirmations are sent while it runs, as in production.
outbox_waiting() { psql_bench "SELECT count(*) FROM \"OutboundEmails\" WHERE \"Status\" IN ('Queued', 'Sending')"; }
drain_outbox() {
  local drain_start=$(date +%s)
  while [[ ${Email__Outbox__Enabled:-true} != false ]] && (( $(outbox_waiting) > 0 && $(date +%s) - drain_start < 300 )); do sleep 0.5; done
  echo "outbox drained in $(( $(date +%s) - drain_start )) s; emails still waiting as the rush starts: $(outbox_waiting)"
}
# The rush is repeated on fresh types (seed-bench makes five of 1,000 seats each): on a shared machine one rush's numbers
# move by about a quarter from run to run, so the table shows each rush and the median.
app_cpu_ms=0; pg_cpu_ms=0; taken=(); tickets=()
for r in $(seq 1 "$rushes"); do
  drain_outbox
  rush_type=$(psql_bench "SELECT \"Id\" FROM \"TicketTypes\" WHERE \"Name\" = 'Bench rush $r'")
  app_cpu0=$(cpu_of $app); pg_cpu0=$(pg_cpu)
  echo "== ticket rush $r of $rushes: $buyers buyers, $concurrency at a time, type $rush_type (free, 1000 seats)"
  set +e
  if [[ -n ${AIE_BENCH_PERF:-} && $r == 1 ]]; then # profiling: perf samples of the app during the first rush (the app runs with DOTNET_PerfMapEnabled=1)
    perf record -F 999 -g -p $app -o "$AIE_BENCH_PERF" >"$out/perf.log" 2>&1 &
    tracer=$!; sleep 1
  fi
  dotnet "$out/rush/TicketRush.dll" --url "$url" --type "$rush_type" --buyers "$buyers" --concurrency "$concurrency" --method Free | tee "$out/rush$r.txt"
  set -e
  [[ -n ${AIE_BENCH_PERF:-} && $r == 1 ]] && { kill -INT $tracer; wait $tracer || true; }
  app_cpu_ms=$(( app_cpu_ms + $(cpu_of $app) - app_cpu0 )); pg_cpu_ms=$(( pg_cpu_ms + $(pg_cpu) - pg_cpu0 ))
  taken+=("$(psql_bench "SELECT \"Taken\" FROM \"TicketTypes\" WHERE \"Id\" = $rush_type")")
  tickets+=("$(psql_bench "SELECT count(*) FROM \"Tickets\" WHERE \"TicketTypeId\" = $rush_type")")
done
hwm_rushes=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$app/status)

# The open loop: buyers arrive at each offered rate in turn (Poisson), each step on fresh seats; see bench/README.md.
step_types() { # the step types' ids, app or floor, in order
  local like=$1; psql_bench "SELECT string_agg(\"Id\"::text, ',' ORDER BY \"Id\") FROM \"TicketTypes\" WHERE \"Name\" LIKE '$like'"
}
app_steps=$(step_types 'Bench step %'); floor_steps=$(step_types 'Bench floor step %')
# The types were shown before the warm-up; the shared copy (TicketTypeStore, 5 s) has long caught up unless nothing ran since.
(( warmup > 0 || rushes > 0 )) || sleep 6
echo "== open loop, the app: offered $rates per second, ${step_seconds}s each"
drain_outbox
set +e
dotnet "$out/rush/TicketRush.dll" --mode open --url "$url" --rates "$rates" --types "$app_steps" --step-seconds "$step_seconds" | tee "$out/knee_app.txt"
set -e
held_app=$(awk -F= '$1 == "open.app.held_per_s" {print $2}' "$out/knee_app.txt"); held_app=${held_app:-0}
hwm_open=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$app/status)

# The waiting room at three times the held rate, admitting at the held rate; fairness from its QueueEntries rows.
fair_rate=$(( (held_app > 0 ? held_app : 100) ))
echo "== waiting room: admitting $fair_rate/s, arrivals at $(( 3 * fair_rate ))/s for ${fair_seconds}s, type 'Bench fair' (1000 seats)"
fair_type=$(psql_bench "SELECT \"Id\" FROM \"TicketTypes\" WHERE \"Name\" = 'Bench fair'")
psql_bench "DELETE FROM \"QueueEntries\"; DELETE FROM \"WaitingRooms\"; INSERT INTO \"WaitingRooms\" (\"Id\", \"Enabled\", \"AdmitPerMinute\", \"PassMinutes\", \"AutoQueueThreshold\", \"AdmitClock\", \"UpdatedAt\") VALUES (1, true, $(( fair_rate * 60 )), 10, 0, now(), now())"
# The room's shared copy (WaitingRoomStore) refreshes within seconds: wait until /tickets sends buyers to the line.
for _ in $(seq 1 100); do [[ $(curl -s -H 'X-Forwarded-Proto: https' -o /dev/null -w '%{http_code}' "$url/tickets") == 302 ]] && break; sleep 0.2; done
drain_outbox
set +e
dotnet "$out/rush/TicketRush.dll" --mode queue --url "$url" --rate $(( 3 * fair_rate )) --seconds "$fair_seconds" --type "$fair_type" | tee "$out/queue.txt"
set -e
psql_bench "COPY (SELECT \"Id\", extract(epoch FROM \"JoinedAt\") * 1000, extract(epoch FROM \"AdmittedAt\") * 1000 FROM \"QueueEntries\" ORDER BY \"Id\") TO STDOUT WITH (FORMAT csv)" >"$out/queue_entries.csv"
dotnet "$out/rush/TicketRush.dll" --mode fairness --csv "$out/queue_entries.csv" | tee "$out/fairness.txt"
fair_taken=$(psql_bench "SELECT \"Taken\" FROM \"TicketTypes\" WHERE \"Id\" = $fair_type")
fair_tickets=$(psql_bench "SELECT count(*) FROM \"Tickets\" WHERE \"TicketTypeId\" = $fair_type")
psql_bench "DELETE FROM \"WaitingRooms\""

hwm=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$app/status)
server_errors_logged=$(grep -c '"StatusCode":5[0-9][0-9]' "$out/app.log" || true)

kill $app; wait $app 2>/dev/null || true
trap - EXIT

# The floor: the bare checkout of bench/experiments/floor-checkout.patch (its src/ part), built from this tree, on the
# same database and machine, through the same open loop on its own step types.
echo "== the floor: bare checkout (bench/experiments/floor-checkout.patch), offered $rates per second"
# Outside the repository: inside it, git apply would skip paths outside the current folder without a word.
floor_src=$(mktemp -d)
tar -C "$root" --exclude=bin --exclude=obj --exclude=App_Data --warning=no-file-changed -cf - src Directory.Build.props Directory.Packages.props global.json .editorconfig | tar -C "$floor_src" -xf - \
  || { echo "copying src/ for the floor failed"; exit 1; }
(cd "$floor_src" && git apply --include='src/*' "$root/bench/experiments/floor-checkout.patch") || { echo "the floor patch no longer applies"; exit 1; }
grep -q MapFloor "$floor_src/src/AiEngineer.Web/Program.cs" || { echo "the floor patch was not applied"; exit 1; }
dotnet publish "$floor_src/src/AiEngineer.Web" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/floor-app" --nologo -v quiet >"$out/floor-publish.log" 2>&1 \
  || { tail -n 20 "$out/floor-publish.log"; echo "publishing the floor failed"; exit 1; }
rm -rf "$floor_src"
(cd "$out/floor-app" && exec dotnet AiEngineer.Web.dll) >"$out/floor-app.log" 2>&1 &
floor_app=$!
trap 'kill $floor_app 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "$url/healthz"; do kill -0 $floor_app 2>/dev/null || { tail -n 20 "$out/floor-app.log"; exit 1; }; sleep 0.05; done
# Warmed up like the app (untimed, on the last floor step type, which no run reaches): 5 s at 300/s.
dotnet "$out/rush/TicketRush.dll" --mode open --url "$url" --rates 300 --types "${floor_steps##*,}" --step-seconds 5 --floor >"$out/floor-warmup.txt" || true
drain_outbox
set +e
dotnet "$out/rush/TicketRush.dll" --mode open --url "$url" --rates "$rates" --types "$floor_steps" --step-seconds "$step_seconds" --floor | tee "$out/knee_floor.txt"
set -e
held_floor=$(awk -F= '$1 == "open.floor.held_per_s" {print $2}' "$out/knee_floor.txt"); held_floor=${held_floor:-0}
kill $floor_app; wait $floor_app 2>/dev/null || true
trap - EXIT

# wrk prints latencies as 1.23ms, 456.78us or 1.02s: in milliseconds.
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else if (v ~ /s$/) printf "%.2f", v*1000; else print v }'; }
rps() { awk '/^Requests\/sec/ {printf "%.0f", $2}' "$1"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$1"; }
maxlat() { awk '$1 == "Latency" && NF >= 4 && $2 != "Distribution" {print $4; exit}' "$1"; } # wrk's thread stats: avg, stdev, max
errors() { awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' "$1"; }
rush() { awk -F= -v k="rush.$2" '$1 == k {print $2}' "$out/rush$1.txt"; } # rush N key
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
# A table row: each rush's value of one key (or "a / b" of two), then the median of each.
rush_row() {
  local label=$1 row="" r m; shift
  for r in $(seq 1 "$rushes"); do row+=" $(for k in "$@"; do rush "$r" "$k"; done | paste -sd/ | sed 's#/# / #g') |"; done
  m=$(for k in "$@"; do for r in $(seq 1 "$rushes"); do rush "$r" "$k"; done | median; done | paste -sd/ | sed 's#/# / #g')
  echo "| $label |$row **$m** |"
}

ceiling=$(rps "$out/wrk_healthz.txt")
{
  echo
  echo "Results ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, Release, PostgreSQL, wrk -t2 -c$connections -d${duration}s)"
  echo
  echo "| endpoint | req/s | % of /healthz | p50 ms | p99 ms | max ms | errors |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  for page in "${pages[@]}"; do
    f="$out/wrk$(tr '/' '_' <<<"$page").txt"
    r=$(rps "$f")
    echo "| $page | $r | $(awk -v a="$r" -v b="$ceiling" 'BEGIN {printf "%.0f%%", 100*a/b}') | $(ms "$(pct "$f" 50%)") | $(ms "$(pct "$f" 99%)") | $(ms "$(maxlat "$f")") | $(errors "$f") |"
  done
  echo
  echo "Open loop (Poisson arrivals, ${step_seconds}s per offered rate, latency of GET form + POST order from each buyer's scheduled start; held: p99 ≤ 250 ms, no 5xx, no failures)"
  echo
  grep '^|' "$out/knee_app.txt"
  echo
  grep '^|' "$out/knee_floor.txt"
  echo
  echo "| open loop | value |"
  echo "|---|---:|"
  echo "| highest rate held, the app | ${held_app}/s |"
  echo "| highest rate held, the bare checkout (floor) | ${held_floor}/s |"
  echo "| held ÷ floor (target 0.7) | $(awk -v a="$held_app" -v b="$held_floor" 'BEGIN { if (b > 0) printf "%.2f", a/b; else print "n/a" }') |"
  echo
  echo "| waiting room: arrivals at 3 × ${fair_rate}/s for ${fair_seconds}s, admitting ${fair_rate}/s, 1,000 seats | value |"
  echo "|---|---:|"
  q() { awk -F= -v k="$1" '$1 == k {print $2}' "$out/queue.txt" "$out/fairness.txt"; }
  echo "| arrivals / admitted / orders / sold-out answers | $(q queue.arrivals) / $(q queue.admitted) / $(q queue.ordered) / $(q queue.sold_out) |"
  echo "| seats taken / tickets in the database | $fair_taken / $fair_tickets |"
  echo "| 5xx answers (status requests included) / other failures | $(q queue.server_errors) / $(q queue.other) |"
  echo "| Kendall's tau-b, arrival (place id) vs admission time | $(q fair.kendall_tau_b) |"
  echo "| admitted out of order (a later arrival admitted first) | $(q fair.admitted_out_of_order) ($(q fair.admitted_out_of_order_share)) |"
  echo "| wait to admission p50 / p99 ms (server: JoinedAt → AdmittedAt) | $(q fair.wait_p50_ms) / $(q fair.wait_p99_ms) |"
  echo "| wait to admission p50 / p99 ms (client: arrival → status says admitted) | $(q queue.client_wait_p50_ms) / $(q queue.client_wait_p99_ms) |"
  echo "| status requests | $(q queue.status_requests) |"
  if (( rushes > 0 )); then
  echo
  echo "| ticket rush ($buyers buyers, $concurrency at a time, 1,000 seats) |$(for r in $(seq 1 "$rushes"); do printf ' rush %s |' "$r"; done) median |"
  echo "|---|$(for r in $(seq 1 "$rushes"); do printf -- '---:|'; done)---:|"
  rush_row "orders placed (HTTP)" ordered
  rush_row "sold-out answers" sold_out
  rush_row "5xx answers" server_errors
  rush_row "other failures" other
  echo "| seats taken / tickets in the database |$(for r in $(seq 1 "$rushes"); do printf ' %s / %s |' "${taken[r-1]}" "${tickets[r-1]}"; done) |"
  rush_row "orders/s (1,000 orders ÷ time to the last one)" orders_per_s
  rush_row "checkouts/s (all buyers ÷ total time)" checkouts_per_s
  rush_row "order POST p50 / p99 ms" post_p50_ms post_p99_ms
  rush_row "order POST p50 / p99 ms, the 1,000 buyers who got an order" ordered_post_p50_ms ordered_post_p99_ms
  rush_row "buyer GET+POST p50 / p99 ms" buyer_p50_ms buyer_p99_ms
  fi
  echo
  echo "| process | value |"
  echo "|---|---:|"
  (( rushes > 0 )) && echo "| CPU per buyer over the $rushes rushes: app / PostgreSQL ms | $(awk -v c=$app_cpu_ms -v b=$((buyers * rushes)) 'BEGIN {printf "%.2f", c/b}') / $(awk -v c=$pg_cpu_ms -v b=$((buyers * rushes)) 'BEGIN {printf "%.2f", c/b}') |"
  echo "| startup to first 200 from /healthz, median of 3 (${starts[*]}) | ${startup_ms} ms |"
  echo "| peak RSS (VmHWM) after the page runs | ${hwm_pages} MB |"
  echo "| peak RSS (VmHWM) after the closed-loop rushes | ${hwm_rushes} MB |"
  echo "| peak RSS (VmHWM) after the open loop | ${hwm_open} MB |"
  echo "| peak RSS (VmHWM) after the waiting room | ${hwm} MB |"
  echo "| 5xx lines in the app log | ${server_errors_logged} |"
} | tee "$out/summary.txt"
