#!/usr/bin/env bash
# What a place in the waiting room costs: bash bench/join.sh [seconds]
#
# Needs a finished `bash bench/run.sh` (its published app and the aie_bench database). Turns the waiting room on (one
# admission a second, so the line only grows), starts the app as run.sh does, and runs wrk (2 threads, 32 connections)
# against /tickets/queue without cookies: every request takes a new place (the join page: the place's row and signed
# cookie, its position, the page). A 20 s run first is not timed (tiered compilation settles), then SECONDS (default 10)
# are. Prints joins per second, the app's CPU per join (user + system, from /proc), p50 / p99, and the places made.
# The room is switched off and the line emptied afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-10}
source "$root/bench/app-env.sh"
need_bench_run

room_off() { psql_bench "DELETE FROM \"WaitingRooms\"; DELETE FROM \"QueueEntries\""; }
room_off
psql_bench "INSERT INTO \"WaitingRooms\" (\"Id\", \"Enabled\", \"AdmitPerMinute\", \"PassMinutes\", \"AutoQueueThreshold\", \"AdmitClock\", \"UpdatedAt\") VALUES (1, true, 60, 10, 0, now(), now())"
start_app "$out/app" "$out/join-app.log"
trap 'kill $app 2>/dev/null || true; room_off' EXIT
# X-Forwarded-Proto: the app believes it from loopback (bench/app-env.sh), as behind the TLS-terminating proxy.
wrk -t2 -c32 -d20s -H 'X-Forwarded-Proto: https' "$url/tickets/queue" >/dev/null
cpu_of() { awk '{printf "%.0f", ($14 + $15) * 1000 / '"$(getconf CLK_TCK)"'}' "/proc/$1/stat"; }
before=$(cpu_of $app)
places_before=$(psql_bench "SELECT count(*) FROM \"QueueEntries\"")
wrk -t2 -c32 -d"${seconds}s" --latency -H 'X-Forwarded-Proto: https' "$url/tickets/queue" >"$out/join-wrk.txt"
cpu=$(( $(cpu_of $app) - before ))
places=$(( $(psql_bench "SELECT count(*) FROM \"QueueEntries\"") - places_before ))
rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$out/join-wrk.txt")
echo "| waiting-room join (wrk -c32, ${seconds}s, after 20 s untimed) | value |"
echo "|---|---:|"
echo "| joins per second | $rps |"
echo "| places made while timed | $places (line already $places_before long) |"
echo "| app CPU per join | $(awk -v c=$cpu -v n=$places 'BEGIN { if (n > 0) printf "%.2f ms", c / n; else print "n/a" }') |"
echo "| p50 / p99 | $(awk '$1 == "50%" {print $2}' "$out/join-wrk.txt") / $(awk '$1 == "99%" {print $2}' "$out/join-wrk.txt") |"
echo "| non-2xx answers | $(awk '/Non-2xx/ {print $NF}' "$out/join-wrk.txt" | grep . || echo 0) |"
