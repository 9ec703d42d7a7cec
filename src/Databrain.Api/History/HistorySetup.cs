using Databrain.Application.History;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Databrain.Api.History;

/// <summary>Configuration of the change records (<c>History</c>) and the purge of the old ones.</summary>
public static class HistorySetup
{
    public static IServiceCollection AddDatabrainHistory(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(HistoryOptions.Section).Get<HistoryOptions>() ?? new HistoryOptions();
        services.Replace(ServiceDescriptor.Singleton(options));
        services.AddHostedService<ChangeRecordPurger>();
        return services;
    }
}
