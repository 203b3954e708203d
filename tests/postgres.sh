#!/usr/bin/env bash
# Starts (or stops) a throw-away PostgreSQL cluster for the test suite on 127.0.0.1, on port
# 54329 or, when that is taken (another checkout's suite running at the same time), a free
# one; `url` prints its URL. `replica`: a streaming hot standby of it, on a free port too,
# printed. `stop` stops both; `remove` stops them and deletes their files.
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
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# A port nobody listens on: the preferred one, else one the kernel hands out.
free_port() {
  python3 - "$1" <<'PY'
import socket, sys
for port in (int(sys.argv[1]), 0):
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as PostgreSQL binds
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            continue
        print(sock.getsockname()[1])
        break
PY
}
port_of() { cat "$CLUSTER/$1" 2>/dev/null || true; }
PORT=$(port_of port)
# One suite at a time chooses a port and starts on it (two suites starting together). The
# servers started meanwhile must not inherit the lock's descriptor (`9>&-` on pg_ctl): a server
# keeps its descriptors for good, and would hold the lock as long as it runs.
one_at_a_time() { exec 9>"${TMPDIR:-/tmp}/archive-postgres-ports.lock"; flock 9; }

case "${1:-start}" in
  url)
    [ -n "$PORT" ] || { echo "No cluster started here: run '$0 start' first." >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$PORT/archive"
    ;;
  start)
    one_at_a_time
    mkdir -p "$DATA" "$SOCKET"
    chmod 755 "$CLUSTER"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DATA" "$SOCKET" && chmod 700 "$DATA"
    if [ ! -f "$DATA/PG_VERSION" ]; then
      as_postgres "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 >/dev/null
    fi
    if as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      PORT=${PORT:-54329}  # started by an older version of this script
      echo "$PORT" > "$CLUSTER/port"
      echo "PostgreSQL already running on port $PORT"
    else
      PORT=$(free_port 54329)
      echo "$PORT" > "$CLUSTER/port"
      as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w start \
        -o "-p $PORT -k $SOCKET -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" >/dev/null 9>&-
      echo "PostgreSQL started on port $PORT"
    fi
    as_postgres psql -h 127.0.0.1 -p $PORT -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='archive'" | grep -q 1 \
      || as_postgres createdb -h 127.0.0.1 -p $PORT -U postgres archive
    ;;
  replica)
    # A hot standby of the cluster above on a port of its own (printed), fed by streaming replication (the
    # scale-out test reads from it). Safe to run twice.
    one_at_a_time
    REPLICA="$CLUSTER/replica"
    RPORT=$(port_of replica-port)
    streaming() {
      [ -n "$RPORT" ] && as_postgres psql -h 127.0.0.1 -p "$RPORT" -U postgres -tAc \
        "SELECT status FROM pg_stat_wal_receiver" 2>/dev/null | grep -q streaming
    }
    if as_postgres "$BIN/pg_ctl" -D "$REPLICA" status >/dev/null 2>&1 && streaming; then
      echo "Replica already running on port $RPORT" >&2
    else
      # A standby left by an earlier run may need WAL the primary has since recycled ("requested
      # WAL segment has already been removed") and would never catch up: start from a fresh copy.
      as_postgres "$BIN/pg_ctl" -D "$REPLICA" -m fast stop >/dev/null 2>&1 || true
      rm -rf "$REPLICA"
      mkdir -p "$REPLICA"
      [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$REPLICA" && chmod 700 "$REPLICA"
      as_postgres "$BIN/pg_basebackup" -h 127.0.0.1 -p $PORT -U postgres -D "$REPLICA" -R -X stream
      RPORT=$(free_port $((PORT + 1)))
      echo "$RPORT" > "$CLUSTER/replica-port"
      as_postgres "$BIN/pg_ctl" -D "$REPLICA" -l "$REPLICA/server.log" -w start \
        -o "-p $RPORT -k $SOCKET -c listen_addresses=127.0.0.1 -c hot_standby=on" >/dev/null 9>&-
      echo "Replica started on port $RPORT" >&2
    fi
    echo "$RPORT"
    ;;
  stop | remove)
    as_postgres "$BIN/pg_ctl" -D "$CLUSTER/replica" -m fast stop >/dev/null 2>&1 || true
    as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
    echo "PostgreSQL stopped ($CLUSTER)"
    if [ "$1" = remove ]; then
      rm -rf "$CLUSTER"
    fi
    ;;
esac
