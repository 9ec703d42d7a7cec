using System.Data.Common;
using System.Globalization;
using Dapper;
using Databrain.Application.Workspaces;
using Databrain.Application.Workspaces.GetWorkspace;
using Databrain.Application.Workspaces.Ports;
using Databrain.Domain.Workspaces;
using Databrain.Infrastructure.Persistence;

namespace Databrain.Infrastructure.Workspaces;

internal sealed class WorkspaceRepository(IDatabase database, WriteScope writes) : IWorkspaceRepository
{
    // One command, one transaction: the workspace, then its Copilot LLM links (CopilotLinks) found through
    // the new row, so no generated id has to travel back to the client between the two statements.
    private const string Insert = """
        INSERT INTO Workspaces
            (OrganizationId, Name, ConnectionType, DatasourceId, DatamartId, LlmId,
             IsEnableMetricSuggestions, IsEnableMetricSummary, SummaryType, CustomSummaryPrompt, ThemeId, Version)
        VALUES
            (@OrganizationId, @Name, @ConnectionType, @DatasourceId, @DatamartId, @LlmId,
             @IsEnableMetricSuggestions, @IsEnableMetricSummary, @SummaryType, @CustomSummaryPrompt, @ThemeId, @Version);
        """;

    // The version check is part of the write itself (no read-then-compare), so that of concurrent writes with
    // the same If-Match exactly one applies. Settings an update leaves out keep their stored value. The batch
    // then says whether the row changed, replaces the links if asked, and reads the workspace as stored.
    internal static string UpdateSql(ISqlDialect dialect, int? copilotCount) => $"""
        UPDATE Workspaces SET
            ConnectionType = @ConnectionType, DatasourceId = @DatasourceId, DatamartId = @DatamartId,
            LlmId = CASE WHEN @SetLlm = 1 THEN @LlmId ELSE LlmId END,
            IsEnableMetricSuggestions = CASE WHEN @SetSuggestions = 1 THEN @IsEnableMetricSuggestions ELSE IsEnableMetricSuggestions END,
            IsEnableMetricSummary = CASE WHEN @SetSummary = 1 THEN @IsEnableMetricSummary ELSE IsEnableMetricSummary END,
            SummaryType = CASE WHEN @SetSummary = 1 THEN @SummaryType ELSE SummaryType END,
            CustomSummaryPrompt = CASE WHEN @SetSummary = 1 THEN @CustomSummaryPrompt ELSE CustomSummaryPrompt END,
            ThemeId = CASE WHEN @SetTheme = 1 THEN @ThemeId ELSE ThemeId END,
            Version = Version + 1,
            UpdatedAt = {dialect.UtcNow}
        WHERE Id = @Id AND (@Expected IS NULL OR Version = @Expected);
        SELECT {dialect.RowsAffected} AS Changed;
        {(copilotCount is { } count ? "DELETE FROM WorkspaceCopilotLlms WHERE WorkspaceId = @Id;" + CopilotLinks(WorkspaceDetailsSql.ById, count) : string.Empty)}
        {WorkspaceDetailsSql.Select(WorkspaceDetailsSql.ById)}
        """;

    private const string FindForDelete = "SELECT Id, Version FROM Workspaces WHERE OrganizationId = @OrganizationId AND Name = @Name";

    // Links first: the delete does not rely on the foreign key's cascade being enforced. A delete refused by
    // the version check is rolled back whole.
    internal static string DeleteSql(ISqlDialect dialect) => $"""
        DELETE FROM WorkspaceCopilotLlms WHERE WorkspaceId = @Id;
        DELETE FROM Workspaces WHERE Id = @Id AND (@Expected IS NULL OR Version = @Expected);
        SELECT {dialect.RowsAffected} AS Changed;
        SELECT Version FROM Workspaces WHERE Id = @Id;
        """;

    internal static string InsertSql(int copilotCount) => Insert + CopilotLinks(WorkspaceDetailsSql.ByName, copilotCount);

