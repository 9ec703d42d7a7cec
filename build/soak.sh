#!/usr/bin/env bash
# A soak run (not part of CI): the service in Production, on a fresh SQLite file, under a mixed load from the
# load generator (creates, updates, reads, deletes, rejected creates, lists, bad bodies, unknown tokens, slow
# readers) while another process holds SQLite's write lock for 5 s, twice. The database command timeout is
# 3 s, so the writes that wait on that lock fail with 500: those are the expected 5xx, and nothing else is.
# The load generator is the service's trusted proxy and gives each kind of client its own address, so that the
# guessing client is stopped by the failed-authentication limit and the others are not.
# Samples the service's resident memory every second. The last line is
#   soak: N requests, N unexpected 5xx, peak RSS N MB, final RSS N MB
# and the script fails when there was an unexpected 5xx or the final RSS exceeds 1.5 times the RSS after warm-up.
#
#   build/soak.sh             10 minutes
#   build/soak.sh --quick     60 seconds
#   build/soak.sh --seconds N
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=600
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) seconds=60 ;;
    --seconds) seconds=$2; shift ;;
    *) echo "usage: build/soak.sh [--quick | --seconds N]" >&2; exit 2 ;;
  esac
  shift
done
warmup=$(( seconds / 6 < 10 ? 10 : seconds / 6 ))

. build/sqlite-service.sh # builds in Release; sets $api, $load and $work
service=""
sampler=""
cleanup() {
  for pid in $sampler $service; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

token=dbn_soak_0123456789abcdef0123456789abcdef
db=$work/soak.db
seed_sqlite soak "$token" "$db"

port=$(free_port)
url=http://127.0.0.1:$port
# exec: the background job is the service itself, so $! is its process id (for memory samples and clean-up).
(cd "$(dirname "$api")" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$url ConnectionStrings__Databrain="Data Source=$db" \
  Database__CommandTimeoutSeconds=3 RateLimits__TrustedProxies__0=127.0.0.1 exec dotnet "$(basename "$api")" >"$work/service.log" 2>&1) &
service=$!
for _ in $(seq 1 100); do
  curl -fs -o /dev/null "$url/health/live" && break
  sleep 0.2
done

# Resident memory in MB, one sample a second: "elapsed-seconds rss-mb".
(start=$(date +%s); while kill -0 "$service" 2>/dev/null; do
  echo "$(( $(date +%s) - start )) $(( $(awk '/VmRSS/ {print $2}' "/proc/$service/status" 2>/dev/null || echo 0) / 1024 ))"
  sleep 1
done) >"$work/rss" &
sampler=$!

echo "soak: ${seconds} s against $url (warm-up ${warmup} s)"
dotnet "$load" soak "$url" "$token" "$seconds" "$db" | tee "$work/report"
sleep 5 # the last requests' memory settles before the final sample

read -r requests unexpected < <(awk '/^soak-requests:/ {print $2, $3}' "$work/report")
peak=$(awk '{ if ($2 > max) max = $2 } END { print max + 0 }' "$work/rss")
after_warmup=$(awk -v w="$warmup" '$1 >= w { print $2; exit }' "$work/rss")
final=$(tail -n 1 "$work/rss" | awk '{print $2}')
echo "RSS after warm-up: ${after_warmup} MB"
echo "soak: ${requests} requests, ${unexpected} unexpected 5xx, peak RSS ${peak} MB, final RSS ${final} MB"

if [ "$unexpected" -ne 0 ]; then
  echo "failed: unexpected 5xx (the service log is $work/service.log, removed on exit)" >&2
  exit 1
fi
if [ $(( final * 2 )) -gt $(( after_warmup * 3 )) ]; then
  echo "failed: final RSS ${final} MB is more than 1.5 times the ${after_warmup} MB after warm-up" >&2
  exit 1
fi
