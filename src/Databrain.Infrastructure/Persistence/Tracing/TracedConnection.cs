using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Databrain.Infrastructure.Persistence.Tracing;

/// <summary>
/// A connection that hands out <see cref="TracedCommand"/>s and otherwise passes everything to the provider's
/// own connection. Transactions stay the provider's own objects.
/// </summary>
internal sealed class TracedConnection(DbConnection inner, string system) : DbConnection
{
    public DbConnection Inner { get; } = inner;

    [AllowNull]
    public override string ConnectionString
    {
        get => Inner.ConnectionString;
        set => Inner.ConnectionString = value;
    }

    public override string Database => Inner.Database;

    public override string DataSource => Inner.DataSource;

    public override string ServerVersion => Inner.ServerVersion;

    public override ConnectionState State => Inner.State;

    public override void ChangeDatabase(string databaseName) => Inner.ChangeDatabase(databaseName);

    public override void Close() => Inner.Close();

    public override void Open() => Inner.Open();

    public override Task OpenAsync(CancellationToken cancellationToken) => Inner.OpenAsync(cancellationToken);

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => Inner.BeginTransaction(isolationLevel);

    protected override DbCommand CreateDbCommand() => new TracedCommand(Inner.CreateCommand(), this, system);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await Inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