    public async Task<bool> TryAddAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new
        {
            workspace.OrganizationId,
            workspace.Name,
            ConnectionType = workspace.ConnectionType.ToWire(),
            workspace.DatasourceId,
            workspace.DatamartId,
            workspace.Ai.LlmId,
            workspace.Ai.IsEnableMetricSuggestions,
            IsEnableMetricSummary = workspace.Ai.MetricSummary is not null,
            SummaryType = workspace.Ai.MetricSummary?.Type.ToWire(),
            CustomSummaryPrompt = workspace.Ai.MetricSummary?.CustomPrompt,
            workspace.ThemeId,
            Version = Workspace.FirstVersion,
        });
        AddCopilotLlms(parameters, workspace.Ai.CopilotLlmIds);
        var sql = InsertSql(workspace.Ai.CopilotLlmIds.Count);

        await using var write = await writes.BeginWriteAsync(cancellationToken);
        try
        {
            await write.Connection.ExecuteAsync(database.Command(
                sql, parameters, cancellationToken, write.Transaction));
        }
        catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
        {
            // Another create of the same name committed first; disposing the write rolls back.
            return false;
        }

        await write.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<ConditionalWrite<WorkspaceDetails>> TryUpdateAsync(long workspaceId, WorkspaceChanges changes, long? expected, CancellationToken cancellationToken)
    {
        var summary = changes.MetricSummary.Value;
        var parameters = new DynamicParameters(new
        {
            Id = workspaceId,
            Expected = expected,
            ConnectionType = changes.ConnectionType.ToWire(),
            changes.DatasourceId,
            changes.DatamartId,
            SetLlm = changes.LlmId.IsGiven,
            LlmId = changes.LlmId.Value,
            SetSuggestions = changes.IsEnableMetricSuggestions.IsGiven,
            IsEnableMetricSuggestions = changes.IsEnableMetricSuggestions.Value,
            SetSummary = changes.MetricSummary.IsGiven,
            IsEnableMetricSummary = summary is not null,
            SummaryType = summary?.Type.ToWire(),
            CustomSummaryPrompt = summary?.CustomPrompt,
            SetTheme = changes.ThemeId.IsGiven,
            ThemeId = changes.ThemeId.Value,
        });
        if (changes.CopilotLlmIds.IsGiven)
        {
            AddCopilotLlms(parameters, changes.CopilotLlmIds.Value);
        }

        var sql = UpdateSql(database.Dialect, changes.CopilotLlmIds.IsGiven ? changes.CopilotLlmIds.Value.Count : null);

        await using var write = await writes.BeginWriteAsync(cancellationToken);
        WorkspaceDetails? stored;
        using (var results = await write.Connection.QueryMultipleAsync(database.Command(
            sql, parameters, cancellationToken, write.Transaction)))
        {
            var changed = await results.ReadSingleAsync<long>() == 1;
            stored = await WorkspaceDetailsSql.ReadAsync(results);
            if (!changed)
            {
                // Gone, or at another version: disposing the write rolls back the link changes of the batch.
                return ConditionalWrite<WorkspaceDetails>.Refused(stored?.Version);
            }
        }

        await write.CommitAsync(cancellationToken);
        return ConditionalWrite<WorkspaceDetails>.Done(stored!);
    }

    public async Task<ConditionalWrite<long>> TryDeleteAsync(long organizationId, string name, long? expected, CancellationToken cancellationToken)
    {
        await using var write = await writes.BeginWriteAsync(cancellationToken);
        var found = await write.Connection.QuerySingleOrDefaultAsync<(long Id, long Version)?>(database.Command(
            FindForDelete, new { OrganizationId = organizationId, Name = name }, cancellationToken, write.Transaction));
        if (found is not { } workspace)
        {
            return ConditionalWrite<long>.Refused(null);
        }

        using var results = await write.Connection.QueryMultipleAsync(database.Command(
            DeleteSql(database.Dialect),
            new { workspace.Id, Expected = expected }, cancellationToken, write.Transaction));
        var changed = await results.ReadSingleAsync<long>() == 1;
        var current = await results.ReadSingleOrDefaultAsync<long?>();
        if (!changed)
        {
            return ConditionalWrite<long>.Refused(current);
        }

        await write.CommitAsync(cancellationToken);
        return ConditionalWrite<long>.Done(workspace.Id);
    }

    /// <summary>
    /// Inserts the Copilot LLM links of the workspace that <paramref name="where"/> finds, with each LLM's
    /// position in the given list, in the same command (parameters <c>@Copilot0</c>…, at most 20). The join
    /// on <c>Llms</c> keeps every link inside the workspace's organization.
    /// </summary>
    private static string CopilotLinks(string where, int count) => count == 0
        ? string.Empty
        : $"""

            INSERT INTO WorkspaceCopilotLlms (WorkspaceId, LlmId, Position)
            SELECT w.Id, l.Id, c.Position
            FROM Workspaces w
            JOIN ({string.Join(" UNION ALL ", Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"SELECT @Copilot{i} AS LlmId, {i} AS Position")))}) c ON 1 = 1
            JOIN Llms l ON l.Id = c.LlmId AND l.OrganizationId = w.OrganizationId
            WHERE {where};
            """;

    private static void AddCopilotLlms(DynamicParameters parameters, IReadOnlyList<long> llmIds)
    {
        for (var i = 0; i < llmIds.Count; i++)
        {
            parameters.Add(string.Create(CultureInfo.InvariantCulture, $"Copilot{i}"), llmIds[i]);
        }
    }
}

