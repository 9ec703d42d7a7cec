using Dapper;
using Databrain.Application.Workspaces.Ports;
using Databrain.Infrastructure.Persistence;

namespace Databrain.Infrastructure.Workspaces;

/// <summary>The workspace of that name and every reference of a create or update, in one statement: one database round trip.</summary>
internal sealed class WorkspaceReferenceLookup(IDatabase database) : IWorkspaceReferenceLookup
{
    // A parameter that is NULL matches nothing (Name = NULL is never true), so absent references cost nothing.
    // Only the workspace row has a version.
    private const string Resolve = """
        SELECT 'W' AS Kind, Name, Id, PublicId, Version FROM Workspaces WHERE OrganizationId = @OrganizationId AND Name = @WorkspaceName
        UNION ALL
        SELECT 'D', Name, Id, NULL, NULL FROM Datasources WHERE OrganizationId = @OrganizationId AND Name = @DatasourceName
        UNION ALL
        SELECT 'M', Name, Id, NULL, NULL FROM Datamarts   WHERE OrganizationId = @OrganizationId AND Name = @DatamartName
        UNION ALL
        SELECT 'L', Name, Id, NULL, NULL FROM Llms        WHERE OrganizationId = @OrganizationId AND Name IN @LlmNames
        UNION ALL
        SELECT 'T', Name, Id, NULL, NULL FROM Themes      WHERE OrganizationId = @OrganizationId AND Name = @ThemeName
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
            Workspace: byKind["W"].Select(r => new StoredWorkspace(r.Id, r.PublicId!, r.Version!.Value)).FirstOrDefault(),
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

        public string? PublicId { get; init; }

        public long? Version { get; init; }
    }
}
