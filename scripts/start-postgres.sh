#!/usr/bin/env bash
# Starts the local PostgreSQL 15 cluster without systemd and creates the test role aie/aie.
set -euo pipefail
# The server keeps the machine's real clock when the tests run under libfaketime (LD_PRELOAD): libfaketime's shared
# memory belongs to root, and the postgres user's processes would fail to open it.
unset LD_PRELOAD FAKETIME
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
install -d -o postgres -g postgres -m 2775 /var/run/postgresql
if ! pg_lsclusters -h | grep -q "^$ver main"; then
  pg_createcluster "$ver" main >/dev/null
fi
# Tests run many throwaway databases in parallel, each with its own pool.
conf=/etc/postgresql/$ver/main/postgresql.conf
grep -q "^max_connections = 300" "$conf" || { echo "max_connections = 300" >> "$conf"; pg_ctlcluster "$ver" main stop 2>/dev/null || true; }
pg_ctlcluster "$ver" main start || [ $? -eq 2 ]   # 2: already running
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -q && break; sleep 1; done
pg_isready -h 127.0.0.1
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'aie') THEN
    CREATE ROLE aie LOGIN SUPERUSER PASSWORD 'aie';
  END IF;
END $$;
SQL
echo "PostgreSQL $ver is up; role aie/aie (for tests only)."
