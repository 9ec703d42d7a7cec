namespace Databrain.Application.Workspaces.Ports;

/// <summary>A stored workspace's key, public id and current version.</summary>
public sealed record StoredWorkspace(long Id, string PublicId, long Version);
