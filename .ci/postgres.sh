#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for the tests: initdb in a temporary folder, listening on 127.0.0.1 on a free port.
# Usage: source .ci/postgres.sh; start_postgres  (exports COPILOT_TEST_POSTGRES); stop_postgres

# PostgreSQL 15 when installed (what production runs), otherwise the newest the machine has.
if [ -z "${PG_BIN:-}" ]; then
  if [ -x /usr/lib/postgresql/15/bin/initdb ]; then PG_BIN=/usr/lib/postgresql/15/bin
  else PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"; fi
fi

start_postgres() {
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  PG_DIR="$(mktemp -d)"
  PG_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
  PG_PASSWORD="ci-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  # PostgreSQL refuses to run as root; the cluster belongs to the postgres user when CI runs as root.
  local run=()
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_DIR"; run=(runuser -u postgres --); fi
  echo "$PG_PASSWORD" > "$PG_DIR/pw" && chmod 600 "$PG_DIR/pw"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR/pw"
  "${run[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U copilot --pwfile="$PG_DIR/pw" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c max_connections=200" start >/dev/null
  export COPILOT_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=copilot;Password=$PG_PASSWORD"
  export PG_DIR
}

stop_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  local run=()
  [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
  "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1
  rm -rf "$PG_DIR"
}
