using System.Globalization;
using System.Net;

namespace Databrain.Api.Configuration;

/// <summary>
/// The one table of the numeric and enumerated settings (the README's configuration table) with what each
/// allows. It is checked before anything else runs, for the service and for every admin command, so that a bad
/// value stops them with one line naming the key, the value and what is allowed, instead of a failure at the
/// first request (a command timeout of 0 made every write time out).
/// </summary>
public static class SettingsCheck
{
    private static readonly (string Key, long Min, long Max)[] Numbers =
    [
        ("Database:CommandTimeoutSeconds", 1, 600),
        ("Auth:TokenCacheSeconds", 0, 86_400),
        ("Health:ReadyCacheSeconds", 0, 300),
        ("Shutdown:DrainSeconds", 0, 300),
        ("Shutdown:TimeoutSeconds", 1, 600),
        ("Idempotency:RetentionHours", 1, 720),
        ("Idempotency:NewKeysPerSecond", 1, 1_000_000),
        ("Idempotency:NewKeysBurst", 1, 1_000_000),
        ("Idempotency:PurgeIntervalSeconds", 1, 86_400),
        ("Idempotency:PurgeBatchSize", 1, 10_000),
        ("Idempotency:PurgePauseMilliseconds", 0, 60_000),
        ("History:RetentionDays", 1, 36_500),
        ("History:PurgeIntervalSeconds", 1, 86_400),
        ("History:PurgeBatchSize", 1, 10_000),
        ("History:PurgePauseMilliseconds", 0, 60_000),
        ("History:DelayAfterSequenceMilliseconds", 0, 10_000),
        ("Lists:WholeListsAtOnce", 1, 10_000),
        ("Lists:WholeListWaitMilliseconds", 0, 60_000),
        ("RateLimits:FailedAuthentication:PermitLimit", 1, 100_000),
        ("RateLimits:FailedAuthentication:WindowSeconds", 1, 3_600),
        ("RateLimits:Organization:RequestsPerSecond", 1, 1_000_000),
        ("RateLimits:Organization:Burst", 1, 1_000_000),
    ];

    private static readonly (string Key, string[] Values)[] Choices =
    [
        ("Database:Provider", ["Sqlite", "SqlServer", "PostgreSql"]),
        ("Database:MigrateOnStartup", ["true", "false"]),
        ("RateLimits:FailedAuthentication:Enabled", ["true", "false"]),
        ("RateLimits:Organization:Enabled", ["true", "false"]),
        ("OpenApi:Enabled", ["true", "false"]),
    ];

    private const string TrustedProxies = "RateLimits:TrustedProxies";

    private const string ConnectionString = "ConnectionStrings:Databrain";

    /// <summary>The first setting that has a value it does not allow, as one line; null when every one is fine.</summary>
    public static string? FindProblem(IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[ConnectionString]))
        {
            // appsettings.json gives one; an empty override (ConnectionStrings__Databrain=) or a file without it takes it away.
            return $"{ConnectionString} is empty; set it to the database's connection string (SQLite: Data Source=path/to/databrain.db).";
        }

        foreach (var (key, min, max) in Numbers)
        {
            if (configuration[key] is { } text
                && (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{key} is '{text}'; it must be a whole number from {min} to {max}.");
            }
        }

        foreach (var (key, values) in Choices)
        {
            if (configuration[key] is { } text && !values.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                return $"{key} is '{text}'; it must be one of {string.Join(", ", values)}.";
            }
        }

        foreach (var proxy in configuration.GetSection(TrustedProxies).GetChildren())
        {
            if (!IPAddress.TryParse(proxy.Value, out _))
            {
                return $"{proxy.Path} is '{proxy.Value}'; it must be an IP address (such as 10.0.0.5 or ::1).";
            }
        }

        return null;
    }
}
