namespace Databrain.Application.Common.Security;

/// <summary>A token's public id: not a secret, and random, so that it says nothing of other organizations' tokens.</summary>
public static class ServiceTokenIds
{
    public static string New() => "tok_" + Guid.NewGuid().ToString("N");
}
