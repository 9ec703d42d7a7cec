# Sourced by the scripts that run the built service on a fresh database (build/soak.sh, build/purge.sh,
# build/heavy-reads.sh, build/list-filters.sh): builds the service and the load generator in Release once, sets
# $api and $load (their dlls) and $work (a temporary folder, the caller's to remove), and gives the one way they
# seed a SQLite file and find a free port.

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release -v q -nologo build/bench/bench.slnf >/dev/null
api=$PWD/src/Databrain.Api/bin/Release/net10.0/Databrain.Api.dll
load=$PWD/build/bench/Databrain.LoadGenerator/bin/Release/net10.0/Databrain.LoadGenerator.dll
work=$(mktemp -d)

# $1: the organization's name, $2: its token, $3: the SQLite file. Seeds the demo catalog through the admin command.
seed_sqlite() {
  cat >"$work/seed.json" <<JSON
{"organizations":[{"name":"$1","serviceTokens":["$2"],"datasources":["postgres-main"],"llms":["gpt-4o"],"themes":["dark"]}]}
JSON
  (cd "$(dirname "$api")" && ConnectionStrings__Databrain="Data Source=$3" DOTNET_ENVIRONMENT=Production \
    dotnet "$(basename "$api")" seed "$work/seed.json" >/dev/null 2>"$work/seed.log") || { cat "$work/seed.log" >&2; exit 1; }
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
