#!/usr/bin/env bash
# Stops the cluster that start-test-postgres.sh started and removes its folder.
set -euo pipefail

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PG_DIR=${PG_DIR:-/tmp/scanboard-test-postgres}

if [[ -f "$PG_DIR/postmaster.pid" ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    su postgres -s /bin/bash -c "$PG_BIN/pg_ctl -D $PG_DIR -m fast stop" >/dev/null
  else
    "$PG_BIN/pg_ctl" -D "$PG_DIR" -m fast stop >/dev/null
  fi
fi
rm -rf "$PG_DIR"
