namespace Databrain.Client;

/// <summary>What a success carries besides its body: the workspace's version and whether it is a replayed answer.</summary>
public partial class DatabrainResponse
{
    /// <summary>
    /// The workspace's version as a strong entity tag (<c>"3"</c>), on create, read one and update: pass it back as
    /// <c>if_Match</c> to update or delete only that version.
    /// </summary>
    public string? ETag => Headers.TryGetValue("ETag", out var values) ? values.FirstOrDefault() : null;

    /// <summary>True when this is the stored answer of an earlier request with the same <c>Idempotency-Key</c>.</summary>
    public bool IsReplayed =>
        Headers.TryGetValue("Idempotent-Replayed", out var values) && values.Contains("true", StringComparer.OrdinalIgnoreCase);
}
