namespace Databrain.Domain.Common;

/// <summary>
/// The one text rule every name in the API follows (workspace, datasource, datamart, LLM, theme):
/// 1 to 100 characters, no leading or trailing white space, no control characters.
/// Length counts UTF-16 code units, as JavaScript's <c>string.length</c> and SQL Server's NVARCHAR do.
/// </summary>
public static class NameRule
{
    public const int MaxLength = 100;

    /// <summary>The rule in words, for documentation (the API reference describes every name field with it).</summary>
    public static string Summary { get; } =
        $"1 to {MaxLength} characters, no leading or trailing white space, no control characters; compared exactly";

    /// <summary>Returns what is wrong with <paramref name="value"/> as a name, or null when it is a valid name.</summary>
    public static string? FindProblem(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > MaxLength)
        {
            return $"must be 1 to {MaxLength} characters long";
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return "must not start or end with white space";
        }

        return value.Any(char.IsControl) ? "must not contain control characters" : null;
    }

    public static bool IsValid(string value) => FindProblem(value) is null;
}
