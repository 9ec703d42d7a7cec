using Databrain.Application.Common.Results;

namespace Databrain.Application.Workspaces;

/// <summary>
/// A list answer: its workspaces, written to the client as they are read (a whole list can be long), and for a page
/// the number of workspaces that match over every page (<see cref="ICounted"/>).
/// </summary>
public sealed class WorkspaceList(IAsyncEnumerable<WorkspaceListItem> items, long? totalCount) : IAsyncEnumerable<WorkspaceListItem>, ICounted
{
    public long? TotalCount { get; } = totalCount;

    public static WorkspaceList Page(WorkspaceListPage page) => new(page.Items.ToAsyncEnumerable(), page.Total);

    public IAsyncEnumerator<WorkspaceListItem> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        items.GetAsyncEnumerator(cancellationToken);
}
