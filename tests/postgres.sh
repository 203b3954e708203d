#!/usr/bin/env bash
# Starts (or stops) a throw-away PostgreSQL cluster for the test suite on 127.0.0.1:54329
# (`replica`: and a streaming hot standby of it on 54330).
# Safe to run twice: a running cluster is left as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
# Whatever major version Debian installed (the newest, if several).
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$BIN" ]; then
  echo "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin): run 'make setup' first." >&2
  exit 1
fi
# Outside the checkout: run as root, the cluster belongs to the postgres user, who may not be
# able to enter the checkout's folders (a clone in /root or in a mktemp -d folder is 0700).
CLUSTER="${TMPDIR:-/tmp}/archive-postgres-$(printf '%s' "$PWD" | md5sum | cut -c1-12)"
DATA="$CLUSTER/data"
SOCKET="$CLUSTER/socket"
PORT=54329
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-start}" in
  start)
    mkdir -p "$DATA" "$SOCKET"
    chmod 755 "$CLUSTER"
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
  replica)
    # A hot standby of the cluster above on PORT+1, fed by streaming replication (the
    # scale-out test reads from it). Safe to run twice.
    REPLICA="$CLUSTER/replica"
    streaming() {
      as_postgres psql -h 127.0.0.1 -p $((PORT + 1)) -U postgres -tAc \
        "SELECT status FROM pg_stat_wal_receiver" 2>/dev/null | grep -q streaming
    }
    if as_postgres "$BIN/pg_ctl" -D "$REPLICA" status >/dev/null 2>&1 && streaming; then
      echo "Replica already running on port $((PORT + 1))"
    else
      # A standby left by an earlier run may need WAL the primary has since recycled ("requested
      # WAL segment has already been removed") and would never catch up: start from a fresh copy.
      as_postgres "$BIN/pg_ctl" -D "$REPLICA" -m fast stop >/dev/null 2>&1 || true
      rm -rf "$REPLICA"
      mkdir -p "$REPLICA"
      [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$REPLICA" && chmod 700 "$REPLICA"
      as_postgres "$BIN/pg_basebackup" -h 127.0.0.1 -p $PORT -U postgres -D "$REPLICA" -R -X stream
      as_postgres "$BIN/pg_ctl" -D "$REPLICA" -l "$REPLICA/server.log" -w start \
        -o "-p $((PORT + 1)) -k $SOCKET -c listen_addresses=127.0.0.1 -c hot_standby=on" >/dev/null
      echo "Replica started on port $((PORT + 1))"
    fi
    ;;
  stop)
    as_postgres "$BIN/pg_ctl" -D "$CLUSTER/replica" -m fast stop >/dev/null 2>&1 || true
    as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast stop || true
    ;;
esac
