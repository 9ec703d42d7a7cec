using System.Reflection;
using Databrain.Application.Common.Behaviors;
using Databrain.Application.Common.Idempotency;
using Databrain.Application.Common.Results;
using Databrain.Application.Common.Security;
using Databrain.Application.History;
using Databrain.Application.History.Recording;
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
    /// only), authorization, the bound on whole lists (whole lists only), idempotency, validation, then any other
    /// behavior of this assembly (by convention: a concern that writes with the request needs no line here).
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
        services.TryAddSingleton(new HistoryOptions());
        services.AddScoped<ChangeLog>();
        services.AddScoped<ChangePublisher>();

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
        services.AddScoped<IPipelineBehavior<ListWorkspacesQuery, Result<WorkspaceList>>, WholeListBound>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(IdempotencyBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        return services.AddWriteConcerns(typeof(DependencyInjection).Assembly);
    }

    /// <summary>
    /// Every behavior of <paramref name="assembly"/> not registered yet is a concern that writes with the request
    /// (docs/adding-a-command.md): innermost, inside the idempotency step (a keyed retry's replay runs none of them)
    /// and after validation (a rejected request reaches none of them), in the order of their full names. Scoped: a
    /// concern joins the request's unit of work. <see cref="AddApplication"/> adds this assembly's; a team whose
    /// concerns live in an assembly of its own adds them with this, after <see cref="AddApplication"/>.
    /// </summary>
    public static IServiceCollection AddWriteConcerns(this IServiceCollection services, Assembly assembly)
    {
        var placed = services.Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IPipelineBehavior<,>))
            .Select(d => d.ImplementationType)
            .ToHashSet();
        var concerns = assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && !placed.Contains(t))
            .Select(t => (Type: t, Behaviors: t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IPipelineBehavior<,>)).ToArray()))
            .Where(c => c.Behaviors.Length > 0)
            .OrderBy(c => c.Type.FullName, StringComparer.Ordinal);
        foreach (var (type, behaviors) in concerns)
        {
            foreach (var behavior in behaviors)
            {
                services.AddScoped(type.IsGenericTypeDefinition ? typeof(IPipelineBehavior<,>) : behavior, type);
            }
        }

        return services;
    }
}
