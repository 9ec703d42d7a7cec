namespace Databrain.Application.Workspaces.Ports;

/// <summary>An update as it was stored: the workspace before it (read under the update's lock) and after it.</summary>
public sealed record WorkspaceUpdate(WorkspaceDetails Before, WorkspaceDetails After);
