namespace Databrain.Application.Workspaces;

/// <summary>One page of a list, as the port reads it: its workspaces, and how many match over every page.</summary>
public sealed record WorkspaceListPage(IReadOnlyList<WorkspaceListItem> Items, long Total);
