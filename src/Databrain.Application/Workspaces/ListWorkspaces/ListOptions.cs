namespace Databrain.Application.Workspaces.ListWorkspaces;

/// <summary>The bound on whole lists (<c>Lists</c>; its range: the host's settings check).</summary>
public sealed class ListOptions
{
    public const string Section = "Lists";

    /// <summary>Whole lists (no <c>isPagination=true</c>) an instance serves at once; pages are not bounded this way.</summary>
    public int WholeListsAtOnce { get; init; } = 4;

    /// <summary>How long a whole list may wait for one of those to end; then 429.</summary>
    public int WholeListWaitMilliseconds { get; init; } = 1000;
}
