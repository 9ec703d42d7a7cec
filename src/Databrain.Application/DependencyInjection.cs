using Databrain.Application.Common.Behaviors;
using Databrain.Application.Common.Idempotency;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.Workspaces;
using Databrain.Application.Workspaces.CreateWorkspace;
using Databrain.Application.Workspaces.ListWorkspaces;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Databrain.Application;

public static class DependencyInjection
{
    /// <summary>
    /// The mediator, every handler and validator of this assembly (by convention: a new command needs no
    /// line here), and the pipeline behaviors in order, outermost first: telemetry, the create metrics (create
    /// only), authorization, the bound on whole lists (whole lists only), idempotency, validation.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // MediatR 5 has no AddMediatR: it resolves handlers and behaviors through this delegate.
        // Scoped, so that handlers see the request's scope (its CallerContext, its connections). The host
        // registers CallerContext: it knows where a request's token comes from.
        services.AddScoped<ServiceFactory>(provider => provider.GetService);
        services.AddScoped<IMediator, Mediator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new IdempotencyOptions());
        services.AddSingleton<NewKeyBudget>();
        services.TryAddSingleton(new ListOptions());
        services.AddSingleton<WholeListSlots>();

        services.Scan(scan => scan
            .FromAssemblyOf<CallerContext>()
            .AddClasses(classes => classes.AssignableTo(typeof(IRequestHandler<,>)), publicOnly: false)
                .AsImplementedInterfaces()
                .WithScopedLifetime()
            .AddClasses(classes => classes.AssignableTo(typeof(IValidator<>)), publicOnly: false)
                .AsImplementedInterfaces()
                .WithSingletonLifetime());

        // Order matters: the first registered behavior is the outermost. Telemetry sees every outcome; the
        // contract puts authentication first, then an idempotency key's stored answer, then the field rules.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TelemetryBehavior<,>));
        services.AddSingleton<IPipelineBehavior<CreateWorkspaceCommand, Result<CreatedWorkspace>>, CreateWorkspaceMetrics>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehavior<,>));
        services.AddScoped<IPipelineBehavior<ListWorkspacesQuery, Result<IAsyncEnumerable<WorkspaceListItem>>>, WholeListBound>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(IdempotencyBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        return services;
    }
}
