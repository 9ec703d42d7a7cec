using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

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

/// <summary>
/// One client span per database command sent, whatever the provider, following the stable OpenTelemetry database
/// conventions: <c>db.system.name</c> (<see cref="Sqlite"/>, <see cref="SqlServer"/>, <see cref="PostgreSql"/>), <c>db.operation.name</c>,
/// <c>db.collection.name</c> when the command touches one table, the parameterised <c>db.query.text</c>. It is
/// the only one: SqlClient's own instrumentation is not registered, so a SQL Server command is not traced twice.
/// </summary>
public static partial class DatabaseTelemetry
{
    public const string SourceName = "Databrain.Database";

    public const string Sqlite = "sqlite";

    public const string SqlServer = "microsoft.sql_server";

    public const string PostgreSql = "postgresql";

    internal static ActivitySource Source { get; } = new(SourceName);

    /// <summary>The command's first keyword, and the one table it names (null when it names none or several).</summary>
    internal static (string Operation, string? Collection) Describe(string commandText)
    {
        var operation = commandText.TrimStart().Split((char[])[' ', '\n', '\r', '\t'], 2)[0].ToUpperInvariant();
        var tables = Table().Matches(commandText).Select(m => m.Groups["table"].Value).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return (operation, tables.Length == 1 ? tables[0] : null);
    }

    [GeneratedRegex(@"\b(?:FROM|JOIN|INTO|UPDATE)\s+(?:dbo\.)?(?<table>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Table();
}
