#!/usr/bin/env bash
# Measures the service against a raw baseline (build/bench/Databrain.RawBaseline: the same create and list,
# with the same checks and SQL, by hand with plain ADO.NET), both in Release on fresh SQLite files with a
# seeded organization, driven over loopback with keep-alive connections by build/bench/Databrain.LoadGenerator,
# alternating the two targets round by round. Both write the same JSON request log line through the same logger
# and log configuration. Prints requests per second, p50/p99 latency and each process's CPU time per request
# per scenario; the last three lines are the throughput ratios (service/raw) of rejected creates, lists and
# creates. Leaves no process behind, also when interrupted or when a step fails.
#
#   build/bench.sh            full run (about 3.5 minutes)
#   build/bench.sh --quick    short run (under a minute on 2 cores once built; the first run also builds)
#   build/bench.sh --scale    median create latency with 1,000,000 catalog rows against 1,000 rows
#   build/bench.sh --no-request-log   both targets with the request line's category at Warning
#   build/bench.sh --request-log-ab   the service with its request line against the service without it (A/B)
#   build/bench.sh --postgres [--quick]   the service alone on this machine's PostgreSQL (build/postgres.sh starts
#                             it; as root), in a database of its own that is dropped afterwards: every scenario's
#                             throughput, p50/p99 and CPU per request. The raw baseline comparison stays on SQLite.
#   build/bench.sh --against <commit> [--runs N] [--quick]   this build against the service built from <commit> (a
#                             git worktree), each on a fresh SQLite file its own build migrated and seeded, in
#                             alternating rounds as against the baseline; N runs (default 3), each from fresh
#                             processes and files, and last the median of the runs' create throughput ratios.
#   build/bench.sh --against <commit> --raw [--runs N] [--quick]   the same for the raw baselines of the two builds:
#                             what the database work itself costs between them, without the service's layers.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=5 rounds=4 service_only_rounds=2 warmup=15 connections=16 latency_count=300 scale=0 request_log=Information request_log_ab=0 postgres=0
against="" runs=3 raw_against=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) seconds=2 rounds=2 service_only_rounds=1 warmup=6 latency_count=100 ;;
    --scale) scale=1 ;;
    --no-request-log) request_log=Warning ;;
    --request-log-ab) request_log_ab=1 ;;
    --postgres) postgres=1 ;;
    --against) against=$2; shift ;;
    --runs) runs=$2; shift ;;
    --raw) raw_against=1 ;;
    *) echo "usage: build/bench.sh [--quick] [--scale | --postgres | --against <commit> [--runs N]] [--no-request-log | --request-log-ab]" >&2; exit 2 ;;
  esac
  shift
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# One build of the service, the baseline and the load generator (build/bench/bench.slnf).
dotnet build -c Release -v q -nologo build/bench/bench.slnf >/dev/null
api=src/Databrain.Api/bin/Release/net10.0/Databrain.Api.dll
raw=build/bench/Databrain.RawBaseline/bin/Release/net10.0/Databrain.RawBaseline.dll
load=build/bench/Databrain.LoadGenerator/bin/Release/net10.0/Databrain.LoadGenerator.dll

work=$(mktemp -d)
pids=()
# Every server this script starts is its own dotnet process (exec, below), so these are the servers' PIDs.
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -d "$work/before" ] && git worktree remove --force "$work/before" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

token=dbn_bench_0123456789abcdef0123456789abcdef
cat >"$work/seed.json" <<JSON
{"organizations":[{"name":"bench","serviceTokens":["$token"],"datasources":["postgres-main"],"llms":["gpt-4o"],"themes":["dark"]}]}
JSON

# Runs a program from its own directory, as its container does: that directory is the content root, so the
# service reads its appsettings.json (JSON logs, log levels) exactly as deployed.
in_bin() { local dll=$1; shift; (cd "$(dirname "$dll")" && exec dotnet "$(basename "$dll")" "$@"); }

# A migrated and seeded database (a SQLite file, or a PostgreSQL connection string), through the service's own
# admin command.
# $2: the service build whose admin command does it (default: this one).
prepare() {
  local log; log=$(mktemp -p "$work" seed.XXXXXX.log)
  ConnectionStrings__Databrain="$(connection_string "$1")" Database__Provider="$provider" DOTNET_ENVIRONMENT=Production in_bin "${2:-$api}" seed "$work/seed.json" \
    >/dev/null 2>"$log" || { cat "$log" >&2; exit 1; }
}

