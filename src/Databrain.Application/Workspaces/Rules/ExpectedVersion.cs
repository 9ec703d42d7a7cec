using Databrain.Application.Common;

namespace Databrain.Application.Workspaces.Rules;

/// <summary>
/// The condition of an <c>If-Match</c> header (contract, section 4e): one version, or any version (<c>*</c>).
/// A request without the header carries none and writes unconditionally.
/// </summary>
public sealed record ExpectedVersion(long? Version) : IHeaderValue
{
    /// <summary><c>If-Match: *</c>: any existing workspace.</summary>
    public static ExpectedVersion Any { get; } = new((long?)null);
}
