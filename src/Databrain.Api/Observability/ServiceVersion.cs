using System.Reflection;

namespace Databrain.Api.Observability;

/// <summary>
/// The service's version, from git tags at build time (MinVer): shown by <c>--version</c>, in the OpenAPI
/// document's <c>info.version</c> and in <c>/health/ready</c>'s body.
/// </summary>
public static class ServiceVersion
{
    public static string Value { get; } =
        typeof(ServiceVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