# $1: dll, $2: database file (or, with $provider PostgreSql, a connection string), $3: a name for its log. Runs as
# in production (Production environment, JSON logs) on a port the system picks, and sets $address from its
# "Now listening on" line and $pid. The bound on new idempotency keys is lifted: the keyed-create scenario sends
# thousands a second from one organization, which measures the keys, not the bound.
provider=Sqlite
connection_string() { if [ "$provider" = Sqlite ]; then echo "Data Source=$1"; else echo "$1"; fi; }
start() {
  local log="$work/$3.log"
  (cd "$(dirname "$1")" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:0" \
    ConnectionStrings__Databrain="$(connection_string "$2")" Database__Provider="$provider" \
    Idempotency__NewKeysPerSecond=1000000 Idempotency__NewKeysBurst=1000000 \
    exec env "Logging__LogLevel__Databrain.Api.Observability.RequestLogMiddleware=$request_log" dotnet "$(basename "$1")" >"$log" 2>&1) &
  pid=$!
  pids+=("$pid")
  address=
  for _ in $(seq 1 150); do
    address=$(grep -oE 'Now listening on: http://127\.0\.0\.1:[0-9]+' "$log" 2>/dev/null | head -n 1 | sed 's/Now listening on: //') || true
    if [ -n "$address" ] && curl -fs -o /dev/null -H "Authorization: Bearer $token" "$address/api/v2/workspace?isPagination=true"; then return 0; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  cat "$log" >&2; echo "$1 did not start" >&2; exit 1
}

if [ "$postgres" -eq 1 ]; then
  server=$(bash build/postgres.sh 2>/dev/null | tail -n 1)
  bench_database="databrain_bench_$$"
  drop_bench_database() { su postgres -c "psql -qAt -c 'DROP DATABASE IF EXISTS $bench_database WITH (FORCE)'" >/dev/null 2>&1 || true; }
  trap 'cleanup; drop_bench_database' EXIT
  provider=PostgreSql
  database="${server/Database=postgres/Database=$bench_database}"
  prepare "$database"
  start "$api" "$database" postgres
  echo "PostgreSQL $(su postgres -c "psql -qAt -c 'SHOW server_version'" 2>/dev/null), the service alone:"
  dotnet "$load" figures "$address" postgresql "$token" "$warmup" "$seconds" "$((rounds / 2))" "$connections" "$pid" &
  pids+=("$!")
  wait "$!"
  exit 0
fi

if [ -n "$against" ]; then
  git worktree add --detach -q "$work/before" "$against"
  (cd "$work/before" && dotnet build -c Release -v q -nologo build/bench/bench.slnf >/dev/null)
  before_api=$work/before/src/Databrain.Api/bin/Release/net10.0/Databrain.Api.dll
  # What runs: each build's service, or with --raw each build's raw baseline (on the database its service migrated).
  current_target=$api before_target=$before_api what=service
  if [ "$raw_against" -eq 1 ]; then current_target=$raw before_target=$work/before/$raw what="raw baseline"; fi
  echo "this build's $what ($(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src build/bench || echo ', with changes')) against $(git -C "$work/before" rev-parse --short HEAD)'s, $runs runs"
  ratios=()
  for run in $(seq 1 "$runs"); do
    prepare "$work/current-$run.db" & seeding=$!
    prepare "$work/before-$run.db" "$before_api"
    wait "$seeding"
    start "$current_target" "$work/current-$run.db" "current-$run"; current_address=$address current_pid=$pid
    start "$before_target" "$work/before-$run.db" "before-$run"; before_address=$address before_pid=$pid
    dotnet "$load" compare "$current_address" "$before_address" "$token" "$warmup" "$seconds" "$rounds" 0 "$connections" "$current_pid" "$before_pid" \
      >"$work/run-$run.txt" &
    pids+=("$!")
    wait "$!"
    echo "run $run:"
    sed -e 's/^\(.\{43\}\)service /\1current /' -e 's/^\(.\{43\}\)raw     /\1before  /' -e 's|(service/raw)|(current/before)|' "$work/run-$run.txt"
    ratios+=("$(sed -n 's|^create-workspace throughput ratio (service/raw): ||p' "$work/run-$run.txt")")
    kill "$current_pid" "$before_pid"; wait "$current_pid" "$before_pid" 2>/dev/null || true
  done
  printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END { printf "create throughput ratio (current/before), median of %d runs: %.2f\n", NR, (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2 }'
  exit 0
fi

if [ "$scale" -eq 1 ]; then
  for rows in 1000 1000000; do
    prepare "$work/scale-$rows.db"
    dotnet "$load" populate "$work/scale-$rows.db" "$rows"
    start "$api" "$work/scale-$rows.db" "scale-$rows"
    median=$(dotnet "$load" latency "$address" "$token" "$latency_count")
    echo "median create latency with $rows catalog rows: $median ms"
    declare "median_$rows=$median"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  awk -v big="$median_1000000" -v small="$median_1000" 'BEGIN { printf "median create latency ratio (1,000,000 rows / 1,000 rows): %.2f\n", big / small }'
  exit 0
fi

prepare "$work/service.db" & seeding=$!
prepare "$work/raw.db"
wait "$seeding"
start "$api" "$work/service.db" service; service_address=$address service_pid=$pid
if [ "$request_log_ab" -eq 1 ]; then
  # The same build twice, the second with its request line off, in the baseline's place; the table calls it "no-line".
  request_log=Warning start "$api" "$work/raw.db" raw; raw_address=$address raw_pid=$pid
else
  start "$raw" "$work/raw.db" raw; raw_address=$address raw_pid=$pid
fi
# In the background and waited for, so that an interrupt reaches the trap at once, not after the comparison.
if [ "$request_log_ab" -eq 1 ]; then
  dotnet "$load" compare "$service_address" "$raw_address" "$token" "$warmup" "$seconds" "$rounds" 0 "$connections" "$service_pid" "$raw_pid" \
    > >(sed -e 's/^\(.\{43\}\)raw     /\1no-line /' -e 's|(service/raw)|(line/no line)|') &
else
  dotnet "$load" compare "$service_address" "$raw_address" "$token" "$warmup" "$seconds" "$rounds" "$service_only_rounds" "$connections" "$service_pid" "$raw_pid" &
fi
pids+=("$!")
wait "$!"
