using System.Data.Common;
using System.Globalization;
using Dapper;
using Databrain.Application.Workspaces;
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
            (PublicId, OrganizationId, Name, ConnectionType, DatasourceId, DatamartId, LlmId,
             IsEnableMetricSuggestions, IsEnableMetricSummary, SummaryType, CustomSummaryPrompt, ThemeId, Version)
        VALUES
            (@PublicId, @OrganizationId, @Name, @ConnectionType, @DatasourceId, @DatamartId, @LlmId,
             @IsEnableMetricSuggestions, @IsEnableMetricSummary, @SummaryType, @CustomSummaryPrompt, @ThemeId, @Version);
        """;

    private const string FindForDelete = "SELECT Id, PublicId, Version FROM Workspaces WHERE OrganizationId = @OrganizationId AND Name = @Name";

    // The condition of an If-Match tag: that version of that workspace. The public id matters even though the row
    // is found by its key: SQLite may give a deleted workspace's key to the next one created.
    private const string AsExpected = "(@ExpectedVersion IS NULL OR (Version = @ExpectedVersion AND PublicId = @ExpectedId))";

    // The row alone: its Copilot LLM links go with it by the foreign key's cascade (SQLite enforces it: the
    // provider opens every connection with foreign keys on). Locking the row first, and its links after it, is
    // the order an update takes too: the two never wait for each other crosswise (no deadlock).
    private const string Delete = $"DELETE FROM Workspaces WHERE Id = @Id AND {AsExpected}";

    private const string CurrentVersion = "SELECT Version FROM Workspaces WHERE Id = @Id";

    private const string ReplaceCopilotLinks = "DELETE FROM WorkspaceCopilotLlms WHERE WorkspaceId = @Id;";

    private static readonly string ReadById = WorkspaceDetailsSql.Select(WorkspaceDetailsSql.ById);

    /// <summary>
    /// The update of the row: the connection, every setting the update gives (one left out keeps its stored
    /// value), the version and the time. The version check is part of the write itself (no read-then-compare),
    /// so that of concurrent writes with the same If-Match exactly one applies.
    /// </summary>
    internal static string UpdateSql(ISqlDialect dialect, WorkspaceChanges changes)
    {
        var set = new List<string> { "ConnectionType = @ConnectionType", "DatasourceId = @DatasourceId", "DatamartId = @DatamartId" };
        if (changes.LlmId.IsGiven)
        {
            set.Add("LlmId = @LlmId");
        }

        if (changes.IsEnableMetricSuggestions.IsGiven)
        {
            set.Add("IsEnableMetricSuggestions = @IsEnableMetricSuggestions");
        }

        if (changes.MetricSummary.IsGiven)
        {
            set.AddRange(["IsEnableMetricSummary = @IsEnableMetricSummary", "SummaryType = @SummaryType", "CustomSummaryPrompt = @CustomSummaryPrompt"]);
        }

        if (changes.ThemeId.IsGiven)
        {
            set.Add("ThemeId = @ThemeId");
        }

        set.AddRange(["Version = Version + 1", $"UpdatedAt = {dialect.UtcNow}"]);
        return $"UPDATE Workspaces SET {string.Join(", ", set)} WHERE Id = @Id AND {AsExpected}";
    }

    /// <summary>After an update that changed the row: the new Copilot LLM links if the update gives them, then the workspace as stored.</summary>
    internal static string AfterUpdateSql(int? copilotCount) => copilotCount is { } count
        ? ReplaceCopilotLinks + CopilotLinks(WorkspaceDetailsSql.ById, count, guard: string.Empty) + Environment.NewLine + ReadById
        : ReadById;

    internal static string InsertSql(ISqlDialect dialect, int copilotCount) =>
        Insert + CopilotLinks(WorkspaceDetailsSql.ByName, copilotCount, dialect.OnlyIfTheLastStatementChangedARow);

    public Task<bool> TryAddAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new
        {
            workspace.PublicId,
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
        var sql = InsertSql(database.Dialect, workspace.Ai.CopilotLlmIds.Count);

        return writes.RunAsync(async write =>
        {
            try
            {
                await write.Connection.ExecuteAsync(database.Command(sql, parameters, cancellationToken, write.Transaction));
            }
            catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
            {
                // Another create of the same name committed first; the write is rolled back.
                return false;
            }

            await write.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    public Task<ConditionalWrite<WorkspaceUpdate>> TryUpdateAsync(long workspaceId, WorkspaceChanges changes, WorkspaceVersion? expected, CancellationToken cancellationToken)
    {
        var summary = changes.MetricSummary.Value;
        var parameters = new DynamicParameters(new
        {
            Id = workspaceId,
            ExpectedVersion = expected?.Version,
            ExpectedId = expected?.WorkspaceId,
            ConnectionType = changes.ConnectionType.ToWire(),
            changes.DatasourceId,
            changes.DatamartId,
            LlmId = changes.LlmId.Value,
            IsEnableMetricSuggestions = changes.IsEnableMetricSuggestions.Value,
            IsEnableMetricSummary = summary is not null,
            SummaryType = summary?.Type.ToWire(),
            CustomSummaryPrompt = summary?.CustomPrompt,
            ThemeId = changes.ThemeId.Value,
        });
        if (changes.CopilotLlmIds.IsGiven)
        {
            AddCopilotLlms(parameters, changes.CopilotLlmIds.Value);
        }

        var update = UpdateSql(database.Dialect, changes);
        var after = AfterUpdateSql(changes.CopilotLlmIds.IsGiven ? changes.CopilotLlmIds.Value.Count : null);

        // The row first (it is then locked until the end), then its links: the order a delete takes too. Only a
        // changed row gets new links, so that a refused update writes nothing and waits on no link. What the row
        // held before is read under the lock, so that the change record names exactly the fields this update changed.
        return writes.RunAsync(async write =>
        {
            await LockAsync(write, workspaceId, cancellationToken);
            var stored = await WorkspaceDetailsSql.QueryAsync(write.Connection, database.Command(ReadById, parameters, cancellationToken, write.Transaction));
            var changed = await write.Connection.ExecuteAsync(database.Command(update, parameters, cancellationToken, write.Transaction)) == 1;
            if (!changed)
            {
                // Gone, or at another version.
                var current = await write.Connection.QuerySingleOrDefaultAsync<long?>(database.Command(
                    CurrentVersion, new { Id = workspaceId }, cancellationToken, write.Transaction));
                return ConditionalWrite<WorkspaceUpdate>.Refused(current);
            }

            var updated = await WorkspaceDetailsSql.QueryAsync(write.Connection, database.Command(after, parameters, cancellationToken, write.Transaction))
                ?? throw new InvalidOperationException("An updated workspace did not read back.");

            await write.CommitAsync(cancellationToken);
            return ConditionalWrite<WorkspaceUpdate>.Done(new WorkspaceUpdate(stored!, updated));
        }, cancellationToken);
    }

    public Task<ConditionalWrite<WorkspaceVersion>> TryDeleteAsync(long organizationId, string name, WorkspaceVersion? expected, CancellationToken cancellationToken) =>
        writes.RunAsync(async write =>
        {
            var found = await write.Connection.QuerySingleOrDefaultAsync<(long Id, string PublicId, long Version)?>(database.Command(
                FindForDelete, new { OrganizationId = organizationId, Name = name }, cancellationToken, write.Transaction));
            if (found is not { } workspace)
            {
                return ConditionalWrite<WorkspaceVersion>.Refused(null);
            }

            // The version it has under the lock is the one it is deleted at (the change record's).
            await LockAsync(write, workspace.Id, cancellationToken);
            var version = await write.Connection.QuerySingleOrDefaultAsync<long?>(database.Command(
                CurrentVersion, new { workspace.Id }, cancellationToken, write.Transaction));
            var deleted = version is not null && await write.Connection.ExecuteAsync(database.Command(
                Delete, new { workspace.Id, ExpectedVersion = expected?.Version, ExpectedId = expected?.WorkspaceId }, cancellationToken, write.Transaction)) == 1;
            if (!deleted)
            {
                return ConditionalWrite<WorkspaceVersion>.Refused(await write.Connection.QuerySingleOrDefaultAsync<long?>(database.Command(
                    CurrentVersion, new { workspace.Id }, cancellationToken, write.Transaction)));
            }

            await write.CommitAsync(cancellationToken);
            return ConditionalWrite<WorkspaceVersion>.Done(new WorkspaceVersion(workspace.PublicId, version!.Value));
        }, cancellationToken);

    /// <summary>Locks the workspace's row until the write ends, where the write does not hold the whole database already.</summary>
    private async Task LockAsync(WriteTransaction write, long id, CancellationToken cancellationToken)
    {
        if (database.Dialect.LockWorkspaceRow.Length > 0)
        {
            await write.Connection.ExecuteAsync(database.Command(database.Dialect.LockWorkspaceRow, new { Id = id }, cancellationToken, write.Transaction));
        }
    }

    /// <summary>
    /// Inserts the Copilot LLM links of the workspace that <paramref name="where"/> finds, with each LLM's
    /// position in the given list, in the same command (parameters <c>@Copilot0</c>…, at most 20). The join
    /// on <c>Llms</c> keeps every link inside the workspace's organization.
    /// </summary>
    /// <param name="guard">What stands before the statement (<see cref="ISqlDialect.OnlyIfTheLastStatementChangedARow"/>).</param>
    private static string CopilotLinks(string where, int count, string guard) => count == 0
        ? string.Empty
        : $"""

            {guard}INSERT INTO WorkspaceCopilotLlms (WorkspaceId, LlmId, Position)
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
