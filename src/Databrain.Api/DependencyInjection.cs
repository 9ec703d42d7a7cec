using Databrain.Api.History;
using Databrain.Api.Hosting;
using Databrain.Api.Http;
using Databrain.Api.Idempotency;
using Databrain.Api.Observability;
using Databrain.Api.OpenApi;
using Databrain.Api.RateLimiting;
using Databrain.Application;
using Databrain.Application.Common.Ports;
using Databrain.Application.Common.Security;
using Databrain.Application.Workspaces.ListWorkspaces;
using Databrain.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Databrain.Api;

/// <summary>The composition root: services (<see cref="AddApi"/>), then the HTTP pipeline (<see cref="UseApi"/>), in order.</summary>
public static class DependencyInjection
{
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
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
                BearerToken.Of(provider.GetRequiredService<IHttpContextAccessor>().HttpContext), provider.GetRequiredService<IServiceTokenLookup>().FindAsync));
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
        builder.Services.AddDatabrainHistory(builder.Configuration);
        builder.Services.Replace(ServiceDescriptor.Singleton(builder.Configuration.GetSection(ListOptions.Section).Get<ListOptions>() ?? new ListOptions()));
        if (OpenApiSetup.IsOpenApiEnabled(builder.Configuration, builder.Environment))
        {
            builder.Services.AddDatabrainOpenApi();
        }

        builder.AddDatabrainTelemetry();
        return builder;
    }

    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<ResponseHeadersMiddleware>();
        app.UseErrorEnvelopes();
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
}
