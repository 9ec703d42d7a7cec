namespace Databrain.Application.Common.Results;

/// <summary>An answer that carries one workspace: the host sends its version's tag as the <c>ETag</c> (docs/api.md, "Versions: ETag and If-Match").</summary>
public interface IVersioned
{
    /// <summary>The tag's text, without quotes; null for an answer whose version is not known (a create answered by an earlier release and replayed).</summary>
    string? EntityTag { get; }
}
