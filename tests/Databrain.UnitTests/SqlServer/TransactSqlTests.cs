using System.Reflection;
using System.Text.RegularExpressions;
using Databrain.Domain.Common;
using Databrain.Domain.Workspaces;
using Databrain.Infrastructure.Persistence;
using Databrain.Infrastructure.Persistence.SqlServer;
using Databrain.Infrastructure.Workspaces;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Databrain.UnitTests.SqlServer;

/// <summary>
/// The SQL Server provider's T-SQL, checked without a server (none runs where CI does): every migration
/// script and every statement the repositories send must parse, and every character column must compare
/// names exactly (binary collation).
/// </summary>
public sealed partial class TransactSqlTests
{
    private const string BinaryCollation = "Latin1_General_100_BIN2";

    private static readonly Assembly Infrastructure = typeof(DatabaseMigrator).Assembly;

    public static TheoryData<string> MigrationScripts => new(
        Infrastructure.GetManifestResourceNames().Where(n => n.Contains(".Migrations.SqlServer.", StringComparison.Ordinal)).Order());

    /// <summary>Every SQL text of the Infrastructure code (const strings and statement tables), and the composed list statements.</summary>
    public static TheoryData<string, string> Statements()
    {
        var data = new TheoryData<string, string>();
        // The other providers' own folders hold their own dialect's SQL, which is not T-SQL.
        foreach (var type in Infrastructure.GetTypes().Where(t => t.Namespace is not { } ns || !(ns.EndsWith(".Sqlite", StringComparison.Ordinal) || ns.EndsWith(".PostgreSql", StringComparison.Ordinal))))
        {
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
            {
                var texts = field switch
                {
                    { IsLiteral: true } when field.FieldType == typeof(string) => [(string)field.GetRawConstantValue()!],
                    { IsInitOnly: true } when field.GetValue(null) is IReadOnlyDictionary<string, string> table => table.Values,
                    _ => Array.Empty<string>(),
                };
                foreach (var sql in texts.Where(LooksLikeSql))
                {
                    data.Add($"{type.Name}.{field.Name}", sql);
                }
            }
        }

        var dialect = new SqlServerDialect();
        data.Add("WorkspaceQueries.ListSql", WorkspaceQueries.ListSql(dialect, new Databrain.Application.Workspaces.WorkspaceFilter("Sales", Databrain.Domain.Workspaces.ConnectionType.Datamart)));
        data.Add("WorkspaceQueries.CountSql", WorkspaceQueries.CountSql(new Databrain.Application.Workspaces.WorkspaceFilter("Sales", Databrain.Domain.Workspaces.ConnectionType.Datamart)));
        data.Add("WorkspaceDetailsSql.Select(ByName)", WorkspaceDetailsSql.Select(WorkspaceDetailsSql.ByName));
        data.Add("WorkspaceRepository.InsertSql(2)", WorkspaceRepository.InsertSql(dialect, 2));
        data.Add("WorkspaceRepository.UpdateSql(connection only)", WorkspaceRepository.UpdateSql(dialect, WorkspaceChanges.Create(ConnectionType.MultiDatamart, null, null, default, default, default, default, default)));
        data.Add("WorkspaceRepository.UpdateSql(everything)", WorkspaceRepository.UpdateSql(dialect, WorkspaceChanges.Create(
            ConnectionType.Datamart, null, 7, Optional<long?>.Given(3), Optional<IReadOnlyList<long>>.Given([3]), Optional<bool>.Given(true), Optional<MetricSummary?>.Given(null), Optional<long?>.Given(null))));
        data.Add("WorkspaceRepository.AfterUpdateSql(links kept)", WorkspaceRepository.AfterUpdateSql(null));
        data.Add("WorkspaceRepository.AfterUpdateSql(2 links)", WorkspaceRepository.AfterUpdateSql(2));
        data.Add("SqlServerMigrationTarget.ReadCommittedSnapshot", SqlServerMigrationTarget.ReadCommittedSnapshot);
        data.Add("SqlServerMigrationTarget.GetMigrationLock", SqlServerMigrationTarget.GetMigrationLock);
        data.Add("SqlServerDialect.CountFailedAuthentication", dialect.CountFailedAuthentication);
        data.Add("FailedAuthenticationCounter.PurgeSql", Databrain.Infrastructure.Security.FailedAuthenticationCounter.PurgeSql(dialect));
        data.Add("IdempotencyStore.PurgeSql", Databrain.Infrastructure.Idempotency.IdempotencyStore.PurgeSql(dialect));
        return data;
    }

