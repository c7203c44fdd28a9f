#!/usr/bin/env bash
# The production picture on one machine: Redis, two app replicas on one PostgreSQL database, and nginx in front of
# them, terminating TLS and sharing requests round-robin.
#
#   bash scripts/cluster.sh start    # builds nothing: runs the app from AIE_CLUSTER_APP (the Debug build by default)
#   bash scripts/cluster.sh stop
#   bash scripts/cluster.sh kill 2 / revive 2   # SIGKILL replica 2 / start it again (the replica suite's mid-rush stop)
#
# start: recreates the database, runs the migrate step once (`AiEngineer.Web seed-demo`: the migrations, then the demo
# summit), starts Redis, starts the replicas with Database:MigrateOnStartup=false and waits for /healthz/ready on each,
# then starts nginx. It writes $dir/env (AIE_CLUSTER_URL and the rest) for the replica suite and the bench, which source it.
#
# nginx listens on https://127.0.0.1:$port (both replicas, round-robin) and on $port+1 and $port+2 (replica 1 or 2
# alone, so a test can act on one and read from the other), with a self-signed certificate for summit.test made here.
#
# Settings (environment): AIE_CLUSTER_DIR (/tmp/aie-cluster), AIE_CLUSTER_PG (server connection string, the local aie
# role), AIE_CLUSTER_DB (aie_cluster), AIE_CLUSTER_PORT (8443), AIE_CLUSTER_APP_PORT (5101: replicas on it and the next
# one), AIE_CLUSTER_REDIS_PORT (6390), AIE_CLUSTER_APP (a directory with AiEngineer.Web.dll), AIE_CLUSTER_REPLICAS (2),
# AIE_CLUSTER_SEED (the migrate step's command: seed-demo, or seed-bench for bench/cluster.sh, or migrate for none).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
dir=${AIE_CLUSTER_DIR:-/tmp/aie-cluster}
# kill and revive act on the cluster that start made, with its settings.
[[ ${1:-} == kill || ${1:-} == revive ]] && [[ -f $dir/settings ]] && source "$dir/settings"
pg=${pg:-${AIE_CLUSTER_PG:-Host=127.0.0.1;Port=5432;Username=aie;Password=aie}}
db=${db:-${AIE_CLUSTER_DB:-aie_cluster}}
port=${port:-${AIE_CLUSTER_PORT:-8443}}
app_port=${app_port:-${AIE_CLUSTER_APP_PORT:-5101}}
redis_port=${redis_port:-${AIE_CLUSTER_REDIS_PORT:-6390}}
app_dir=${app_dir:-${AIE_CLUSTER_APP:-$root/src/AiEngineer.Web/bin/Debug/net10.0}}
replicas=${replicas:-${AIE_CLUSTER_REPLICAS:-2}}
seed=${AIE_CLUSTER_SEED:-seed-demo}

