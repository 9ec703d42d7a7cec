#!/usr/bin/env bash
# Regenerates, in this order:
#   docs/openapi/v1.json                                   the OpenAPI document, written by the build of the service
#                                                          (Microsoft.Extensions.ApiDescription.Server)
#   clients/Databrain.Client/Protocol/DatabrainProtocol.g.cs the client's protocol layer (internal), generated from that
#                                                          document by NSwag (the version pinned in .config/dotnet-tools.json)
#   clients/Databrain.Client/ErrorCodes.g.cs                 the error codes of the document's error examples, as
#                                                          constants (build/ErrorCodes.cs, a .NET file-based program)
# Commit both: every change of the API then shows up as a diff in review.
#
#   build/generate-client.sh          regenerate both in place
#   build/generate-client.sh --check  regenerate both into a temporary folder and fail if either differs from the
#                                     committed file (a CI step)
set -euo pipefail
cd "$(dirname "$0")/.."

check=0
case "${1:-}" in
  "") ;;
  --check) check=1 ;;
  *) echo "usage: build/generate-client.sh [--check]" >&2; exit 2 ;;
esac

document=docs/openapi/v1.json
client=clients/Databrain.Client/Protocol/DatabrainProtocol.g.cs
codes=clients/Databrain.Client/ErrorCodes.g.cs
out_document=$document out_client=$client out_codes=$codes
if [ "$check" = 1 ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  out_document=$work/openapi/v1.json out_client=$work/DatabrainProtocol.g.cs out_codes=$work/ErrorCodes.g.cs
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null

# The build runs the service's entry point until its host is built and writes the document it would serve.
mkdir -p "$(dirname "$out_document")"
# The generation step is skipped when the assembly is older than its list of written documents: remove the list, so
# that the document is always written where asked.
rm -f src/Databrain.Api/obj/Databrain.Api.OpenApiFiles.cache
dotnet build src/Databrain.Api -v q -nologo -p:OpenApiGenerateDocuments=true \
  -p:OpenApiDocumentsDirectory="$(cd "$(dirname "$out_document")" && pwd)" >/dev/null
# info.version is the build's version from git tags: a new one in every commit. The committed document carries a
# fixed one, so that it changes only when the API does (a running service shows its own; OpenApiTests compares
# everything else).
sed -i '0,/"version": "[^"]*"/s//"version": "0.0.0"/' "$out_document"

# The protocol layer: internal, in a namespace of its own. The public surface is the hand-written layer over it.
dotnet nswag openapi2csclient /input:"$out_document" /output:"$out_client" \
  /namespace:Databrain.Client.Protocol /className:DatabrainProtocol /generateClientInterfaces:false \
  /clientClassAccessModifier:internal /typeAccessModifier:internal \
  /operationGenerationMode:SingleClientFromOperationId /useBaseUrl:false /injectHttpClient:true /disposeHttpClient:false \
  /jsonLibrary:SystemTextJson /generateNullableReferenceTypes:true /generateOptionalPropertiesAsNullable:true \
  /generateOptionalParameters:true /wrapResponses:true /responseClass:ProtocolResponse \
  /exceptionClass:ProtocolException >/dev/null
# NSwag writes its response and exception classes public whatever the access modifiers say: they are the protocol's.
sed -i -E 's/^    public partial class (ProtocolResponse|ProtocolException)/    internal partial class \1/' "$out_client"
dotnet run --file build/ErrorCodes.cs -- "$out_document" "$out_codes" >/dev/null

if [ "$check" = 1 ]; then
  status=0
  for pair in "$out_document:$document" "$out_client:$client" "$out_codes:$codes"; do
    if ! diff -q "${pair%%:*}" "${pair##*:}" >/dev/null; then
      echo "${pair##*:} is not what build/generate-client.sh generates from the code; run it and commit the result:" >&2
      diff -u "${pair##*:}" "${pair%%:*}" | head -n 40 >&2 || true
      status=1
    fi
  done
  exit $status
fi
echo "wrote $document, $client and $codes"