    private static bool LooksLikeSql(string text) =>
        Regex.IsMatch(text, @"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b", RegexOptions.IgnoreCase);

    private static string ReadScript(string resource)
    {
        using var stream = Infrastructure.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static TSqlFragment Parse(string sql)
    {
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}")) + Environment.NewLine + sql);
        return fragment;
    }

    [Fact]
    public void TheStatementListIsNotEmpty() => Assert.True(Statements().Count >= 10, $"found only {Statements().Count} statements");

    [Theory]
    [MemberData(nameof(MigrationScripts))]
    public void MigrationScript_Parses(string resource) => Parse(ReadScript(resource));

    [Theory]
    [MemberData(nameof(Statements))]
    public void Statement_ParsesAsTransactSql(string source, string sql)
    {
        Assert.NotEmpty(source);

        // Dapper expands "IN @List" into "IN (@List1, @List2, …)" before sending; parse the expanded form.
        Parse(DapperListParameter().Replace(sql, "IN (@$1_1, @$1_2)"));
    }

    [Theory]
    [MemberData(nameof(MigrationScripts))]
    public void EveryCharacterColumn_HasTheBinaryCollation(string resource)
    {
        var visitor = new CharacterColumns();
        Parse(ReadScript(resource)).Accept(visitor);

        Assert.All(visitor.Columns, column => Assert.True(
            string.Equals(column.Collation?.Value, BinaryCollation, StringComparison.Ordinal),
            $"{column.ColumnIdentifier.Value} has collation '{column.Collation?.Value ?? "(server default)"}', not {BinaryCollation}"));
    }

    [Fact]
    public void TheSchema_HasTheUniqueIndexOnOrganizationAndName()
    {
        var script = ReadScript(Infrastructure.GetManifestResourceNames().Single(n => n.EndsWith(".Migrations.SqlServer.0002_CreateWorkspaces.sql", StringComparison.Ordinal)));
        var visitor = new UniqueIndexes();
        Parse(script).Accept(visitor);

        Assert.Contains(visitor.Indexes, index => index is ("Workspaces", ["OrganizationId", "Name"]));
    }

    /// <summary>
    /// "=" ignores trailing spaces under every collation, so a name column holding one would make two names equal:
    /// every table with a Name column has a check that no stored name ends with a space.
    /// </summary>
    [Fact]
    public void EveryNameColumn_HasACheckThatNoNameEndsWithASpace()
    {
        var scripts = string.Join('\n', MigrationScripts.Select(row => ReadScript(row.Data)));
        var tablesWithNames = TableWithNameColumn().Matches(scripts).Select(m => m.Groups[1].Value).ToArray();
        var checkedTables = NoTrailingSpaceCheck().Matches(scripts).Select(m => m.Groups[1].Value).ToArray();

        Assert.Contains("Workspaces", tablesWithNames);
        Assert.Equal(tablesWithNames.Order(), checkedTables.Order());
    }

    [GeneratedRegex(@"CREATE TABLE dbo\.(\w+) \((?:(?!\);)[\s\S])*?\n\s+Name\s+NVARCHAR")]
    private static partial Regex TableWithNameColumn();

    [GeneratedRegex(@"ALTER TABLE dbo\.(\w+) WITH CHECK ADD CONSTRAINT CK_\1_Name_NoTrailingSpace CHECK \(DATALENGTH\(Name\) = DATALENGTH\(RTRIM\(Name\)\)\)")]
    private static partial Regex NoTrailingSpaceCheck();

    [GeneratedRegex(@"IN\s+@(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex DapperListParameter();

    private sealed class CharacterColumns : TSqlFragmentVisitor
    {
        public List<ColumnDefinition> Columns { get; } = [];

        public override void Visit(ColumnDefinition node)
        {
            if (node.DataType is SqlDataTypeReference { SqlDataTypeOption: SqlDataTypeOption.NVarChar or SqlDataTypeOption.VarChar or SqlDataTypeOption.NChar or SqlDataTypeOption.Char })
            {
                Columns.Add(node);
            }
        }
    }

    private sealed class UniqueIndexes : TSqlFragmentVisitor
    {
        public List<(string Table, string[] Columns)> Indexes { get; } = [];

        public override void Visit(CreateIndexStatement node)
        {
            if (node.Unique)
            {
                Indexes.Add((node.OnName.BaseIdentifier.Value, node.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value).ToArray()));
            }
        }
    }
}
