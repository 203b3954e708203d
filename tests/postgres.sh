#!/usr/bin/env bash
# Starts (or stops) a throw-away PostgreSQL cluster for the test suite on 127.0.0.1:54329.
# Safe to run twice: a running cluster is left as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=/usr/lib/postgresql/15/bin
DATA="$PWD/var/postgres"
SOCKET="$PWD/var/postgres-socket"
PORT=54329
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-start}" in
  start)
    mkdir -p "$DATA" "$SOCKET"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DATA" "$SOCKET" && chmod 700 "$DATA"
    if [ ! -f "$DATA/PG_VERSION" ]; then
      as_postgres "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 >/dev/null
    fi
    if as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      echo "PostgreSQL already running on port $PORT"
    else
      as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w start \
        -o "-p $PORT -k $SOCKET -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" >/dev/null
      echo "PostgreSQL started on port $PORT"
    fi
    as_postgres psql -h 127.0.0.1 -p $PORT -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='archive'" | grep -q 1 \
      || as_postgres createdb -h 127.0.0.1 -p $PORT -U postgres archive
    ;;
  stop)
    as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast stop || true
    ;;
esac
