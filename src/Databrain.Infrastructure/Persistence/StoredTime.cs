using System.Globalization;

namespace Databrain.Infrastructure.Persistence;

/// <summary>
/// A time column as each provider returns it, in UTC: SQLite keeps ISO 8601 text in UTC ('…Z', or a space for the
/// 'T' where a driver wrote it); SQL Server DATETIME2 in UTC, without a kind; PostgreSQL timestamptz, read as UTC.
/// </summary>
internal static class StoredTime
{
    public static DateTime Utc(object value) => value switch
    {
        DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        string text => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        _ => throw new InvalidOperationException($"A stored time read as {value.GetType().Name}."),
    };
}
