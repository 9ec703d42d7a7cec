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
