using System.Diagnostics;
using Databrain.Application.Common.Results;
using MediatR;

namespace Databrain.Application.Common.Behaviors;

/// <summary>Outermost behavior: a span around every request, tagged with its outcome code (or the exception that ended it).</summary>
public sealed class TelemetryBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
    where TResponse : IResult<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        using var activity = ApplicationTelemetry.Source.StartActivity(typeof(TRequest).Name);
        try
        {
            var response = await next();
            activity?.SetTag(ApplicationTelemetry.OutcomeTag, response.Error?.Code ?? "OK");
            return response;
        }
        catch (Exception ex)
        {
            activity?.SetTag(ApplicationTelemetry.OutcomeTag, Errors.InternalServerErrorCode);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }
}
