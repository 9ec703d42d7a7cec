using DbUp.Builder;
using DbUp.Engine;
using Microsoft.Extensions.Logging;

namespace Databrain.Infrastructure.Persistence;

/// <summary>
/// Applies the numbered scripts embedded under <c>Persistence/Migrations/&lt;Provider&gt;/</c> with DbUp, journaled
/// in the <c>SchemaVersions</c> table: each script runs once, in name order. The same migrator serves
/// start-up, the <c>migrate</c> command and the tests.
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
        var result = Build().PerformUpgrade();
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

    /// <summary>Runs before the scripts (SQLite: switch the file to WAL; SQL Server: create the database).</summary>
    void Prepare();
}
