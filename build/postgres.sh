#!/usr/bin/env bash
# Starts this machine's PostgreSQL for the tests (CI runs as root): installs Debian's `postgresql` package when
# it is missing, raises max_connections so that parallel test classes and several service processes cannot
# exhaust it, starts the cluster, and makes a role that may create databases (each test database is created and
# dropped by the run). Prints the connection string for DATABRAIN_TEST_POSTGRES on its last line.
# Usage: export DATABRAIN_TEST_POSTGRES="$(bash build/postgres.sh | tail -n 1)"
set -euo pipefail

max_connections=500
role=databrain_test
password=databrain_test

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  echo "postgres: installing Debian's postgresql package" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

read -r version cluster port _ < <(pg_lsclusters -h | head -n 1)
conf="/etc/postgresql/${version}/${cluster}/postgresql.conf"
if ! grep -qE "^max_connections = ${max_connections}\b" "$conf"; then
  sed -i -E "s/^#?max_connections = [0-9]+/max_connections = ${max_connections}/" "$conf"
  pg_ctlcluster "$version" "$cluster" restart >&2 2>/dev/null || true
fi
pg_ctlcluster "$version" "$cluster" start >&2 2>/dev/null || true

for _ in $(seq 1 60); do
  if su postgres -c "psql -p ${port} -qAtc 'SELECT 1'" >/dev/null 2>&1; then
    break
  fi
  sleep 1
done

su postgres -c "psql -p ${port} -qAt" >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
    CREATE ROLE ${role} LOGIN CREATEDB PASSWORD '${password}';
  END IF;
END \$\$;
SQL

echo "postgres: PostgreSQL ${version} (${cluster}) on port ${port}, max_connections $(su postgres -c "psql -p ${port} -qAtc 'SHOW max_connections'")" >&2
echo "Host=127.0.0.1;Port=${port};Username=${role};Password=${password};Database=postgres"
