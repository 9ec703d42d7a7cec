namespace Databrain.Application.Workspaces.Ports;

/// <summary>
/// Port: answers, in ONE database round trip, whether a workspace of that name exists in an organization
/// (and its id and version) and which catalog ids the requested names have there.
/// </summary>
public interface IWorkspaceReferenceLookup
{
    Task<ResolvedReferences> ResolveAsync(long organizationId, WorkspaceReferences references, CancellationToken cancellationToken);
}
