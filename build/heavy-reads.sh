#!/usr/bin/env bash
# Heavy-read figures (docs/performance.md, "Fair under heavy reads"): the service in Production on a fresh SQLite
# file whose organization has 50,417 workspaces (a whole list of about 3 MB). From one process apart from the
# service: 300 slow readers of the whole list (each reads 1 KB every 0.1 s, and waits out a 429's Retry-After),
# one writer creating and deleting back to back, and a probe of /health/live every 50 ms. Prints the probe's and
# the writer's latencies, what the readers got, and the service's peak resident memory. Not part of CI.
#
#   build/heavy-reads.sh                      60 s of load, the service's own bound on whole lists
#   build/heavy-reads.sh --unbounded          the same with Lists:WholeListsAtOnce at 10,000 (no bound in effect)
#   build/heavy-reads.sh --seconds N
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60 readers=300 workspaces=50417 extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --unbounded) extra=(Lists__WholeListsAtOnce=10000) ;;
    --seconds) seconds=$2; shift ;;
    *) echo "usage: build/heavy-reads.sh [--unbounded] [--seconds N]" >&2; exit 2 ;;
  esac
  shift
done

. build/sqlite-service.sh # builds in Release; sets $api, $load and $work
service=""
cleanup() {
  [ -n "$service" ] && kill "$service" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

token=dbn_reads_0123456789abcdef0123456789abcdef
db=$work/reads.db
seed_sqlite reads "$token" "$db"
dotnet "$load" workspaces "$db" "$workspaces"

port=$(free_port)
url=http://127.0.0.1:$port
# exec: the background job is the service itself, so $! is its process id (for its memory). Per-organization
# limits off: the readers and the writer are one organization's clients, and the bound under test is the lists'.
(cd "$(dirname "$api")" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$url ConnectionStrings__Databrain="Data Source=$db" \
  RateLimits__Organization__Enabled=false "${extra[@]}" dotnet "$(basename "$api")" >"$work/service.log" 2>&1) &
service=$!
for _ in $(seq 1 100); do
  curl -fs -o /dev/null "$url/health/ready" && break
  sleep 0.2
done
echo "$workspaces workspaces, a whole list of $(curl -s "$url/api/v2/workspace" -H "Authorization: Bearer $token" | wc -c) bytes; $readers slow readers for $seconds s${extra:+ (unbounded)}"
dotnet "$load" heavy-reads "$url" "$token" "$readers" "$seconds" "$service"
