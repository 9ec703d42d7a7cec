using Databrain.Application.Common.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Databrain.Api.Http;

/// <summary>
/// Carries a binding failure to the response: the binder stores the full <see cref="Error"/> (every problem,
/// in order) and marks the model state invalid; <see cref="Create"/>, as MVC's invalid-model-state response,
/// answers it in the envelope before the action runs.
/// </summary>
public static class InvalidBodyResponse
{
    private static readonly object Key = new();

    public static void Store(ModelBindingContext bindingContext, Error error)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        ArgumentNullException.ThrowIfNull(error);
        // The body and the headers are both step 1 of the order of checks: every problem is reported.
        bindingContext.HttpContext.Items[Key] = bindingContext.HttpContext.Items[Key] is Error earlier
            ? Errors.InvalidRequestBody([.. earlier.Details ?? [], .. error.Details ?? []])
            : error;
        bindingContext.ModelState.AddModelError(bindingContext.ModelName, error.Message);
        bindingContext.Result = ModelBindingResult.Failed();
    }

    public static IActionResult Create(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.Items[Key] is Error stored)
        {
            return ErrorResponses.ToActionResult(stored);
        }

        // Any other binding failure (none is expected with the binders in use) still answers in the envelope.
        var details = context.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .SelectMany(entry => entry.Value!.Errors.Select(e => new ErrorDetail(entry.Key, e.ErrorMessage)))
            .ToArray();
        return ErrorResponses.ToActionResult(details.Length > 0 ? Errors.InvalidRequestBody(details) : Errors.InvalidRequestBody("request", "could not be read"));
    }
}
