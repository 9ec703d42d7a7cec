using Databrain.Application.Common.Ports;
using Databrain.Application.Workspaces.ListWorkspaces;
using Databrain.Application.Workspaces.Ports;
using Databrain.Domain.Workspaces;

namespace Databrain.Benchmarks;

/// <summary>Ports answered from memory, so that the benchmark measures the pipeline and not a database.</summary>
internal sealed class InMemoryPorts : IServiceTokenLookup, IWorkspaceReferenceLookup, IWorkspaceRepository, IWorkspaceQueries
{
    public const long Organization = 1;

    private static readonly IReadOnlyDictionary<string, long> Llms = new Dictionary<string, long>(StringComparer.Ordinal) { ["gpt-4o"] = 10 };
    private static readonly IReadOnlyList<WorkspaceListItem> Page =
        Enumerable.Range(0, WorkspacePage.Size).Select(i => new WorkspaceListItem($"workspace-{i}", "DATASOURCE")).ToArray();

    public Task<long?> FindOrganizationIdAsync(string tokenHash, CancellationToken cancellationToken) => Task.FromResult<long?>(Organization);

    public Task<ResolvedReferences> ResolveAsync(long organizationId, WorkspaceReferences references, CancellationToken cancellationToken) =>
        Task.FromResult(new ResolvedReferences(
            WorkspaceNameExists: false,
            DatasourceId: references.DatasourceName == "postgres-main" ? 1 : null,
            DatamartId: null,
            LlmIds: Llms,
            ThemeId: references.ThemeName == "dark" ? 3 : null));

    public Task<bool> TryAddAsync(Workspace workspace, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<long?> TryDeleteAsync(long organizationId, string name, CancellationToken cancellationToken) => Task.FromResult<long?>(1);

    public Task<IReadOnlyList<WorkspaceListItem>> ListAsync(long organizationId, WorkspacePage? page, CancellationToken cancellationToken) =>
        Task.FromResult(Page);
}
