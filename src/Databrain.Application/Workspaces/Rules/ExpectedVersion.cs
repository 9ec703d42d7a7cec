
namespace Databrain.Application.Workspaces.Rules;

/// <summary>
/// The condition of an <c>If-Match</c> header (docs/api.md, "Versions: ETag and If-Match"): any version (<c>*</c>), or
/// the version of the workspace that a tag names. A request without the header carries none and writes unconditionally.
/// </summary>
public sealed record ExpectedVersion
{
    // Version 0 of no workspace: what a well-formed tag in a format the service does not issue names.
    private static readonly WorkspaceVersion Nothing = new(string.Empty, 0);

    private ExpectedVersion(string? tag)
    {
        Tag = tag;
        Version = tag is null ? null : WorkspaceTags.Read(tag) ?? Nothing;
    }

    /// <summary><c>If-Match: *</c>: any existing workspace.</summary>
    public static ExpectedVersion Any { get; } = new((string?)null);

    /// <summary>The tag's text as given, without its quotes; null for <c>*</c>.</summary>
    public string? Tag { get; }

    /// <summary>
    /// The workspace version the condition asks for; null for <c>*</c>. A well-formed tag in a format the service
    /// does not issue (such as the bare <c>"3"</c> of earlier releases) names a version nothing stored has: it is
    /// refused like a stale tag.
    /// </summary>
    public WorkspaceVersion? Version { get; }

    /// <summary>The condition of a strong entity tag, given its text without the quotes.</summary>
    public static ExpectedVersion Of(string tag) => new(tag);

    public bool IsMetBy(string workspaceId, long version) =>
        Version is not { } expected || (expected.WorkspaceId == workspaceId && expected.Version == version);
}
