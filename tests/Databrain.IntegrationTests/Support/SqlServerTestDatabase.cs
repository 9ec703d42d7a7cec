using Databrain.Infrastructure.Persistence;
using DbUp;
using DbUp.Engine.Output;
using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;

namespace Databrain.IntegrationTests.Support;

/// <summary>
/// A fresh SQL Server database for the run: on the server named by <c>DATABRAIN_TEST_SQLSERVER</c> when that
/// is set, otherwise in one Testcontainers.MsSql container (pinned image) for the whole run. Where neither
/// can be had, <see cref="SkipReason"/> says so and the SQL Server cases are skipped: never run on SQLite.
/// </summary>
public sealed class SqlServerTestDatabase : TestDatabase
{
    public const string EnvironmentVariable = "DATABRAIN_TEST_SQLSERVER";

    /// <summary>Pinned, so that a run is repeatable; SQL Server 2022 is the oldest version the scripts target.</summary>
    public const string Image = "mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04";

    private MsSqlContainer? _container;
    private string? _connectionString;
    private string? _skipReason;

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public override string? ConnectionString => _connectionString;

    public override string? SkipReason => _skipReason;

    public override (string Host, int Port)? Server
    {
        get
        {
            if (_connectionString is null)
            {
                return null;
            }

            // "tcp:host,port" or "host,port" or "host"
            var source = new SqlConnectionStringBuilder(_connectionString).DataSource.Replace("tcp:", string.Empty, StringComparison.OrdinalIgnoreCase);
            var parts = source.Split(',');
            return (parts[0], parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 1433);
        }
    }

    public override string ConnectionStringVia(int port) =>
        new SqlConnectionStringBuilder(_connectionString) { DataSource = $"tcp:127.0.0.1,{port}" }.ConnectionString;

    public override System.Data.Common.DbConnection CreateConnection() => new SqlConnection(_connectionString);

    public override async ValueTask InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            try
            {
                _container = new MsSqlBuilder(Image).Build();
                await _container.StartAsync();
                server = _container.GetConnectionString();
            }
#pragma warning disable CA1031 // Any failure to get a container means "no Docker here": it becomes the skip reason.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _skipReason =
                    $"SQL Server tests skipped: {EnvironmentVariable} is not set and Testcontainers.MsSql could not start {Image} "
                    + $"({ex.GetType().Name}: {ex.Message.Split('\n')[0].Trim()}). Enable them by running a Docker engine, "
                    + $"or by setting {EnvironmentVariable} to a SQL Server connection string (a database is created and dropped per run).";
                return;
            }
        }

        // A database of this run's own, created by the migrator and dropped at the end: runs never see each other's data.
        _connectionString = new SqlConnectionStringBuilder(server)
        {
            InitialCatalog = $"databrain_test_{Guid.NewGuid():N}",
            TrustServerCertificate = true,
        }.ConnectionString;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_connectionString is not null && _container is null)
        {
            SqlConnection.ClearAllPools();
            DropDatabase.For.SqlDatabase(_connectionString, new NoOpUpgradeLog(), 60);
        }

        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
