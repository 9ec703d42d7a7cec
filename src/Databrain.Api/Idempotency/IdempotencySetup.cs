using Databrain.Application.Common.Idempotency;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Databrain.Api.Idempotency;

/// <summary>Configuration of retry-safe writes (<c>Idempotency</c>), checked at start, and the purge of expired keys.</summary>
public static class IdempotencySetup
{
    public const int MaxRetentionHours = 24 * 30;

    public static IServiceCollection AddDatabrainIdempotency(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(IdempotencyOptions.Section).Get<IdempotencyOptions>() ?? new IdempotencyOptions();
        if (options.RetentionHours is < 1 or > MaxRetentionHours)
        {
            throw new InvalidOperationException(
                $"{IdempotencyOptions.Section}:{nameof(IdempotencyOptions.RetentionHours)} is {options.RetentionHours}; it must be 1 to {MaxRetentionHours} hours.");
        }

        services.Replace(ServiceDescriptor.Singleton(options));
        services.AddHostedService<IdempotencyKeyPurger>();
        return services;
    }
}
