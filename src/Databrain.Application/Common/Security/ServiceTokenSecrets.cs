namespace Databrain.Application.Common.Security;

/// <summary>A new token's secret: shown once, to the operator; only its <see cref="ServiceTokenHash"/> is stored.</summary>
public static class ServiceTokenSecrets
{
    /// <summary>Recognisable in secret scanners and log reviews; the rest is 256 random bits.</summary>
    public const string Prefix = "dbn_live_";

    public static string New() => Prefix + System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
