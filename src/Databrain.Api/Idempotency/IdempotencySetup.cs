using Databrain.Application.Common.Idempotency;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Databrain.Api.Idempotency;

/// <summary>Configuration of retry-safe writes (<c>Idempotency</c>; its range: Configuration/SettingsCheck) and the purge of expired keys.</summary>
public static class IdempotencySetup
{
    public static IServiceCollection AddDatabrainIdempotency(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(IdempotencyOptions.Section).Get<IdempotencyOptions>() ?? new IdempotencyOptions();
        services.Replace(ServiceDescriptor.Singleton(options));
        services.AddHostedService<IdempotencyKeyPurger>();
        return services;
    }
}