stop() {
  [[ -f $dir/nginx.pid ]] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
  for f in "$dir"/replica-*.pid; do [[ -f $f ]] && kill "$(cat "$f")" 2>/dev/null || true; done
  [[ -f $dir/redis.pid ]] && kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
  sleep 0.5
  rm -f "$dir"/*.pid
}

wait_for() { # url, seconds, what
  local deadline=$(( $(date +%s) + $2 ))
  until curl -fsk -o /dev/null "$1"; do
    (( $(date +%s) < deadline )) || { echo "$3 did not answer $1 within $2 s"; return 1; }
    sleep 0.1
  done
}

pgvalue() { tr ';' '\n' <<<"$pg" | awk -F= -v k="$1" 'tolower($1)==tolower(k) {print $2}'; }
# The replicas' environment: Production, one database, one Redis, the proxy's address the only one believed.
export ASPNETCORE_ENVIRONMENT=Production
export DOTNET_hostBuilder__reloadConfigOnChange=false
export Database__Provider=Postgres
export ConnectionStrings__Postgres="$pg;Database=$db"
export Redis__Configuration="127.0.0.1:$redis_port"
export Proxy__KnownProxies__0=127.0.0.1
export Site__PublicUrl="https://127.0.0.1:$port"
export Email__PickupDirectory="$dir/mail"
# The replica suite signs the demo organizer in with a password; the two-factor gate has tests of its own.
export Accounts__RequireTwoFactorForOrganizers=${Accounts__RequireTwoFactorForOrganizers:-false}

launch_replica() { # number
  local p=$(( app_port + $1 - 1 ))
  (cd "$app_dir" && Database__MigrateOnStartup=false ASPNETCORE_URLS="http://127.0.0.1:$p" \
    exec dotnet AiEngineer.Web.dll --contentRoot "$root/src/AiEngineer.Web") </dev/null >>"$dir/replica-$1.log" 2>&1 &
  echo $! >"$dir/replica-$1.pid"
}

case ${1:-} in
  stop) stop; exit 0 ;;
  start) ;;
  # A replica that dies mid-rush (SIGKILL: no graceful shutdown), and the same replica started again.
  kill) kill -9 "$(cat "$dir/replica-$2.pid")"; rm -f "$dir/replica-$2.pid"; exit 0 ;;
  revive) launch_replica "$2"; wait_for "http://127.0.0.1:$(( app_port + $2 - 1 ))/healthz/ready" 60 "replica $2"; exit 0 ;;
  *) echo "usage: $0 start|stop|kill N|revive N"; exit 2 ;;
esac

[[ -f $app_dir/AiEngineer.Web.dll ]] || { echo "No AiEngineer.Web.dll in $app_dir: run dotnet build first"; exit 1; }
for tool in redis-server redis-cli nginx openssl psql curl; do
  command -v $tool >/dev/null || { echo "$tool is missing: apt-get install -y redis-server nginx openssl postgresql-client curl"; exit 1; }
done
stop
mkdir -p "$dir/tmp" "$dir/mail"
declare -p pg db port app_port redis_port app_dir replicas | sed 's/^declare -- //' >"$dir/settings"

export PGHOST=$(pgvalue Host) PGPORT=$(pgvalue Port) PGUSER=$(pgvalue Username) PGPASSWORD=$(pgvalue Password)
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"

# TLS at the proxy, as a load balancer or ingress would terminate it.
openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj "/CN=summit.test" -addext "subjectAltName=DNS:summit.test,IP:127.0.0.1" \
  -keyout "$dir/tls.key" -out "$dir/tls.crt" 2>/dev/null

echo "== redis on $redis_port"
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
  --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir" </dev/null >/dev/null 2>&1
until redis-cli -p "$redis_port" ping >/dev/null 2>&1; do sleep 0.05; done

echo "== migrate (once, before any replica starts)"
(cd "$app_dir" && dotnet AiEngineer.Web.dll "$seed" --contentRoot "$root/src/AiEngineer.Web") >"$dir/migrate.log" 2>&1 \
  || { tail -n 30 "$dir/migrate.log"; exit 1; }
tail -n 1 "$dir/migrate.log"


upstream=""
pinned=""
replica_urls=()
for i in $(seq 1 "$replicas"); do
  p=$(( app_port + i - 1 ))
  echo "== replica $i on $p"
  rm -f "$dir/replica-$i.log"
  launch_replica "$i"
  replica_urls+=("http://127.0.0.1:$p")
  upstream+="    server 127.0.0.1:$p max_fails=1 fail_timeout=5s;"$'\n'
  pinned+="  upstream aie_$i { server 127.0.0.1:$p; keepalive 8; }"$'\n'
  pinned+="  server { listen 127.0.0.1:$(( port + i )) ssl; include $dir/site.conf; location / { proxy_pass http://aie_$i; include $dir/proxy.conf; } }"$'\n'
done
for url in "${replica_urls[@]}"; do wait_for "$url/healthz/ready" 60 "a replica" || { tail -n 30 "$dir"/replica-*.log; stop; exit 1; }; done

cat >"$dir/site.conf" <<EOF
ssl_certificate $dir/tls.crt;
ssl_certificate_key $dir/tls.key;
client_max_body_size 12m;
add_header X-Upstream \$upstream_addr always;
EOF
# The visitor's address replaces whatever X-Forwarded-For the visitor sent; only idempotent requests are retried on the
# other replica (nginx never resends a POST unless told to with non_idempotent), so a replica that stops mid-rush loses
# no order and sells none twice: a resubmitted order carries its idempotency key.
cat >"$dir/proxy.conf" <<EOF
proxy_http_version 1.1;
proxy_set_header Host \$host;
proxy_set_header X-Forwarded-For \$remote_addr;
proxy_set_header X-Forwarded-Proto \$scheme;
proxy_set_header Upgrade \$http_upgrade;
proxy_set_header Connection \$connection_upgrade;
proxy_next_upstream error timeout http_502 http_503 http_504;
proxy_next_upstream_tries 2;
proxy_read_timeout 60s;
EOF
cat >"$dir/nginx.conf" <<EOF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }
  upstream aie {
$upstream    keepalive 32;
  }
  server { listen 127.0.0.1:$port ssl; include $dir/site.conf; location / { proxy_pass http://aie; include $dir/proxy.conf; } }
$pinned}
EOF
echo "== nginx on https://127.0.0.1:$port"
nginx -c "$dir/nginx.conf" -p "$dir" -e "$dir/nginx-error.log" </dev/null >/dev/null 2>&1
wait_for "https://127.0.0.1:$port/healthz/ready" 10 "nginx" || { cat "$dir/nginx-error.log"; stop; exit 1; }

cat >"$dir/env" <<EOF
export AIE_CLUSTER_URL=https://127.0.0.1:$port
export AIE_CLUSTER_PINNED=$(seq -s, -f "https://127.0.0.1:%g" $(( port + 1 )) $(( port + replicas )))
export AIE_CLUSTER_UPSTREAMS=$(IFS=,; echo "${replica_urls[*]#http://}")
export AIE_CLUSTER_CERT=$dir/tls.crt
export AIE_CLUSTER_DATABASE="$pg;Database=$db"
export AIE_CLUSTER_DIR=$dir
EOF
echo "== up: https://127.0.0.1:$port ($replicas replicas); environment in $dir/env"
