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
        configuration.GetValue<bool?>(EnabledKey) ?? environment.IsDevelopment();

    public static IServiceCollection AddDatabrainOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSchemeTransformer>();
            options.AddSchemaTransformer<RequestRulesTransformer>();
            options.AddOperationTransformer<ErrorResponsesTransformer>();
            options.AddOperationTransformer<SuccessResponsesTransformer>();
        });

    public static WebApplication MapDatabrainOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(options => options.WithTitle("Databrain Workspace API"));
        return app;
    }
}
