using System.Net.Http.Headers;
using Databrain.Api.Development;
using Databrain.Api.Hosting;
using Databrain.Api.Http;
using Databrain.Api.Idempotency;
using Databrain.Api.Observability;
using Databrain.Api.OpenApi;
using Databrain.Api.RateLimiting;
using Databrain.Application;
using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Workspaces.ListWorkspaces;
using Databrain.Infrastructure;
using Databrain.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Net.Http.Headers;

namespace Databrain.Api;

/// <summary>The composition root: services, then the HTTP pipeline.</summary>
public static class HostSetup
{
    public static WebApplicationBuilder AddDatabrain(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Logging.Services.AddSingleton<ILoggerProvider, ServerRejectionLog>();
        builder.Logging.AddFilter<ServerRejectionLog>(ServerRejectionLog.KestrelCategory, LogLevel.Debug);

        // Kestrel's own report of a malformed request quotes the offending line, a token included: no other log
        // writes that category, at whatever level the configuration asks (a rule added here comes after the
        // configuration's rules, and so wins over one for the same category).
        builder.Logging.AddFilter(ServerRejectionLog.KestrelCategory, LogLevel.None);
        builder.Services
            .AddApplication()
            .AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);

        // Each request's CallerContext, created with the request's scope from its Authorization header: the bearer
        // token, or none (also outside a request, for admin commands). It decides nothing: the authorization
        // behavior checks the token, so that every way of failing gets the same answer there.
        builder.Services
            .AddHttpContextAccessor()
            .AddScoped(provider => new CallerContext(
                BearerTokenOf(provider.GetRequiredService<IHttpContextAccessor>().HttpContext), provider.GetRequiredService<IServiceTokenLookup>().FindAsync));
        // MVC core only: AddControllers would also register authorization, and the host would then run the
        // authentication and authorization middleware on every request; tokens are checked by the
        // authorization behavior instead.
        builder.Services
            .AddMvcCore()
            .AddApiExplorer()
            .ConfigureApiBehaviorOptions(options => options.InvalidModelStateResponseFactory = RequestProblems.Answer);
        // The OpenAPI document is built from these options: the same converters and rules as the wire.
        builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Apply(options.SerializerOptions));
        builder.Services.AddDatabrainHealthChecks(builder.Configuration);
        builder.Services.AddDatabrainRateLimits(builder.Configuration);
        builder.Services.AddGracefulStop(builder.Configuration);
        builder.Services.AddDatabrainIdempotency(builder.Configuration);
        builder.Services.Replace(ServiceDescriptor.Singleton(builder.Configuration.GetSection(ListOptions.Section).Get<ListOptions>() ?? new ListOptions()));
        if (OpenApiSetup.IsOpenApiEnabled(builder.Configuration, builder.Environment))
        {
            builder.Services.AddDatabrainOpenApi();
        }

        builder.AddDatabrainTelemetry();
        return builder;
    }

    public static WebApplication UseDatabrain(this WebApplication app)
    {
        app.UseMiddleware<RequestLogMiddleware>();

        // Every response, error answers included: no content sniffing, and no caching of tenant data by browsers
        // or proxies (Kestrel's Server header is off, above). OnStarting, not now: the exception handler clears
        // the headers of a failed response before answering.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });

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
        app.UseDatabrainRateLimits();

        app.UseMiddleware<StrictQueryMiddleware>();
        app.MapControllers();
        app.MapDatabrainHealthChecks();
        if (OpenApiSetup.IsOpenApiEnabled(app.Configuration, app.Environment))
        {
            app.MapDatabrainOpenApi();
        }

        return app;
    }

    /// <summary>Applies migrations (when <c>Database:MigrateOnStartup</c>) and, in Development, the demo data.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (app.Services.GetRequiredService<DatabaseOptions>().MigrateOnStartup)
        {
            app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
        }

        if (app.Environment.IsDevelopment())
        {
            await DemoData.SeedIfEmptyAsync(app);
        }
    }

    private static string? BearerTokenOf(HttpContext? context) =>
        context?.Request.Headers[HeaderNames.Authorization] is [{ } value]
        && AuthenticationHeaderValue.TryParse(value, out var header)
        && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            ? header.Parameter
            : null;
}
