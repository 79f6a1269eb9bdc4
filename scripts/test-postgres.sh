# Sourced by .ci/run: starts a throw-away PostgreSQL cluster on loopback and exports TEST_DATABASE_URL.
# Installs Debian's PostgreSQL when the machine has none. stop_test_postgres tears it down.
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(pg_bin)" ]; then
  echo "Installing PostgreSQL from Debian's packages" >&2
  apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
fi
PG_BIN="$(pg_bin)"
PG_TMP="$(mktemp -d /tmp/inbox-desk-pg.XXXXXX)"
PG_PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
# initdb refuses to run as root: the cluster belongs to the postgres user.
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system postgres
  chown postgres "$PG_TMP"
fi
as_pg "$PG_BIN/initdb" -D "$PG_TMP/data" -A trust -U postgres --no-sync >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/log" -w \
  -o "-p $PG_PORT -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') for tests at 127.0.0.1:$PG_PORT" >&2
stop_test_postgres() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_TMP"
}
