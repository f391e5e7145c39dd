#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on a loopback port for the tests, and prints the
# connection URL to use as TEST_DATABASE_URL. Stop it with scripts/stop-test-postgres.sh.
#
#   PG_BIN   folder with initdb and pg_ctl (default: the newest /usr/lib/postgresql/*/bin)
#   PG_PORT  port on 127.0.0.1 (default 54329)
#   PG_DIR   cluster folder (default /tmp/scanboard-test-postgres); it is wiped first
set -euo pipefail

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PG_PORT=${PG_PORT:-54329}
PG_DIR=${PG_DIR:-/tmp/scanboard-test-postgres}

if [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" ]]; then
  echo "PostgreSQL server binaries not found: install postgresql (apt-get install -y postgresql) or set PG_BIN." >&2
  exit 1
fi

# Postgres refuses to run as root, so the cluster belongs to the postgres user when we are root.
run_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

if [[ -f "$PG_DIR/postmaster.pid" ]]; then
  run_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR" -m immediate stop >/dev/null 2>&1 || true
fi
rm -rf "$PG_DIR"
mkdir -p "$PG_DIR"
if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$PG_DIR"; fi

run_as_owner "$PG_BIN/initdb" -D "$PG_DIR" -U postgres --auth=trust --no-sync -E UTF8 >/dev/null
run_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_DIR -c fsync=off -c max_connections=200" \
  start >/dev/null

echo "postgres://postgres@127.0.0.1:$PG_PORT/postgres"
