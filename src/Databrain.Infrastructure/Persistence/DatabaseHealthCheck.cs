using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Databrain.Infrastructure.Persistence;

/// <summary>Ready means: the database answers a query, and no migration is pending.</summary>
public sealed class DatabaseHealthCheck : IHealthCheck
{
    private readonly IDatabase _database;
    private readonly DatabaseMigrator _migrator;

    internal DatabaseHealthCheck(IDatabase database, DatabaseMigrator migrator)
    {
        _database = database;
        _migrator = migrator;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>(_database.Command("SELECT 1", null, cancellationToken));
            return _migrator.IsUpgradeRequired()
                ? HealthCheckResult.Unhealthy("The database answers, but migrations are pending: run the migrate command.")
                : HealthCheckResult.Healthy("The database answers and its schema is current.");
        }
#pragma warning disable CA1031 // Any failure means "not ready"; the reason is reported, without the exception's text.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy($"The database does not answer ({ex.GetType().Name}).");
        }
    }
}
