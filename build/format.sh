#!/usr/bin/env bash
# Fails when the code does not follow .editorconfig (whitespace, style and analyzer rules).
# Run `dotnet format` without --verify-no-changes to fix what can be fixed automatically.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet format Databrain.sln --verify-no-changes "$@"
