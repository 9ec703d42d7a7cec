namespace Databrain.Client;

/// <summary>One workspace of a list: its name and connection type (read one with <c>GetWorkspaceAsync</c> for the rest).</summary>
public sealed record WorkspaceListItem(string Name, ConnectionType ConnectionType);

/// <summary>A list of workspaces, oldest first.</summary>
/// <param name="Items">The workspaces of this page, or all of them.</param>
/// <param name="TotalCount">With a page: how many workspaces match the filters in all; null for a whole list.</param>
public sealed record WorkspaceList(IReadOnlyList<WorkspaceListItem> Items, long? TotalCount);
