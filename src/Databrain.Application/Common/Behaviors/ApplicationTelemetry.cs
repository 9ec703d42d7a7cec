using System.Diagnostics;

namespace Databrain.Application.Common.Behaviors;

/// <summary>
/// Names under which the application layer reports: one span per request, and the workspace metrics.
/// With no listener (no OpenTelemetry exporter configured) spans and measurements cost nothing.
/// </summary>
public static class ApplicationTelemetry
{
    public const string SourceName = "Databrain.Application";
    public const string MeterName = "Databrain.Workspaces";

    /// <summary>The outcome of a request: an error code, or OK.</summary>
    public const string OutcomeTag = "databrain.outcome";

    public static ActivitySource Source { get; } = new(SourceName);
}
