using System.Globalization;

namespace Databrain.Application.Workspaces;

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
