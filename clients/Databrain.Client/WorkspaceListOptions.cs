namespace Databrain.Client;

/// <summary>What to list. Without <see cref="PageNumber"/> the whole list (of the workspaces that match the filters).</summary>
public sealed record WorkspaceListOptions
{
    /// <summary>A page, from 1; null: every workspace at once.</summary>
    public int? PageNumber { get; init; }

    /// <summary>Workspaces per page, 1 to 100 (the API's default is 10); only with <see cref="PageNumber"/>.</summary>
    public int? PageSize { get; init; }

    /// <summary>Only names that start with exactly this text (case-sensitive).</summary>
    public string? NameStartsWith { get; init; }

    /// <summary>Only this connection type.</summary>
    public ConnectionType? ConnectionType { get; init; }
}
