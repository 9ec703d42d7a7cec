using System.Diagnostics;

namespace Databrain.Infrastructure.Persistence.Tracing;

/// <summary>One span per database command sent, whatever the provider (SQLite has no instrumentation library of its own).</summary>
public static class DatabaseTelemetry
{
    public const string SourceName = "Databrain.Database";

    internal static ActivitySource Source { get; } = new(SourceName);
}
