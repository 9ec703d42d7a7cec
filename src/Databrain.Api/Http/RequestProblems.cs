using Databrain.Application.Common.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Databrain.Api.Http;

/// <summary>
/// The problems the binders find in a request (its body, <c>If-Match</c>, <c>Idempotency-Key</c>), kept on the
/// request in the order found. A binder that finds one <see cref="Add"/>s it and fails its binding; MVC then
/// calls <see cref="Answer"/> (its invalid-model-state response) instead of the action, which answers all of
/// them as one INVALID_REQUEST_BODY.
/// </summary>
public static class RequestProblems
{
    private static readonly object Key = new();

    public static void Add(ModelBindingContext bindingContext, Error error)
    {
        // The body and the headers are both step 1 of the order of checks: every problem is reported.
        bindingContext.HttpContext.Items[Key] = bindingContext.HttpContext.Items[Key] is Error earlier
            ? Errors.InvalidRequestBody([.. earlier.Details ?? [], .. error.Details ?? []])
            : error;
        bindingContext.ModelState.AddModelError(bindingContext.ModelName, error.Message);
        bindingContext.Result = ModelBindingResult.Failed();
    }

    public static IActionResult Answer(ActionContext context)
    {
        if (context.HttpContext.Items[Key] is Error stored)
        {
            return stored.ToResponse();
        }

        // Any other binding failure (none is expected with the binders in use) still answers in the envelope.
        var details = context.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .SelectMany(entry => entry.Value!.Errors.Select(e => new ErrorDetail(entry.Key, e.ErrorMessage)))
            .ToArray();
        return (details.Length > 0 ? Errors.InvalidRequestBody(details) : Errors.InvalidRequestBody("request", "could not be read")).ToResponse();
    }
}
