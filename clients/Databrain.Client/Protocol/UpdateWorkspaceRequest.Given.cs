using System.Text.Json.Serialization;

namespace Databrain.Client.Protocol;

internal partial class UpdateWorkspaceRequest
{
    /// <summary>The JSON names of the fields this request sends; the others are left out (DatabrainProtocol.Json.cs).</summary>
    [JsonIgnore]
    public HashSet<string> Given { get; } = new(StringComparer.Ordinal);
}
