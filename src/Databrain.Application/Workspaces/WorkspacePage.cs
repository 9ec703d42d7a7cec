using System.Globalization;

namespace Databrain.Application.Workspaces;

/// <summary>
/// Which slice of the list to read (docs/api.md, "GET /api/v2/workspace": pages numbered from 1, of
/// <see cref="DefaultSize"/> workspaces unless <c>pageSize</c> says otherwise).
/// </summary>
public sealed record WorkspacePage(long Skip, int Take)
{
    public const int DefaultSize = 10;

    public const int MaxSize = 100;

    public static bool IsValidFlag(string? isPagination) => isPagination is null or "true" or "false";

    /// <summary>Digits only (no sign, white space or exponent), from 1 to <see cref="int.MaxValue"/>; absent means 1.</summary>
    public static bool TryParseNumber(string? pageNumber, out int number) => TryParse(pageNumber, 1, int.MaxValue, out number);

    /// <summary>Digits only, from 1 to <see cref="MaxSize"/>; absent means <see cref="DefaultSize"/>.</summary>
    public static bool TryParseSize(string? pageSize, out int size) => TryParse(pageSize, DefaultSize, MaxSize, out size);

    /// <summary>The page that validated query parameters ask for; null when they ask for every workspace.</summary>
    public static WorkspacePage? Of(string? isPagination, string? pageNumber, string? pageSize)
    {
        if (isPagination != "true")
        {
            return null;
        }

        return TryParseNumber(pageNumber, out var number) && TryParseSize(pageSize, out var size)
            ? new WorkspacePage((number - 1L) * size, size)
            : throw new InvalidOperationException("Unvalidated pageNumber or pageSize.");
    }

    private static bool TryParse(string? text, int absent, int max, out int value)
    {
        value = absent;
        return text is null
            || (text.Length > 0 && text.All(char.IsAsciiDigit)
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max);
    }
}
