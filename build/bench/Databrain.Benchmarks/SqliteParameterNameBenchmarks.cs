using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

namespace Databrain.Benchmarks;

/// <summary>
/// Why the service names every parameter as its SQL writes it (<c>@Name</c>) before Microsoft.Data.Sqlite
/// binds it: Dapper passes names without the prefix, and the provider then tries each prefix of each parameter
/// in each statement of the command. The statement is the create's batch shape: 12 parameters, 3 statements.
/// </summary>
[MemoryDiagnoser]
public class SqliteParameterNameBenchmarks : IDisposable
{
    // Nothing is stored, so that every run does the same work: what differs is how parameters are found.
    private const string Batch = """
        SELECT @A + @B + @C + @D;
        SELECT @E + @F + @G + @H;
        SELECT @I + @J + @K + @L;
        """;

    private SqliteConnection _connection = null!;

    [Params(false, true)]
    public bool NamedAsWritten { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
    }

    [Benchmark(Description = "create-shaped batch")]
    public long Run()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = Batch;
        foreach (var name in "ABCDEFGHIJKL")
        {
            command.Parameters.AddWithValue(NamedAsWritten ? $"@{name}" : name.ToString(), 1);
        }

        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        _connection.Dispose();
        GC.SuppressFinalize(this);
    }
}
