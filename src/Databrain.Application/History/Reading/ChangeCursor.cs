using System.Globalization;
using Databrain.Application.Common.Results;
using Databrain.Application.History.Ports;

namespace Databrain.Application.History.Reading;

/// <summary>
/// Where a reader of change records is (<c>after</c>, a sequence; 0 by default: from the start) and how many it takes
/// at most (<c>limit</c>, 1 to <see cref="MaxLimit"/>, <see cref="DefaultLimit"/> by default); and the read both
/// the feed and a history make with them.
/// </summary>
public static class ChangeCursor
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 1000;

    public const string AfterRule = "must be a whole number from 0 to 9223372036854775807";

    public static string LimitRule { get; } = $"must be a whole number from 1 to {MaxLimit}";

    public static bool TryParseAfter(string? after, out long value)
    {
        value = 0;
        return after is null
            || (after.Length > 0 && after.All(char.IsAsciiDigit) && long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out value));
    }

    public static bool TryParseLimit(string? limit, out int value)
    {
        value = DefaultLimit;
        return limit is null
            || (limit.Length > 0 && limit.All(char.IsAsciiDigit) && int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out value)
                && value is >= 1 and <= MaxLimit);
    }

    /// <summary>
    /// The records after the cursor, or 410 when some of them were purged: <c>after</c> below the organization's
    /// purge mark means a record the reader has not seen is gone.
    /// </summary>
    public static async Task<Result<ChangesPage>> ReadAsync(
        IChangeRecords records, long organizationId, string? after, string? limit, string? name, CancellationToken cancellationToken)
    {
        if (!TryParseAfter(after, out var from) || !TryParseLimit(limit, out var take))
        {
            throw new InvalidOperationException("Unvalidated after or limit.");
        }

        var page = await records.ReadAsync(organizationId, from, take, name, cancellationToken);
        if (from < page.PurgedThrough)
        {
            return Errors.ChangeFeedCursorExpired(from, page.PurgedThrough);
        }

        var changes = page.Records.Select(ChangeEntry.Of).ToArray();
        return new ChangesPage(changes, changes.Length > 0 ? changes[^1].Sequence : from.ToString(CultureInfo.InvariantCulture));
    }
}
