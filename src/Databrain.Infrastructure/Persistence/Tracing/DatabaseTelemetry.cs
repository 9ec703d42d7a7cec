using System.Data;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Databrain.Infrastructure.Persistence.Tracing;

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
