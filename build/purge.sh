#!/usr/bin/env bash
# Purge figures (docs/performance.md, "Purging expired idempotency keys"): two instances of the service in
# Production on one fresh SQLite file holding a million idempotency keys that expire together. Instance B is
# measured: one client creates and deletes back to back, first while nothing has expired (the baseline, no purge
# running), then while instance A purges the million keys (A purges every second; B's own purge is held off for a
# day, so that B only writes). The phase ends when A logs the end of its purge, space given back included.
# Prints both phases' create latencies, the ratio of their p99 (the target is at most 2), and the file's size
# before and after. Not part of CI: about eight minutes, most of it the purge itself.
#
#   build/purge.sh              1,000,000 keys, 40 s of baseline
#   build/purge.sh --keys N     N keys
set -euo pipefail
cd "$(dirname "$0")/.."

keys=1000000 baseline=40 warmup=10
while [ $# -gt 0 ]; do
  case "$1" in
    --keys) keys=$2; shift ;;
    *) echo "usage: build/purge.sh [--keys N]" >&2; exit 2 ;;
  esac
  shift
done

. build/sqlite-service.sh # builds in Release; sets $api, $load and $work
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

token=dbn_purge_0123456789abcdef0123456789abcdef
db=$work/purge.db
seed_sqlite purge "$token" "$db"

# The keys expire once both instances are up and the baseline has run.
expires=$(( $(date +%s%3N) + (warmup + baseline + 20) * 1000 ))
dotnet "$load" keys "$db" "$keys" "$expires"
size() { du -m "$db" | cut -f1; }
echo "$keys keys stored: the file is $(size) MB"

# $1: port, $2: purge interval in seconds. Per-organization limits off: one client is the whole load.
start_instance() {
  (cd "$(dirname "$api")" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$1" \
    ConnectionStrings__Databrain="Data Source=$db" Database__MigrateOnStartup=false RateLimits__Organization__Enabled=false \
    Idempotency__PurgeIntervalSeconds="$2" exec dotnet "$(basename "$api")" >"$work/instance-$1.log" 2>&1) &
  pids+=("$!")
  for _ in $(seq 1 150); do
    curl -fs -o /dev/null "http://127.0.0.1:$1/health/ready" && return 0
    sleep 0.2
  done
  cat "$work/instance-$1.log" >&2; echo "the instance on port $1 did not start" >&2; exit 1
}

purger=$(free_port); start_instance "$purger" 1
writer=$(free_port); start_instance "$writer" 86400
echo "instance A purges, instance B is measured; the keys expire in $(( (expires - $(date +%s%3N)) / 1000 )) s"
dotnet "$load" purge "http://127.0.0.1:$writer" "$token" "$expires" "$work/instance-$purger.log" "$warmup"
grep -o 'Purged [0-9]* expired idempotency keys' "$work/instance-$purger.log" | head -n 1
echo "after the purge: the file is $(size) MB"
