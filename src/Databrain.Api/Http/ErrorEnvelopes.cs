using Databrain.Application.Common.Results;

namespace Databrain.Api.Http;

/// <summary>The answers that no endpoint gives, in the envelope: an unexpected exception, a route or a method no endpoint serves.</summary>
public static class ErrorEnvelopes
{
    public static WebApplication UseErrorEnvelopes(this WebApplication app)
    {
        // Unexpected exceptions: logged by the middleware, answered with a 500 that carries nothing internal.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A client that went away gets no answer: there is no one to read it.
            ExceptionHandler = context => context.RequestAborted.IsCancellationRequested
                ? Task.CompletedTask
                : ApiResponses.WriteAsync(context, Errors.InternalServerError),
        });
        app.UseStatusCodePages(context => context.HttpContext.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ApiResponses.WriteAsync(context.HttpContext, HostErrors.NotFound),
            StatusCodes.Status405MethodNotAllowed => ApiResponses.WriteAsync(context.HttpContext, HostErrors.MethodNotAllowed),
            _ => Task.CompletedTask,
        });
        return app;
    }
}
