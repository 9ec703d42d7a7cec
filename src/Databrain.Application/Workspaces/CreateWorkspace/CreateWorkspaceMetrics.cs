using System.Diagnostics.Metrics;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Telemetry;
using MediatR;

namespace Databrain.Application.Workspaces.CreateWorkspace;

/// <summary>
/// Counts creates: <c>databrain.workspaces.created</c> by connection type, <c>databrain.workspaces.rejected</c>
/// by error code. A behavior, not the handler, so that rejections by authentication and validation count too.
/// </summary>
public sealed class CreateWorkspaceMetrics : IPipelineBehavior<CreateWorkspaceCommand, Result<CreatedWorkspace>>
{
    private readonly Counter<long> _created;
    private readonly Counter<long> _rejected;

    public CreateWorkspaceMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(ApplicationTelemetry.MeterName);
        _created = meter.CreateCounter<long>("databrain.workspaces.created", "{workspace}", "Workspaces created, by connection type");
        _rejected = meter.CreateCounter<long>("databrain.workspaces.rejected", "{request}", "Create requests answered with an error, by error code");
    }

    public async Task<Result<CreatedWorkspace>> Handle(CreateWorkspaceCommand request, CancellationToken cancellationToken, RequestHandlerDelegate<Result<CreatedWorkspace>> next)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(next);
        var result = await next();
        if (result.IsReplayed)
        {
            return result; // counted when it was first answered
        }

        if (result.IsSuccess)
        {
            _created.Add(1, new KeyValuePair<string, object?>("connection_type", request.ConnectionType));
        }
        else
        {
            _rejected.Add(1, new KeyValuePair<string, object?>("error_code", result.Error.Code));
        }

        return result;
    }
}
