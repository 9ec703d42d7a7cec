using System.Globalization;
using System.Text;

namespace Databrain.Domain.Common;

/// <summary>
/// The one text rule every name in the API follows (workspace, datasource, datamart, LLM, theme):
/// 1 to 100 characters, no leading or trailing white space, no control characters, and no invisible format
/// characters (Unicode category Cf: zero-width spaces and joiners, a byte-order mark, bidirectional overrides and
/// isolates), which would let two different names look the same or reorder what a reader sees.
/// Length counts UTF-16 code units, as JavaScript's <c>string.length</c> and SQL Server's NVARCHAR do.
/// </summary>
public static class NameRule
{
    public const int MaxLength = 100;

    /// <summary>The rule in words, for documentation (the API reference describes every name field with it).</summary>
    public static string Summary { get; } =
        $"1 to {MaxLength} characters, no leading or trailing white space, no control characters, no invisible format characters (Unicode Cf); compared exactly";

    /// <summary>Returns what is wrong with <paramref name="value"/> as a name, or null when it is a valid name.</summary>
    public static string? FindProblem(string value)
    {
        if (value.Length is 0 or > MaxLength)
        {
            return $"must be 1 to {MaxLength} characters long";
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return "must not start or end with white space";
        }

        if (value.Any(char.IsControl))
        {
            return "must not contain control characters";
        }

        // By code point (Rune): some format characters lie outside the Basic Multilingual Plane (the tag characters).
        return value.EnumerateRunes().Any(r => Rune.GetUnicodeCategory(r) == UnicodeCategory.Format)
            ? "must not contain invisible format characters (such as zero-width spaces or bidirectional overrides): they let different names look the same"
            : null;
    }

    public static bool IsValid(string value) => FindProblem(value) is null;
}
