#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster on a free loopback port, with
# TEST_DATABASE_URL pointing at it, and removes the cluster afterwards.
#   scripts/with-postgres.sh npm run test:integration
set -euo pipefail

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$PGBIN" ]; then
	echo "with-postgres: no PostgreSQL server found; install it with: apt-get install -y postgresql" >&2
	exit 1
fi
PGDATA=$(mktemp -d -t spolu-pg-XXXXXX)
PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")

# PostgreSQL refuses to run as root: as root, run the server as the postgres user.
as_pg() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
	as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
	rm -rf "$PGDATA"
}
trap cleanup EXIT

if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGDATA"; fi
chmod 700 "$PGDATA"
as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# fsync off: a throwaway cluster for tests needs no durability, and the tests run faster.
as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 \
	-o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=/tmp -c fsync=off -c max_connections=200" start >/dev/null
echo "with-postgres: $("$PGBIN/postgres" --version) on 127.0.0.1:$PORT"

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
"$@"
