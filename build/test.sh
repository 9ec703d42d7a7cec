#!/usr/bin/env bash
# Runs the README's test command (`dotnet test` from the repository root: every test project) and ends
# with one line `tests: N passed, N failed, N skipped`, counted by the test platform in this run.
# Exits non-zero when the build or any test fails.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet test "$@" 2>&1 | tee "$log"
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

echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit $(( status == 0 ? 1 : status ))
fi
