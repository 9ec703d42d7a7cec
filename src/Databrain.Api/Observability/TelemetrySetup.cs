using Databrain.Application.Common.Behaviors;
using Databrain.Infrastructure.Persistence.Tracing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Databrain.Api.Observability;

/// <summary>
/// OpenTelemetry traces (ASP.NET Core, every database command, a span per application request with its outcome)
/// and metrics (workspaces created and rejected, request duration), exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. When it is not, nothing is registered and spans cost nothing.
/// </summary>
public static class TelemetrySetup
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceName = "databrain-workspace-api";

    public static WebApplicationBuilder AddDatabrainTelemetry(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointKey]))
        {
            return builder;
        }

        // The exporter reads the endpoint (and OTEL_EXPORTER_OTLP_HEADERS, _PROTOCOL) from configuration itself.
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(ApplicationTelemetry.SourceName, DatabaseTelemetry.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddMeter(ApplicationTelemetry.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter());
        return builder;
    }
}
