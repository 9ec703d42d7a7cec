using System.Reflection;
using Databrain.Api.Development;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Scalar.AspNetCore;

namespace Databrain.Api.OpenApi;

/// <summary>
/// The OpenAPI document at /openapi/v1.json and the Scalar reference at /scalar. On by default in Development,
/// off elsewhere unless <c>OpenApi:Enabled</c> is true.
/// </summary>
public static class OpenApiSetup
{
    public const string EnabledKey = "OpenApi:Enabled";

    public static bool IsOpenApiEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        IsBuildTimeGeneration || (configuration.GetValue<bool?>(EnabledKey) ?? environment.IsDevelopment());

    /// <summary>
    /// True while the build writes docs/openapi/v1.json: Microsoft.Extensions.ApiDescription.Server runs the entry
    /// point under its own program (GetDocument.Insider), which stops at the built host, before any request.
    /// </summary>
    public static bool IsBuildTimeGeneration { get; } =
        Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    public static IServiceCollection AddDatabrainOpenApi(this IServiceCollection services) =>
        services.AddTransient<IApiDescriptionProvider, JsonBodyDescriptions>().AddOpenApi(options =>
        {
            options.CreateSchemaReferenceId = SchemaNames.Of;
            options.AddDocumentTransformer<BearerSchemeTransformer>();
            options.AddSchemaTransformer<RequestRulesTransformer>();
            options.AddSchemaTransformer<WireTimesTransformer>();
            options.AddOperationTransformer<ErrorResponsesTransformer>();
            options.AddOperationTransformer<SuccessResponsesTransformer>();
            options.AddOperationTransformer<RequestExamplesTransformer>();
            options.AddOperationTransformer<QueryParametersTransformer>();
        });

    public static WebApplication MapDatabrainOpenApi(this WebApplication app)
    {
        app.UseMiddleware<ReferencePagePolicy>();
        app.MapOpenApi();
        // Read once: the page's options are applied to every request for it.
        var demoToken = app.Environment.IsDevelopment() ? DemoData.Token(app.Environment) : null;
        app.MapScalarApiReference(ReferencePagePolicy.Path, options =>
        {
            // Nothing fetched from elsewhere (fonts, telemetry, the AI agent): the page's policy allows this origin only.
            // No developer toolbar either: its Deploy, Generate SDK and Share buttons lead to Scalar's own services.
            options.WithTitle("Databrain Workspace API").DisableDefaultFonts().DisableTelemetry().DisableAgent().DisableMcp().HideDeveloperTools();
            if (demoToken is not null)
            {
                // The demo token is public (it is in the repository): "try it" works at the first click.
                options.AddPreferredSecuritySchemes(BearerSchemeTransformer.Scheme)
                    .AddHttpAuthentication(BearerSchemeTransformer.Scheme, scheme => scheme.Token = demoToken);
            }
        });
        if (app.Environment.IsDevelopment())
        {
            // Elsewhere / is an unknown route like any other: the 404 envelope.
            app.MapGet("/", () => Results.Redirect(ReferencePagePolicy.Path)).ExcludeFromDescription();
        }

        return app;
    }
}
