using System.Globalization;
using Databrain.Domain.Workspaces;

namespace Databrain.Application.Workspaces;

/// <summary>
/// Which workspaces a list holds (docs/api.md, "GET /api/v2/workspace", list options): those whose name starts with
/// <see cref="NameStartsWith"/> exactly (ordinal), and those of <see cref="ConnectionType"/>; null is no filter.
/// </summary>
public sealed record WorkspaceFilter(string? NameStartsWith, ConnectionType? ConnectionType)
{
    public const int MaxPrefixLength = 255;

    public static WorkspaceFilter None { get; } = new(null, null);

    /// <summary>1 to <see cref="MaxPrefixLength"/> characters, none of them a control or format character (white space is fine).</summary>
    public static bool IsValidPrefix(string? prefix) =>
        prefix is null
        || (prefix.Length is > 0 and <= MaxPrefixLength
            && !prefix.Any(c => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format));

    /// <summary>The filter that validated query parameters ask for.</summary>
    public static WorkspaceFilter Of(string? nameStartsWith, string? connectionType) =>
        nameStartsWith is null && connectionType is null
            ? None
            : new(nameStartsWith, connectionType is null ? null
                : ConnectionTypes.TryParse(connectionType, out var type) ? type
                : throw new InvalidOperationException("Unvalidated connectionType."));
}
