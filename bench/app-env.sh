# Sourced by the bench scripts (with root set): the server and port (AIE_BENCH_PG, AIE_BENCH_PORT), the bench database,
# the psql helper, and the app's environment as the bench runs it.
# TLS off: the app and PostgreSQL share this machine, and encrypting loopback traffic cost about 10% of the CPU of a checkout.
pg=${AIE_BENCH_PG:-Host=127.0.0.1;Port=5432;Username=aie;Password=aie;SSL Mode=Disable}
port=${AIE_BENCH_PORT:-5080}
db=aie_bench
url="http://127.0.0.1:$port"
out="$root/bench/results"

pgvalue() { tr ';' '\n' <<<"$pg" | awk -F= -v k="$1" 'tolower($1)==tolower(k) {print $2}'; }
export PGHOST=$(pgvalue Host) PGPORT=$(pgvalue Port) PGUSER=$(pgvalue Username) PGPASSWORD=$(pgvalue Password)
psql_bench() { psql -X -q -t -A -d "$db" -c "$1"; }

# RateLimits__* switch off the per-IP limits the rate-limiting work adds: every buyer here comes from one address. The
# outbox worker runs (confirmation emails go to .eml files), as in production.
export ASPNETCORE_ENVIRONMENT=Production
export ASPNETCORE_URLS="$url"
export Database__Provider=Postgres
export ConnectionStrings__Postgres="$pg;Database=$db"
export Email__PickupDirectory="$out/mail"
export Site__PublicUrl="$url"
export RateLimits__Enabled=false
# Production sets Secure cookies (antiforgery refuses plain http): the bench stands where a TLS-terminating proxy would,
# and the rush sends X-Forwarded-Proto: https, which the app believes from loopback, named as its proxy.
export Proxy__KnownProxies__0=127.0.0.1
export DOTNET_hostBuilder__reloadConfigOnChange=false

# A diagnostics tool (dotnet-trace, dotnet-counters, dotnet-gcdump), pinned, installed once into bench/results/tools.
tools="$out/tools"
bench_tool() { [[ -x "$tools/$1" ]] || dotnet tool install --tool-path "$tools" "$1" --version 10.0.750501 >/dev/null; }

# Starts the published app in DIR (default $out/app) as run.sh does, its output in LOG; sets $app, kills it on exit,
# and returns once /healthz answers (or stops the script with the log's tail if the app exits first).
start_app() {
  local dir=${1:-$out/app} log=$2
  (cd "$dir" && exec dotnet AiEngineer.Web.dll) >"$log" 2>&1 &
  app=$!
  trap 'kill $app 2>/dev/null || true' EXIT
  until curl -fs -o /dev/null "$url/healthz"; do kill -0 $app 2>/dev/null || { tail -n 20 "$log"; exit 1; }; sleep 0.05; done
}

# Stops a script that needs what a finished bench/run.sh leaves: the published app and TicketRush in bench/results.
need_bench_run() {
  [[ -f "$out/app/AiEngineer.Web.dll" && -f "$out/rush/TicketRush.dll" ]] || { echo "run bash bench/run.sh first"; exit 1; }
}
