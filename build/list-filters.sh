#!/usr/bin/env bash
# List-filter figures (docs/performance.md, "Filtered lists"): the service in Production, its organization holding
# 50,000 workspaces, 1 % of them named "Finance …", and the connection types in turn. Page 1 unfiltered, then page 1
# with nameStartsWith=Finance%20 (1 %), with connectionType=DATAMART (25 %), and with both: the median of N
# requests each (default 100), taking turns, one at a time, on SQLite and then on this machine's PostgreSQL
# (build/postgres.sh starts it; --sqlite-only skips it). Each page carries X-Total-Count, so each counts its
# matches too. Not part of CI.
#
#   build/list-filters.sh [--requests N] [--sqlite-only]
set -euo pipefail
cd "$(dirname "$0")/.."

requests=100 postgres=1 workspaces=50000
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) requests=$2; shift ;;
    --sqlite-only) postgres=0 ;;
    *) echo "usage: build/list-filters.sh [--requests N] [--sqlite-only]" >&2; exit 2 ;;
  esac
  shift
done

. build/sqlite-service.sh # builds in Release; sets $api, $load and $work
service="" pgdb=""
cleanup() {
  [ -n "$service" ] && kill "$service" 2>/dev/null || true
  wait 2>/dev/null || true
  [ -n "$pgdb" ] && su postgres -c "psql -qc 'DROP DATABASE IF EXISTS $pgdb'" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

token=dbn_lists_0123456789abcdef0123456789abcdef
queries=("?isPagination=true" "?isPagination=true&nameStartsWith=Finance%20" "?isPagination=true&connectionType=DATAMART"
  "?isPagination=true&nameStartsWith=Finance%20&connectionType=DATAMART")

# The workspaces, in SQL both databases run ($1: the numbers 1 to $workspaces as a table n(i)). Every 101st is
# a "Finance" one (495, 1 %, of every connection type); the connection types take turns (a datamart one names no
# datamart: the list does not read it). PostgreSQL is analyzed, as its autovacuum would; SQLite is not (the
# service never analyzes it).
workspaces_sql() {
  cat <<SQL
INSERT INTO Workspaces (PublicId, OrganizationId, Name, ConnectionType, IsEnableMetricSuggestions, IsEnableMetricSummary)
SELECT '00000000-0000-4000-8000-' || $2, (SELECT MIN(Id) FROM Organizations),
       CASE WHEN i % 101 = 0 THEN 'Finance ' ELSE 'Team ' END || $2,
       CASE i % 4 WHEN 0 THEN 'DATASOURCE' WHEN 1 THEN 'DATAMART' WHEN 2 THEN 'MULTI_DATASOURCE' ELSE 'MULTI_DATAMART' END,
       $3, $3
FROM $1;
SQL
}

# $1: a label, then the service's environment (provider and connection string).
measure() {
  local label=$1; shift
  local port url
  port=$(free_port)
  url=http://127.0.0.1:$port
  (cd "$(dirname "$api")" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$url RateLimits__Organization__Enabled=false "$@" \
    dotnet "$(basename "$api")" >"$work/service.log" 2>&1) &
  service=$!
  for _ in $(seq 1 100); do
    curl -fs -o /dev/null "$url/health/ready" && break
    sleep 0.2
  done
  echo "$label: $(curl -s -D - -o /dev/null "$url/api/v2/workspace?isPagination=true" -H "Authorization: Bearer $token" | tr -d '\r' | sed -n 's/^x-total-count: //Ip') workspaces, median of $requests requests each"
  dotnet "$load" list-filters "$url" "$token" "$requests" "${queries[@]}"
  kill "$service" && wait "$service" 2>/dev/null || true
  service=""
}

db=$work/lists.db
seed_sqlite lists "$token" "$db"
python3 - "$db" <<PY
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript("""WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $workspaces)
$(workspaces_sql n "printf('%06d', i)" 0)""")
c.commit()
PY
measure SQLite ConnectionStrings__Databrain="Data Source=$db"

if [ "$postgres" = 1 ]; then
  connection=$(bash build/postgres.sh 2>/dev/null | tail -n 1)
  pgdb=databrain_lists_$$
  su postgres -c "psql -qc 'CREATE DATABASE $pgdb OWNER databrain_test'" >/dev/null
  pg="${connection/Database=postgres/Database=$pgdb}"
  (cd "$(dirname "$api")" && Database__Provider=PostgreSql ConnectionStrings__Databrain="$pg" DOTNET_ENVIRONMENT=Production \
    dotnet "$(basename "$api")" seed "$work/seed.json" >/dev/null 2>"$work/seed.log") || { cat "$work/seed.log" >&2; exit 1; }
  su postgres -c "psql -q -d $pgdb" >/dev/null <<SQL
$(workspaces_sql "generate_series(1, $workspaces) AS n(i)" "lpad(i::text, 6, '0')" false)
ANALYZE Workspaces;
SQL
  measure PostgreSQL Database__Provider=PostgreSql ConnectionStrings__Databrain="$pg"
fi
