namespace Databrain.Client;

/// <summary>A created workspace: its name as stored and its first version's entity tag.</summary>
/// <param name="IsReplayed">True when this is the stored answer of an earlier request with the same idempotency key (a retry).</param>
public sealed record CreatedWorkspace(string Name, string ETag, bool IsReplayed);

/// <summary>A deleted workspace: its id and name.</summary>
/// <param name="IsReplayed">True when this is the stored answer of an earlier request with the same idempotency key (a retry).</param>
public sealed record DeletedWorkspace(string Id, string Name, bool IsReplayed);

/// <summary>An updated workspace, as stored after the update, with its new version.</summary>
/// <param name="IsReplayed">True when this is the stored answer of an earlier request with the same idempotency key (a retry).</param>
public sealed record UpdatedWorkspace(Workspace Workspace, bool IsReplayed);
