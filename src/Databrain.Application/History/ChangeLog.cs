namespace Databrain.Application.History;

/// <summary>
/// The changes a request's use case made (scoped: one per request), which <see cref="Recording.ChangeRecording{TRequest,TResponse}"/>
/// records in the request's unit of work. A use case reports a change here after its write; it knows nothing of
/// records, sequences or callers.
/// </summary>
public sealed class ChangeLog
{
    private readonly List<WorkspaceChange> _changes = [];

    public void Add(WorkspaceChange change) => _changes.Add(change);

    /// <summary>The changes reported since the last call, in the order reported.</summary>
    public IReadOnlyList<WorkspaceChange> TakeAll()
    {
        var taken = _changes.ToArray();
        _changes.Clear();
        return taken;
    }
}
