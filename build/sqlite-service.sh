# Sourced by the scripts that run the service on a fresh SQLite file (build/soak.sh, build/purge.sh,
# build/heavy-reads.sh): the one way they seed it and find a free port. Needs $api (the service's dll) and $work.

# $1: the organization's name, $2: its token, $3: the SQLite file. Seeds the demo catalog through the admin command.
seed_sqlite() {
  cat >"$work/seed.json" <<JSON
{"organizations":[{"name":"$1","serviceTokens":["$2"],"datasources":["postgres-main"],"llms":["gpt-4o"],"themes":["dark"]}]}
JSON
  (cd "$(dirname "$api")" && ConnectionStrings__Databrain="Data Source=$3" DOTNET_ENVIRONMENT=Production \
    dotnet "$(basename "$api")" seed "$work/seed.json" >/dev/null 2>"$work/seed.log") || { cat "$work/seed.log" >&2; exit 1; }
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
