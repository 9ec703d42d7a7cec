#!/usr/bin/env bash
# Runs the README's test command (`dotnet test` from the repository root: every test project; each failure in
# full, skipped cases counted rather than listed one by one), then prints one line per database provider with the
# passed, failed and skipped counts of its cases (the test classes named `…OnSqlite`, `…OnPostgreSql`,
# `…OnSqlServer`) and why they were skipped, and ends with one line `tests: N passed, N failed, N skipped`,
# counted by the test platform in this run. Exits non-zero when the build or any test fails, and, under CI
# (CI=true), when any PostgreSQL case was skipped: CI has a PostgreSQL server (build/postgres.sh), so a skip there
# means a case that did not run.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
results=$(mktemp -d)
trap 'rm -rf "$log" "$results"' EXIT

# The whole output goes to the log (the counts below come from it); the terminal gets it without the block of each
# skipped case (its "skipped …" line and the indented lines under it): the provider lines below say why they were
# skipped, once. The SDK renders the results itself and takes no option to leave skipped cases out.
dotnet test --results-directory "$results" --report-xunit-junit "$@" 2>&1 | tee "$log" \
  | awk '/^skipped / { hiding = 1; next } hiding && /^  / { next } { hiding = 0; print; fflush() }'
status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform closes with a summary block: "total: N", "failed: N", "succeeded: N", "skipped: N".
count() { grep -E "^[[:space:]]+$1: [0-9]+$" "$log" | tail -n 1 | grep -oE '[0-9]+$'; }
passed=$(count succeeded)
failed=$(count failed)
skipped=$(count skipped)

if [ -z "$passed" ] || [ -z "$failed" ] || [ -z "$skipped" ]; then
  echo "no test summary: the build failed or no test ran (dotnet test exited with $status)" >&2
  exit $(( status == 0 ? 1 : status ))
fi

# Each <testcase> of the JUnit reports (one per test project) is one record; its class name says the provider.
providers=$(cat "$results"/*.junit.xml 2>/dev/null | awk 'BEGIN { RS = "<testcase " }
  NR > 1 {
    if (!match($0, /classname="[^"]*"/)) next
    class = substr($0, RSTART + 11, RLENGTH - 12)
    if (class ~ /OnSqlite$/) p = "sqlite"; else if (class ~ /OnPostgreSql$/) p = "postgresql"; else if (class ~ /OnSqlServer$/) p = "sqlserver"; else next
    head = substr($0, 1, index($0, ">") + 80)
    if (head ~ /<skipped/) s = "skipped"; else if ($0 ~ /<(failure|error)[ >]/) s = "failed"; else s = "passed"
    n[p, s]++
    # Why a case was skipped (its <skipped> text): each distinct reason once per provider.
    if (s == "skipped" && match($0, /<skipped>[^<]*<\/skipped>/)) {
      reason = substr($0, RSTART + 9, RLENGTH - 19)
      if (!((p, reason) in seen)) { seen[p, reason] = 1; reasons[p] = reasons[p] (reasons[p] == "" ? "" : "; ") reason }
    }
  }
  END {
    split("sqlite postgresql sqlserver", names, " ")
    for (i = 1; i <= 3; i++) {
      printf "%s: %d passed, %d failed, %d skipped", names[i], n[names[i], "passed"], n[names[i], "failed"], n[names[i], "skipped"]
      if (reasons[names[i]] != "") printf " (%s)", reasons[names[i]]
      printf "\n"
    }
  }')
echo "$providers"
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"

if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit $(( status == 0 ? 1 : status ))
fi

postgres_skipped=$(echo "$providers" | sed -nE 's/^postgresql: [0-9]+ passed, [0-9]+ failed, ([0-9]+) skipped.*/\1/p')
postgres_ran=$(echo "$providers" | sed -nE 's/^postgresql: ([0-9]+) passed.*/\1/p')
if [ "${CI:-}" = "true" ] && { [ "${postgres_skipped:-0}" -ne 0 ] || [ "${postgres_ran:-0}" -eq 0 ]; }; then
  echo "CI: ${postgres_skipped:-0} PostgreSQL cases were skipped (and ${postgres_ran:-0} ran); under CI every one must run" >&2
  exit 1
fi
