using System.Globalization;
using System.Text.Json.Serialization;
using Databrain.Application.Common.Results;

namespace Databrain.Application.Workspaces;

/// <summary>
/// Read model of one listed workspace; <see cref="ConnectionType"/> is the wire spelling. A value, not an object: a
/// whole list of a large organization is tens of thousands of them. (A struct has a constructor without
/// parameters, so its properties are marked as always present, as the API reference says they are.)
/// </summary>
public readonly record struct WorkspaceListItem([property: JsonRequired] string Name, [property: JsonRequired] string ConnectionType);

/// <summary>
/// Read model of one workspace (docs/api.md, "GET /api/v2/workspace?name=…"): every setting by name, Copilot LLMs in their given
/// order, enumerations in their wire spelling, <see cref="Id"/> as a string, times in UTC.
/// </summary>
public sealed record WorkspaceDetails(
    string Id,
    string Name,
    string ConnectionType,
    string? DatasourceName,
    string? DatamartName,
    string? LlmName,
    IReadOnlyList<string> AiCopilotLlms,
    bool IsEnableMetricSuggestions,
    bool IsEnableMetricSummary,
    string? SummaryType,
    string? CustomSummaryPrompt,
    string? ThemeName,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IVersioned
{
    string IVersioned.EntityTag => WorkspaceTags.Of(Id, Version);
}

/// <summary>Which slice of the list to read (docs/api.md, "GET /api/v2/workspace": pages of 10, numbered from 1).</summary>
public sealed record WorkspacePage(long Skip, int Take)
{
    public const int Size = 10;

    public static bool IsValidFlag(string? isPagination) => isPagination is null or "true" or "false";

    /// <summary>Digits only (no sign, white space or exponent), from 1 to <see cref="int.MaxValue"/>; absent means 1.</summary>
    public static bool TryParseNumber(string? pageNumber, out int number)
    {
        number = 1;
        return pageNumber is null
            || (pageNumber.Length > 0 && pageNumber.All(char.IsAsciiDigit)
                && int.TryParse(pageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= 1);
    }

    /// <summary>The page that validated query parameters ask for; null when they ask for every workspace.</summary>
    public static WorkspacePage? Of(string? isPagination, string? pageNumber)
    {
        if (isPagination != "true")
        {
            return null;
        }

        return TryParseNumber(pageNumber, out var number)
            ? new WorkspacePage((number - 1L) * Size, Size)
            : throw new InvalidOperationException("Unvalidated pageNumber.");
    }
}
