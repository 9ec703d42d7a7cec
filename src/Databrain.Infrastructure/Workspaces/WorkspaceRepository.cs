using System.Data.Common;
using Dapper;
using Databrain.Application.Workspaces.Ports;
using Databrain.Domain.Workspaces;
using Databrain.Infrastructure.Persistence;

namespace Databrain.Infrastructure.Workspaces;

internal sealed class WorkspaceRepository(IDatabase database) : IWorkspaceRepository
{
    // One command, one transaction: the workspace, then its Copilot LLM links found through the new row,
    // so no generated id has to travel back to the client between the two statements.
    private const string Insert = """
        INSERT INTO Workspaces
            (OrganizationId, Name, ConnectionType, DatasourceId, DatamartId, LlmId,
             IsEnableMetricSuggestions, IsEnableMetricSummary, SummaryType, CustomSummaryPrompt, ThemeId)
        VALUES
            (@OrganizationId, @Name, @ConnectionType, @DatasourceId, @DatamartId, @LlmId,
             @IsEnableMetricSuggestions, @IsEnableMetricSummary, @SummaryType, @CustomSummaryPrompt, @ThemeId);
        INSERT INTO WorkspaceCopilotLlms (WorkspaceId, LlmId)
        SELECT w.Id, l.Id
        FROM Workspaces w
        JOIN Llms l ON l.OrganizationId = w.OrganizationId
        WHERE w.OrganizationId = @OrganizationId AND w.Name = @Name AND l.Id IN @CopilotLlmIds;
        """;

    private const string FindForDelete = "SELECT Id FROM Workspaces WHERE OrganizationId = @OrganizationId AND Name = @Name";

    // Links first: the delete does not rely on the foreign key's cascade being enforced.
    private const string Delete = """
        DELETE FROM WorkspaceCopilotLlms WHERE WorkspaceId = @Id;
        DELETE FROM Workspaces WHERE Id = @Id;
        """;

    public async Task<bool> TryAddAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await using var write = await database.BeginWriteAsync(cancellationToken);
        try
        {
            await write.Connection.ExecuteAsync(new CommandDefinition(
                Insert,
                new
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
                    workspace.Ai.CopilotLlmIds,
                },
                write.Transaction,
                database.CommandTimeoutSeconds,
                cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (database.Dialect.IsUniqueViolation(ex))
        {
            // Another create of the same name committed first; disposing the write rolls back.
            return false;
        }

        await write.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<long?> TryDeleteAsync(long organizationId, string name, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var id = await write.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            FindForDelete, new { OrganizationId = organizationId, Name = name }, write.Transaction, database.CommandTimeoutSeconds, cancellationToken: cancellationToken));
        if (id is null)
        {
            return null;
        }

        await write.Connection.ExecuteAsync(new CommandDefinition(
            Delete, new { Id = id }, write.Transaction, database.CommandTimeoutSeconds, cancellationToken: cancellationToken));
        await write.CommitAsync(cancellationToken);
        return id;
    }
}
