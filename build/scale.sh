#!/usr/bin/env bash
# Scale figures (docs/performance.md, "Several instances"): the service on this machine's PostgreSQL (build/postgres.sh
# starts it; as root), behind a real nginx (build/nginx.sh installs it), first with one instance and then with three
# on the same database. Prints creates per second and reads (of one workspace) per second with p50/p99 for each.
# On a 2-core machine the instances, PostgreSQL, nginx and the load share the same cores: the figures show what
# coordinating several instances costs, not what more machines would gain. Leaves no process or database behind.
#
#   build/scale.sh            2 rounds of 5 s per scenario and size, after 15 s of warm-up per instance (about 2.5 minutes)
#   build/scale.sh --quick    1 round of 2 s, 6 s of warm-up
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=5 rounds=2 warmup=15 connections=16
case "${1:-}" in
  --quick) seconds=2 rounds=1 warmup=6 ;;
  "") ;;
  *) echo "usage: build/scale.sh [--quick]" >&2; exit 2 ;;
esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release -v q -nologo build/bench/bench.slnf >/dev/null
api=src/Databrain.Api/bin/Release/net10.0/Databrain.Api.dll
load=build/bench/Databrain.LoadGenerator/bin/Release/net10.0/Databrain.LoadGenerator.dll
server=$(bash build/postgres.sh 2>/dev/null | tail -n 1)
nginx=$(bash build/nginx.sh 2>/dev/null | tail -n 1)

work=$(mktemp -d)
database="databrain_scale_$$"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  su postgres -c "psql -qAt -c 'DROP DATABASE IF EXISTS $database WITH (FORCE)'" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

token=dbn_scale_0123456789abcdef0123456789abcdef
connection="${server/Database=postgres/Database=$database}"
cat >"$work/seed.json" <<JSON
{"organizations":[{"name":"scale","serviceTokens":["$token"],"datasources":["postgres-main"],"llms":["gpt-4o"],"themes":["dark"]}]}
JSON
(cd "$(dirname "$api")" && ConnectionStrings__Databrain="$connection" Database__Provider=PostgreSql DOTNET_ENVIRONMENT=Production \
  dotnet "$(basename "$api")" seed "$work/seed.json" >/dev/null 2>"$work/seed.log") || { cat "$work/seed.log" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)); }

# $1: port. An instance as deployed behind a proxy: Production, no migration of its own, the proxy trusted.
start_instance() {
  (cd "$(dirname "$api")" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$1" \
    ConnectionStrings__Databrain="$connection" Database__Provider=PostgreSql Database__MigrateOnStartup=false \
    RateLimits__TrustedProxies__0=127.0.0.1 exec dotnet "$(basename "$api")" >"$work/instance-$1.log" 2>&1) &
  pids+=("$!")
  for _ in $(seq 1 150); do
    curl -fs -o /dev/null "http://127.0.0.1:$1/health/ready" && return 0
    sleep 0.2
  done
  cat "$work/instance-$1.log" >&2; echo "the instance on port $1 did not start" >&2; exit 1
}

# $1: the proxy's port, then the instances' ports.
start_nginx() {
  local port=$1; shift
  local folder="$work/nginx-$port"; mkdir -p "$folder"
  {
    echo "worker_processes 1; daemon off; pid $folder/nginx.pid; error_log $folder/error.log warn;"
    echo "events { worker_connections 4096; }"
    echo "http { access_log off; client_body_temp_path $folder/body; proxy_temp_path $folder/proxy;"
    echo "  fastcgi_temp_path $folder/fastcgi; uwsgi_temp_path $folder/uwsgi; scgi_temp_path $folder/scgi;"
    echo "  upstream api { keepalive 64;"
    for instance in "$@"; do echo "    server 127.0.0.1:$instance max_fails=1 fail_timeout=2s;"; done
    echo "  }"
    echo "  server { listen 127.0.0.1:$port; location / { proxy_pass http://api; proxy_http_version 1.1; proxy_set_header Connection \"\"; proxy_set_header X-Forwarded-For \$remote_addr; } }"
    echo "}"
  } >"$folder/nginx.conf"
  "$nginx" -c "$folder/nginx.conf" -p "$folder" &
  pids+=("$!")
  for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$port/health/live" && return 0; sleep 0.1; done
  cat "$folder/error.log" >&2; echo "nginx did not start" >&2; exit 1
}

# $1: how many instances. Starts them and their proxy, measures, and stops them.
measure() {
  local count=$1 ports=() proxy
  local first=${#pids[@]}
  for _ in $(seq 1 "$count"); do ports+=("$(free_port)"); start_instance "${ports[-1]}"; done
  proxy=$(free_port)
  start_nginx "$proxy" "${ports[@]}"
  echo "$count instance(s) behind nginx:"
  # Each instance gets the whole warm-up (the proxy spreads it over them): the JIT of each process needs its own.
  dotnet "$load" figures "http://127.0.0.1:$proxy" "x$count" "$token" "$((warmup * count))" "$seconds" "$rounds" "$connections" 0 create,read &
  pids+=("$!")
  wait "$!"
  for pid in "${pids[@]:$first}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  pids=("${pids[@]:0:$first}")
}

echo "PostgreSQL $(su postgres -c "psql -qAt -c 'SHOW server_version'" 2>/dev/null), $(nproc) cores"
measure 1
measure 3
