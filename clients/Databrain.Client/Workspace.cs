namespace Databrain.Client;

/// <summary>
/// A workspace as stored, with every property, and its version as an entity tag. To change it, start from
/// <see cref="ToUpdate"/>: the update keeps whatever it does not name.
/// </summary>
public sealed record Workspace
{
    /// <summary>The workspace's id, which stays the same for its whole life.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required ConnectionType ConnectionType { get; init; }

    /// <summary>With <see cref="ConnectionType.Datasource"/>; null otherwise.</summary>
    public string? DatasourceName { get; init; }

    /// <summary>With <see cref="ConnectionType.Datamart"/>; null otherwise.</summary>
    public string? DatamartName { get; init; }

    /// <summary>The primary LLM, or null.</summary>
    public string? LlmName { get; init; }

    /// <summary>The LLMs AI Copilot offers, in their order.</summary>
    public IReadOnlyList<string> AiCopilotLlms { get; init; } = [];

    public bool IsEnableMetricSuggestions { get; init; }

    /// <summary>The metric summary settings; null while summaries are off.</summary>
    public MetricSummary? MetricSummary { get; init; }

    public string? ThemeName { get; init; }

    /// <summary>The version: 1 when created, one more with each update.</summary>
    public long Version { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>This version's entity tag (opaque): pass it as <c>ifMatch</c> to change or delete only this version.</summary>
    public required string ETag { get; init; }

    /// <summary>An update that names this workspace with its connection, and keeps everything else.</summary>
    public WorkspaceUpdate ToUpdate() =>
        new() { Name = Name, ConnectionType = ConnectionType, DatasourceName = DatasourceName, DatamartName = DatamartName };
}
