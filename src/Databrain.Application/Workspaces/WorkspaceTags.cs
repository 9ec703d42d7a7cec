using System.Globalization;

namespace Databrain.Application.Workspaces;

/// <summary>
/// A workspace version's entity tag (docs/api.md, "Versions: ETag and If-Match"). Opaque to clients, it names one
/// workspace by its public id and one version of it, so that a tag never matches another workspace, not even one
/// created later under the same name at the same version. This class alone knows its text: the id, a dot, the version.
/// </summary>
public static class WorkspaceTags
{
    /// <summary>The tag's text, without the quotes the header puts around it.</summary>
    public static string Of(string workspaceId, long version) =>
        string.Create(CultureInfo.InvariantCulture, $"{workspaceId}.{version}");

    /// <summary>The version a tag's text names; null for a text this service does not issue (such as the bare <c>3</c> of earlier releases).</summary>
    public static WorkspaceVersion? Read(string tag)
    {
        var dot = tag.LastIndexOf('.');
        if (dot < 0)
        {
            return null;
        }

        var id = tag[..dot];
        var version = tag[(dot + 1)..];
        return Guid.TryParseExact(id, "D", out var guid) && guid.ToString() == id
            && version is [>= '1' and <= '9', ..] && version.Length <= 18 && version.All(char.IsAsciiDigit)
            ? new WorkspaceVersion(id, long.Parse(version, NumberStyles.None, CultureInfo.InvariantCulture))
            : null;
    }
}
