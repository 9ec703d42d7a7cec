using Databrain.Application.Common.Results;

namespace Databrain.Api.Http;

/// <summary>
/// Query strings are read as strictly as bodies (contract, section 3): a parameter given twice
/// (<c>?name=a&amp;name=b</c>) is answered 400 on every endpoint, before authentication, rather than one of its
/// values being used silently.
/// </summary>
public sealed class StrictQueryMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var repeated = context.Request.Query.Where(parameter => parameter.Value.Count > 1)
            .Select(parameter => new ErrorDetail(parameter.Key, "is given more than once"))
            .ToArray();
        return repeated.Length == 0 ? next(context) : ApiResponses.WriteAsync(context, Errors.InvalidRequestBody(repeated));
    }
}
