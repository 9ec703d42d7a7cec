#!/usr/bin/env bash
# Measures the service against a raw baseline (build/bench/Databrain.RawBaseline: the same create and list,
# with the same checks and SQL, by hand with plain ADO.NET), both in Release on fresh SQLite files with a
# seeded organization, driven over loopback with keep-alive connections by build/bench/Databrain.LoadGenerator,
# alternating the two targets round by round. Prints requests per second and p50/p99 latency per scenario;
# the last line is "create-workspace throughput ratio (service/raw): R".
#
#   build/bench.sh            full run (about 3.5 minutes)
#   build/bench.sh --quick    short run (under a minute on 2 cores once built; the first run also builds)
#   build/bench.sh --scale    median create latency with 1,000,000 catalog rows against 1,000 rows
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=5 rounds=4 warmup=15 connections=16 latency_count=300 scale=0
for arg in "$@"; do
  case "$arg" in
    --quick) seconds=2 rounds=2 warmup=9 latency_count=100 ;;
    --scale) scale=1 ;;
    *) echo "usage: build/bench.sh [--quick] [--scale]" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# One build of the service, the baseline and the load generator (build/bench/bench.slnf).
dotnet build -c Release -v q -nologo build/bench/bench.slnf >/dev/null
api=src/Databrain.Api/bin/Release/net10.0/Databrain.Api.dll
raw=build/bench/Databrain.RawBaseline/bin/Release/net10.0/Databrain.RawBaseline.dll
load=build/bench/Databrain.LoadGenerator/bin/Release/net10.0/Databrain.LoadGenerator.dll

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

token=dbn_bench_0123456789abcdef0123456789abcdef
cat >"$work/seed.json" <<JSON
{"organizations":[{"name":"bench","serviceTokens":["$token"],"datasources":["postgres-main"],"llms":["gpt-4o"],"themes":["dark"]}]}
JSON

# Runs a program from its own directory, as its container does: that directory is the content root, so the
# service reads its appsettings.json (JSON logs, log levels) exactly as deployed.
in_bin() { local dll=$1; shift; (cd "$(dirname "$dll")" && exec dotnet "$(basename "$dll")" "$@"); }

# A migrated and seeded SQLite file, through the service's own admin command.
prepare() {
  ConnectionStrings__Databrain="Data Source=$1" DOTNET_ENVIRONMENT=Production in_bin "$api" seed "$work/seed.json" \
    >/dev/null 2>"$1.seed.log" || { cat "$1.seed.log" >&2; exit 1; }
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_for() {
  for _ in $(seq 1 100); do
    if curl -fs -o /dev/null -H "Authorization: Bearer $token" "$1/api/v2/workspace?isPagination=true"; then return 0; fi
    sleep 0.2
  done
  echo "$1 did not start" >&2; exit 1
}

# $1: dll, $2: database file, $3: port. The service runs as in production: Production environment, JSON logs.
start() {
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$3" ConnectionStrings__Databrain="Data Source=$2" \
    in_bin "$1" >"$work/$3.log" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$3"
}

if [ "$scale" -eq 1 ]; then
  for rows in 1000 1000000; do
    prepare "$work/scale-$rows.db"
    dotnet "$load" populate "$work/scale-$rows.db" "$rows"
    port=$(free_port)
    start "$api" "$work/scale-$rows.db" "$port"
    median=$(dotnet "$load" latency "http://127.0.0.1:$port" "$token" "$latency_count")
    echo "median create latency with $rows catalog rows: $median ms"
    declare "median_$rows=$median"
    kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
  done
  python3 -c "print(f'median create latency ratio (1,000,000 rows / 1,000 rows): {float($median_1000000)/float($median_1000):.2f}')"
  exit 0
fi

prepare "$work/service.db" & seeding=$!
prepare "$work/raw.db"
wait "$seeding"
service_port=$(free_port); start "$api" "$work/service.db" "$service_port"
raw_port=$(free_port); start "$raw" "$work/raw.db" "$raw_port"
dotnet "$load" compare "http://127.0.0.1:$service_port" "http://127.0.0.1:$raw_port" "$token" "$warmup" "$seconds" "$rounds" "$connections"
