using Databrain.Infrastructure.Persistence;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Databrain.IntegrationTests.Support;

/// <summary>
/// A fresh PostgreSQL database of its own (created by the service's migrator, dropped at the end) on the run's
/// server (<see cref="PostgreSqlServer"/>). Where there is no server, <see cref="SkipReason"/> says so and the
/// PostgreSQL cases are skipped: never run on SQLite instead.
/// </summary>
public sealed class PostgreSqlTestDatabase : TestDatabase
{
    private string? _connectionString;
    private string? _skipReason;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override string? ConnectionString => _connectionString;

    public override string? SkipReason => _skipReason;

    public override (string Host, int Port)? Server =>
        _connectionString is null ? null : (new NpgsqlConnectionStringBuilder(_connectionString).Host!, new NpgsqlConnectionStringBuilder(_connectionString).Port);

    public override string ConnectionStringVia(int port) =>
        new NpgsqlConnectionStringBuilder(_connectionString) { Host = "127.0.0.1", Port = port }.ConnectionString;

    public override System.Data.Common.DbConnection CreateConnection() => new NpgsqlConnection(_connectionString);

    public override async ValueTask InitializeAsync()
    {
        var server = await PostgreSqlServer.Instance;
        _skipReason = server.SkipReason;
        if (server.ConnectionString is { } connectionString)
        {
            _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Database = $"databrain_test_{Guid.NewGuid():N}" }.ConnectionString;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_connectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(_connectionString);
        var name = builder.Database;
        builder.Database = "postgres";
        builder.Pooling = false;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// The PostgreSQL server of the whole run, found once: the one named by <c>DATABRAIN_TEST_POSTGRES</c> (a
/// connection string to a server where the tests may create databases; <c>.ci/run</c> starts the machine's own
/// and sets it), else one Testcontainers.PostgreSql container (pinned image), else none, with the reason. With
/// <c>DATABRAIN_TEST_POSTGRES_REQUIRED=true</c> (set by <c>.ci/run</c>) a server that cannot be had fails the
/// run instead of skipping its cases.
/// </summary>
public sealed class PostgreSqlServer
{
    public const string EnvironmentVariable = "DATABRAIN_TEST_POSTGRES";

    public const string RequiredVariable = "DATABRAIN_TEST_POSTGRES_REQUIRED";

    /// <summary>Pinned, so that a run is repeatable; PostgreSQL 15 is the version the machines of this project run.</summary>
    public const string Image = "postgres:15-alpine";

    private static readonly Lazy<Task<PostgreSqlServer>> Found = new(FindAsync);

    private PostgreSqlServer(string? connectionString, string? skipReason)
    {
        ConnectionString = connectionString;
        SkipReason = skipReason;
    }

    public static Task<PostgreSqlServer> Instance => Found.Value;

    /// <summary>A connection string to the server's maintenance database; null when <see cref="SkipReason"/> is set.</summary>
    public string? ConnectionString { get; }

    public string? SkipReason { get; }

    private static bool Required => string.Equals(Environment.GetEnvironmentVariable(RequiredVariable), "true", StringComparison.OrdinalIgnoreCase);

    private static async Task<PostgreSqlServer> FindAsync()
    {
        var named = Environment.GetEnvironmentVariable(EnvironmentVariable);
        string? problem;
        if (!string.IsNullOrWhiteSpace(named))
        {
            problem = await ProbeAsync(named);
            if (problem is null)
            {
                return new PostgreSqlServer(named, null);
            }

            problem = $"{EnvironmentVariable} names a server that does not answer ({problem})";
        }
        else
        {
            try
            {
                var container = new PostgreSqlBuilder(Image).Build();
                await container.StartAsync(); // stopped by Testcontainers' resource reaper when the run ends
                return new PostgreSqlServer(container.GetConnectionString(), null);
            }
#pragma warning disable CA1031 // Any failure to get a container means "no Docker here": it becomes the skip reason.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                problem = $"{EnvironmentVariable} is not set and Testcontainers.PostgreSql could not start {Image} ({ex.GetType().Name}: {ex.Message.Split('\n')[0].Trim()})";
            }
        }

        if (Required)
        {
            throw new InvalidOperationException($"PostgreSQL is required ({RequiredVariable}=true) but cannot be had: {problem}.");
        }

        return new PostgreSqlServer(null,
            $"PostgreSQL tests skipped: {problem}. Enable them by setting {EnvironmentVariable} to a connection string of a server "
            + "where the tests may create databases (each test database is created and dropped by the run), or by running a Docker engine.");
    }

    private static async Task<string?> ProbeAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or TimeoutException)
        {
            return $"{ex.GetType().Name}: {ex.Message.Split('\n')[0].Trim()}";
        }
    }
}
