using Databrain.Application.Common.Results;
using FluentValidation;
using MediatR;

namespace Databrain.Application.Common.Behaviors;

/// <summary>
/// Runs every FluentValidation validator of the request; any failure ends the request with
/// INVALID_REQUEST_BODY listing every problem, so a client sees all its mistakes in one round trip.
/// </summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
    where TResponse : IResult<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var details = new List<ErrorDetail>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(request, cancellationToken);
            details.AddRange(result.Errors.Select(f => new ErrorDetail(f.PropertyName, f.ErrorMessage)));
        }

        return details.Count == 0 ? await next() : TResponse.Failure(Errors.InvalidRequestBody(details));
    }
}
