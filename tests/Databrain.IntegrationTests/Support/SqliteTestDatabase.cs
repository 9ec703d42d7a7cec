using Databrain.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace Databrain.IntegrationTests.Support;

/// <summary>A fresh SQLite file in a temporary folder, deleted after the run.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"databrain-tests-{Guid.NewGuid():N}");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string FilePath => Path.Combine(_folder, "databrain.db");

    public override string ConnectionString => $"Data Source={FilePath}";

    public override System.Data.Common.DbConnection CreateConnection() => new SqliteConnection(ConnectionString);

    public override ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return ValueTask.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
