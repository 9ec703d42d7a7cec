#!/usr/bin/env bash
# Lists the source files of src/ that one request runs code from, and counts them: a measure of how far a reader
# travels to follow a request (docs/ARCHITECTURE.md). The request is a create (POST /api/v2/workspace), an update
# (PUT) or a read of one workspace (GET ?name=); for the last two, another process creates the workspace first.
#
# Method: the runtime's JIT prints every method it compiles (DOTNET_JitDisasmSummary). The service is started
# in Production on a database migrated and seeded beforehand by the admin commands in other processes, so
# that no request-path code runs before the request; nothing is sent before it (not even a health probe).
# The methods compiled between just before the POST and a moment after its answer are the ones it ran for the
# first time (inlining off, so that each is compiled by itself), mapped to the file that declares their type
# (lambdas and async state machines to the type that holds them). Code that start-up already ran
# (registration, options) is not counted; interfaces and plain data types with no code of their own are not
# either, which makes the count a floor.
#
#   build/request-path.sh                  the count, for a create
#   build/request-path.sh --list           and the files
#   build/request-path.sh [--list] put|get an update, a read of one workspace
set -euo pipefail
cd "$(dirname "$0")/.."

list="" request=post
for arg in "$@"; do
  case "$arg" in
    --list) list=1 ;;
    post|put|get) request=$arg ;;
    *) echo "usage: build/request-path.sh [--list] [post|put|get]" >&2; exit 2 ;;
  esac
done

dotnet build -c Release -v q -nologo src/Databrain.Api >/dev/null
api=$PWD/src/Databrain.Api/bin/Release/net10.0/Databrain.Api.dll
work=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
[ -n "${KEEP_WORK:-}" ] && trap - EXIT && echo "work: $work" >&2

token=dbn_path_0123456789abcdef0123456789abcdef
cat >"$work/seed.json" <<JSON
{"organizations":[{"name":"path","serviceTokens":["$token"],"datasources":["postgres-main"]}]}
JSON
export ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Databrain="Data Source=$work/path.db"
dotnet "$api" seed "$work/seed.json" >/dev/null

create() { curl -s -o /dev/null -X POST "http://127.0.0.1:$1/api/v2/workspace" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"name":"Path","connectionType":"DATASOURCE","datasourceName":"postgres-main"}'; }

if [ "$request" != post ]; then
  # The workspace, created by another process, so that the measured one runs the request's code for the first time.
  helper=$(( 20000 + RANDOM % 20000 ))
  ASPNETCORE_URLS="http://127.0.0.1:$helper" dotnet "$api" >"$work/helper.txt" 2>&1 &
  server=$!
  until grep -q "Now listening" "$work/helper.txt" 2>/dev/null; do sleep 0.2; done
  create "$helper"
  kill "$server"; wait "$server" 2>/dev/null || true
fi

port=$(( 20000 + RANDOM % 20000 ))
DOTNET_JitNoInline=1 DOTNET_JitDisasmSummary=1 DOTNET_JitStdOutFile="$work/jit.txt" Database__MigrateOnStartup=false \
  ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$api" >"$work/out.txt" 2>&1 &
server=$!
until grep -q "Now listening" "$work/out.txt" 2>/dev/null; do sleep 0.2; done

before=$(wc -l <"$work/jit.txt")
case "$request" in
  post) create "$port" ;;
  put) curl -s -o /dev/null -X PUT "http://127.0.0.1:$port/api/v2/workspace" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{"name":"Path","connectionType":"MULTI_DATASOURCE"}' ;;
  get) curl -s -o /dev/null "http://127.0.0.1:$port/api/v2/workspace?name=Path" -H "Authorization: Bearer $token" ;;
esac
sleep 2 # the request log line is written as the answer completes
tail -n +"$((before + 1))" "$work/jit.txt" >"$work/request.txt"

# Every type declared in src/, with its file.
grep -rEo --include='*.cs' '\b(class|record|struct|interface|enum)( struct| class)? [A-Z][A-Za-z0-9_]*' src \
  | sed -E 's/^([^:]+):.* ([A-Za-z0-9_]+)$/\2 \1/' | sort -u >"$work/types.txt"
# "JIT compiled Databrain.Api.Http.Envelope`1[...]+<>c:<Foo>b__0(...)" -> "Envelope"
grep -oE 'JIT compiled Databrain\.[^:(\[]+' "$work/request.txt" | sed -E 's/^JIT compiled //; s/\+.*$//; s/`[0-9]+$//; s/^.*\.//' \
  | sort -u >"$work/ran.txt"
files=$(join "$work/ran.txt" "$work/types.txt" | awk '{print $2}' | sort -u)

if [ -n "$list" ]; then echo "$files"; fi
echo "files of src/ a $request request runs code from: $(echo "$files" | grep -c .) of $(find src -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' | wc -l)"
