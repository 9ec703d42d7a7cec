using Databrain.Application;
using Databrain.Application.Common.Behaviors;
using Databrain.Application.Common.Security;
using Databrain.Application.Workspaces.CreateWorkspace;
using Databrain.Application.Workspaces.ListWorkspaces;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Databrain.ArchitectureTests;

/// <summary>
/// The real container, as the host composes it: every request has exactly one handler, every request with a
/// validator is validated, and the behaviors run in the intended order.
/// </summary>
public sealed class ContainerTests : IDisposable
{
    private static readonly Type[] RequestTypes = typeof(CallerContext).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
        .ToArray();

    private readonly Microsoft.AspNetCore.Builder.WebApplication _app;
    private readonly AsyncServiceScope _scope;

    public ContainerTests()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["ConnectionStrings:Databrain"] = "Data Source=:memory:";
        Databrain.Api.DependencyInjection.AddApi(builder);
        _app = builder.Build();
        _scope = _app.Services.CreateAsyncScope();
    }

    public void Dispose()
    {
        _scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
    }

    private static Type ResponseOf(Type request) =>
        request.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)).GetGenericArguments()[0];

    public static TheoryData<Type> Requests => new(RequestTypes);

    [Fact]
    public void TheApplicationHasRequests() => Assert.True(RequestTypes.Length >= 5, string.Join(", ", RequestTypes.Select(t => t.Name)));

    [Theory]
    [MemberData(nameof(Requests))]
    public void EveryRequest_HasExactlyOneHandler(Type request)
    {
        var handlers = _scope.ServiceProvider.GetServices(typeof(IRequestHandler<,>).MakeGenericType(request, ResponseOf(request)));

        Assert.Single(handlers);
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void EveryRequest_HasOneValidator_AndIsValidated(Type request)
    {
        var validators = _scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(request));
        var behaviors = Behaviors(request);

        Assert.Single(validators);
        Assert.Contains(behaviors, b => b.IsGenericType && b.GetGenericTypeDefinition() == typeof(ValidationBehavior<,>));
    }

    [Fact]
    public void Behaviors_ThatDependOnEachOther_RunInTheirOrder()
    {
        // Only the order that matters is pinned: a new behavior may go anywhere between them.
        InOrder(
            Behaviors(typeof(CreateWorkspaceCommand)),
            typeof(TelemetryBehavior<,>), typeof(CreateWorkspaceMetrics), typeof(AuthorizationBehavior<,>), typeof(IdempotencyBehavior<,>), typeof(ValidationBehavior<,>));
        InOrder(
            Behaviors(typeof(ListWorkspacesQuery)),
            typeof(TelemetryBehavior<,>), typeof(AuthorizationBehavior<,>), typeof(WholeListBound), typeof(ValidationBehavior<,>));
    }

    [Fact]
    public void ABehaviorOfAnAssembly_IsAConcern_RegisteredInsideTheIdempotencyStep_AfterValidation()
    {
        var services = new ServiceCollection().AddApplication().AddWriteConcerns(typeof(ContainerTests).Assembly);

        var order = services.Where(d => d.ServiceType == typeof(IPipelineBehavior<,>)).Select(d => d.ImplementationType).ToList();
        InOrder([.. order!], typeof(IdempotencyBehavior<,>), typeof(ValidationBehavior<,>), typeof(TrialConcern<,>));
        Assert.Equal(ServiceLifetime.Scoped, services.Single(d => d.ImplementationType == typeof(TrialConcern<,>)).Lifetime);
    }

    /// <summary>A concern as another team writes one: a behavior, found by convention.</summary>
    private sealed class TrialConcern<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
    {
        public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) => next();
    }

    /// <summary>Each of <paramref name="expected"/> is among the behaviors, in that order (outermost first).</summary>
    private static void InOrder(Type[] behaviors, params Type[] expected)
    {
        var names = behaviors.Select(t => t.IsGenericType ? t.GetGenericTypeDefinition() : t).ToList();
        var positions = expected.Select(t => names.IndexOf(t)).ToArray();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void AdminRequests_AreNotAuthorizedByServiceToken()
    {
        Assert.DoesNotContain(
            Behaviors(typeof(Databrain.Application.Catalog.ApplySeed.ApplySeedCommand)),
            b => b.IsGenericType && b.GetGenericTypeDefinition() == typeof(AuthorizationBehavior<,>));
    }

    /// <summary>The behaviors MediatR wraps around the request, outermost first (the order it resolves them in).</summary>
    private Type[] Behaviors(Type request) =>
        _scope.ServiceProvider.GetServices(typeof(IPipelineBehavior<,>).MakeGenericType(request, ResponseOf(request))).Select(b => b!.GetType()).ToArray();
}
