namespace Databrain.Application.History;

/// <summary>
/// A change of one workspace, as its use case reports it (<see cref="ChangeLog"/>): which workspace, what happened,
/// its version after the change (for a delete, the version it had), and the wire names of the fields whose stored
/// value changed. The change record adds who, when and the organization's sequence.
/// </summary>
public sealed record WorkspaceChange(string WorkspaceId, string Name, string Operation, long Version, IReadOnlyList<string> Changed)
{
    public const string Create = "create";

    public const string Update = "update";

    public const string Delete = "delete";
}
