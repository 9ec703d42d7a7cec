#!/usr/bin/env bash
# Checks the use-case template (templates/usecase, docs/adding-a-command.md) as a contributor uses it: installed
# (into a private template store), generated into a copy of the repository, the solution builds, and the
# generated test skeletons fail until they are written.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$work"
hive="$work/.template-store"

dotnet new install ./templates/usecase --debug:custom-hive "$hive" >/dev/null
(cd "$work" && dotnet new databrain-usecase --name PingWorkspace --debug:custom-hive "$hive" >/dev/null)
(cd "$work" && dotnet build Databrain.sln -v q -nologo >/dev/null) || { echo "template check: the generated use case does not build" >&2; exit 1; }

results=$(cd "$work" && dotnet test --no-build -- --filter-class '*PingWorkspace*' 2>&1 || true)
failed=$(echo "$results" | grep -E '^[[:space:]]+failed: [0-9]+$' | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
if [ "$failed" -ne 2 ]; then
  echo "$results" >&2
  echo "template check: expected the 2 generated skeletons (unit, HTTP) to fail until written; $failed failed" >&2
  exit 1
fi
echo "template check: the generated use case builds, and its 2 test skeletons fail until written"
