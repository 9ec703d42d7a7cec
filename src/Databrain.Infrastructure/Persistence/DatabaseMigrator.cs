using DbUp.Builder;
using DbUp.Engine;
using Microsoft.Extensions.Logging;

namespace Databrain.Infrastructure.Persistence;

/// <summary>
/// Applies the numbered scripts embedded under <c>Persistence/Migrations/&lt;Provider&gt;/</c> with DbUp, journaled
/// in the <c>SchemaVersions</c> table: each script runs once, in name order. The same migrator serves
/// start-up, the <c>migrate</c> command and the tests. Instances that start together on one database take turns
/// under a lock that all of them see (<see cref="IMigrationTarget.Lock"/>): the first applies what is pending, and
/// the others then find nothing left to apply.
/// </summary>
public sealed class DatabaseMigrator
{
    private readonly IMigrationTarget _target;
    private readonly ILogger<DatabaseMigrator> _logger;

    internal DatabaseMigrator(IMigrationTarget target, ILogger<DatabaseMigrator> logger)
    {
        _target = target;
        _logger = logger;
    }

    /// <summary>Brings the schema up to date; throws <see cref="DatabaseUnavailableException"/> when it cannot.</summary>
    public IReadOnlyList<string> Migrate()
    {
        _target.Prepare();
        DatabaseUpgradeResult result;
        using (_target.Lock())
        {
            result = Build().PerformUpgrade();
            if (result.Successful)
            {
                _target.Finish(_logger);
            }
        }

        if (!result.Successful)
        {
            throw new DatabaseUnavailableException(
                $"Migration {result.ErrorScript?.Name ?? "(none)"} failed: {result.Error?.Message}", result.Error);
        }

        var applied = result.Scripts.Select(s => s.Name).ToArray();
        foreach (var script in applied)
        {
            _logger.LogInformation("Applied migration {Script}", script);
        }

        return applied;
    }

    /// <summary>Whether scripts are pending (the schema is not current).</summary>
    public bool IsUpgradeRequired() => Build().IsUpgradeRequired();

    private UpgradeEngine Build() =>
        _target.Deploy()
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.Contains($".Migrations.{_target.ScriptFolder}.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
}

/// <summary>What the migrator needs of a provider: its DbUp target, its script folder, and any one-off preparation.</summary>
internal interface IMigrationTarget
{
    string ScriptFolder { get; }

    UpgradeEngineBuilder Deploy();

    /// <summary>Runs before the scripts, and may run in several instances at once (SQLite: switch the file to WAL; a server: create the database).</summary>
    void Prepare();

    /// <summary>Runs under the lock after the scripts (SQLite: turn on incremental vacuum, once; a server: nothing).</summary>
    void Finish(ILogger logger);

    /// <summary>
    /// Waits for, then holds until disposed, the database's migration lock, which every instance on that database
    /// sees (PostgreSQL: an advisory lock; SQL Server: an application lock; SQLite: a lock on a file beside the
    /// database). Fails with <see cref="DatabaseUnavailableException"/> when it cannot be had within
    /// <see cref="MigrationLock.Wait"/>.
    /// </summary>
    IDisposable Lock();
}

/// <summary>How long an instance waits for another one's migrations.</summary>
internal static class MigrationLock
{
    /// <summary>Ten times the command timeout, at least a minute: long migrations are the other instance's to finish.</summary>
    public static TimeSpan Wait(int commandTimeoutSeconds) => TimeSpan.FromSeconds(Math.Max(60, 10 * commandTimeoutSeconds));

    /// <summary>The message when the wait was in vain.</summary>
    public static string NotHad(TimeSpan waited) =>
        $"Another instance has held the migration lock for {waited.TotalSeconds:0} s. Let its migrations finish (or stop it), then start this one again.";
}
