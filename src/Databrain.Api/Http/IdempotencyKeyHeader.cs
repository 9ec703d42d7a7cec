using Databrain.Application.Common.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Databrain.Api.Http;

/// <summary>
/// Binds a <c>string?</c> parameter from the <c>Idempotency-Key</c> header (docs/api.md, "Retry-safe writes:
/// Idempotency-Key"): absent → null; one value of 1 to 255 visible ASCII characters → that value; anything else fails
/// with step 1 of the order of checks, before authentication. The action makes the command's key of it, with the
/// request's fingerprint (<see cref="RequestFingerprint.KeyFor"/>), after the body is bound.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class IdempotencyKeyHeaderAttribute : ModelBinderAttribute
{
    public const string HeaderName = "Idempotency-Key";

    public const string Problem = "must be one header of 1 to 255 visible ASCII characters (0x21 to 0x7E)";

    private const int MaxLength = 255;

    public IdempotencyKeyHeaderAttribute()
        : base(typeof(Binder))
    {
        BindingSource = BindingSource.Header;
        Name = IdempotencyKeyHeaderAttribute.HeaderName;
    }

    public static bool IsValid(string? key) => key is { Length: > 0 and <= MaxLength } && key.All(c => c is >= '!' and <= '~');

    private sealed class Binder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var values = bindingContext.HttpContext.Request.Headers[IdempotencyKeyHeaderAttribute.HeaderName];
            if (values.Count == 0)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            else if (values.Count == 1 && IsValid(values[0]))
            {
                bindingContext.Result = ModelBindingResult.Success(values[0]);
            }
            else
            {
                RequestProblems.Add(bindingContext, Errors.InvalidRequestBody(IdempotencyKeyHeaderAttribute.HeaderName, Problem));
            }

            return Task.CompletedTask;
        }
    }
}
