using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Databrain.Infrastructure.Persistence.Tracing;

/// <summary>
/// Runs the provider's command inside one client span, when something listens, following the stable
/// OpenTelemetry database conventions (<see cref="DatabaseTelemetry"/>). Every command of the service passes
/// here, which is why it also names the parameters as the SQL writes them (<see cref="ParameterNames"/>).
/// </summary>
internal sealed class TracedCommand(DbCommand inner, DbConnection connection, string system) : DbCommand
{
    [AllowNull]
    public override string CommandText
    {
        get => inner.CommandText;
        set => inner.CommandText = value;
    }

    public override int CommandTimeout
    {
        get => inner.CommandTimeout;
        set => inner.CommandTimeout = value;
    }

    public override CommandType CommandType
    {
        get => inner.CommandType;
        set => inner.CommandType = value;
    }

    public override bool DesignTimeVisible
    {
        get => inner.DesignTimeVisible;
        set => inner.DesignTimeVisible = value;
    }

    public override UpdateRowSource UpdatedRowSource
    {
        get => inner.UpdatedRowSource;
        set => inner.UpdatedRowSource = value;
    }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set => throw new NotSupportedException("A traced command stays on the connection that created it.");
    }

    protected override DbParameterCollection DbParameterCollection => inner.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => inner.Transaction;
        set => inner.Transaction = value;
    }

    public override void Cancel() => inner.Cancel();

    public override void Prepare() => inner.Prepare();

    protected override DbParameter CreateDbParameter() => inner.CreateParameter();

    public override int ExecuteNonQuery()
    {
        using var span = BeforeExecute();
        return inner.ExecuteNonQuery();
    }

    public override object? ExecuteScalar()
    {
        using var span = BeforeExecute();
        return inner.ExecuteScalar();
    }

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        using var span = BeforeExecute();
        return inner.ExecuteReader(behavior);
    }

    public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        using var span = BeforeExecute();
        return await inner.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        using var span = BeforeExecute();
        return await inner.ExecuteScalarAsync(cancellationToken);
    }

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        using var span = BeforeExecute();
        return await inner.ExecuteReaderAsync(behavior, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>What every Execute does first: the parameter names (<see cref="ParameterNames"/>), then the span (null when nothing listens).</summary>
    private Activity? BeforeExecute()
    {
        ParameterNames.AsWritten(inner.Parameters);
        return StartSpan();
    }

    private Activity? StartSpan()
    {
        if (!DatabaseTelemetry.Source.HasListeners())
        {
            return null;
        }

        var (operation, collection) = DatabaseTelemetry.Describe(CommandText);
        var span = DatabaseTelemetry.Source.StartActivity(collection is null ? operation : $"{operation} {collection}", ActivityKind.Client);
        span?.SetTag("db.system.name", system);
        span?.SetTag("db.operation.name", operation);
        if (collection is not null)
        {
            span?.SetTag("db.collection.name", collection);
        }

        // Parameterised: the values travel as parameters, never in the text.
        span?.SetTag("db.query.text", CommandText);
        return span;
    }
}
