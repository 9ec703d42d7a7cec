#!/usr/bin/env bash
# Checks the use-case template (templates/usecase, docs/adding-a-command.md) as a contributor uses it: installed
# (into a private template store), one use case of each kind generated into a copy of the repository, the solution builds, and the
# generated test skeletons fail until they are written.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$work"
hive="$work/.template-store"

dotnet new install ./templates/usecase --debug:custom-hive "$hive" >/dev/null
# One use case of each kind, side by side in the copy.
kinds=(command:PingWorkspace query:ReadPing idempotent:RetryPing)
for entry in "${kinds[@]}"; do
  (cd "$work" && dotnet new databrain-usecase --name "${entry#*:}" --kind "${entry%%:*}" --debug:custom-hive "$hive" >/dev/null)
done
(cd "$work" && dotnet build Databrain.sln -v q -nologo >/dev/null) || { echo "template check: a generated use case does not build" >&2; exit 1; }

# Each kind's handler skeleton and its HTTP skeleton on SQLite fail until written (the other providers' may be skipped).
results=$(cd "$work" && dotnet test --no-build -- --filter-class '*Ping*' 2>&1 || true)
for entry in "${kinds[@]}"; do
  name=${entry#*:}
  for expected in "UnitTests.Workspaces.${name}Tests.Handle_TheFirstCase_IsNotWrittenYet" "IntegrationTests.Http.${name}OnSqlite.TheEndpoint_AnswersItsFirstCase_IsNotWrittenYet"; do
    if ! echo "$results" | grep -qE "^failed Databrain\.${expected//./\.} "; then
      echo "$results" >&2
      echo "template check: expected ${expected} (kind ${entry%%:*}) to fail until written" >&2
      exit 1
    fi
  done
done
echo "template check: a command, a query and an idempotent write generated: each builds, and its skeletons fail until written"