/// <summary>The workspace of that name and every reference of a create or update, in one statement: one database round trip.</summary>
internal sealed class WorkspaceReferenceLookup(IDatabase database) : IWorkspaceReferenceLookup
{
    // A parameter that is NULL matches nothing (Name = NULL is never true), so absent references cost nothing.
    // Only the workspace row has a version.
    private const string Resolve = """
        SELECT 'W' AS Kind, Name, Id, Version FROM Workspaces WHERE OrganizationId = @OrganizationId AND Name = @WorkspaceName
        UNION ALL
        SELECT 'D', Name, Id, NULL FROM Datasources WHERE OrganizationId = @OrganizationId AND Name = @DatasourceName
        UNION ALL
        SELECT 'M', Name, Id, NULL FROM Datamarts   WHERE OrganizationId = @OrganizationId AND Name = @DatamartName
        UNION ALL
        SELECT 'L', Name, Id, NULL FROM Llms        WHERE OrganizationId = @OrganizationId AND Name IN @LlmNames
        UNION ALL
        SELECT 'T', Name, Id, NULL FROM Themes      WHERE OrganizationId = @OrganizationId AND Name = @ThemeName
        """;

    public async Task<ResolvedReferences> ResolveAsync(long organizationId, WorkspaceReferences references, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(database.Command(
            Resolve,
            new
            {
                OrganizationId = organizationId,
                references.WorkspaceName,
                references.DatasourceName,
                references.DatamartName,
                references.LlmNames,
                references.ThemeName,
            }, cancellationToken));

        var byKind = rows.ToLookup(r => r.Kind);
        return new ResolvedReferences(
            Workspace: byKind["W"].Select(r => new StoredWorkspace(r.Id, r.Version!.Value)).FirstOrDefault(),
            DatasourceId: byKind["D"].FirstOrDefault()?.Id,
            DatamartId: byKind["M"].FirstOrDefault()?.Id,
            LlmIds: byKind["L"].ToDictionary(r => r.Name, r => r.Id, StringComparer.Ordinal),
            ThemeId: byKind["T"].FirstOrDefault()?.Id);
    }

    // A class with setters, not a positional record: SQLite reports no declared type for the literal Kind
    // column, so Dapper cannot match a constructor signature; property mapping converts per value instead.
    private sealed class Row
    {
        public string Kind { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public long Id { get; init; }

        public long? Version { get; init; }
    }
}
