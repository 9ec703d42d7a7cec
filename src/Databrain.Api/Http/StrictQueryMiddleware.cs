using System.Collections.Concurrent;
using Databrain.Application.Common.Results;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Databrain.Api.Http;

/// <summary>
/// Query strings are read as strictly as bodies (docs/api.md, "POST /api/v2/workspace"), before the token is
/// checked: a parameter given twice (<c>?name=a&amp;name=b</c>), or one that the operation does not define (a
/// misspelt <c>?pagesize=5</c>, <c>?Name=x</c>, <c>?name%00=x</c>), is answered 400 naming it, rather than a value
/// being used or ignored silently. An operation's parameters are those its action binds from the query.
/// </summary>
public sealed class StrictQueryMiddleware(RequestDelegate next)
{
    private const string NotAParameter = "is not a parameter of this operation";

    private static readonly ConcurrentDictionary<ControllerActionDescriptor, HashSet<string>> Defined = new();

    public Task InvokeAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (query.Count == 0)
        {
            return next(context);
        }

        var defined = context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action
            ? Defined.GetOrAdd(action, QueryParametersOf)
            : null;

        // A loop, not a query: this runs for every list page, and a request without a problem allocates nothing here.
        List<ErrorDetail>? problems = null;
        foreach (var parameter in query)
        {
            var problem = defined is not null && !defined.Contains(parameter.Key) ? NotAParameter
                : parameter.Value.Count > 1 ? "is given more than once"
                : null;
            if (problem is not null)
            {
                (problems ??= []).Add(new ErrorDetail(parameter.Key, problem));
            }
        }

        return problems is null ? next(context) : ApiResponses.WriteAsync(context, Errors.InvalidRequestBody(problems));
    }

    private static HashSet<string> QueryParametersOf(ControllerActionDescriptor action) =>
        action.Parameters
            .Where(p => p.BindingInfo?.BindingSource == BindingSource.Query)
            .Select(p => p.BindingInfo!.BinderModelName ?? p.Name)
            .ToHashSet(StringComparer.Ordinal);
}
