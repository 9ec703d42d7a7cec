using System.Security.Cryptography;
using System.Text;

namespace Databrain.Application.Common.Security;

/// <summary>
/// The one-way hash under which service tokens are stored and looked up. Tokens are long random strings,
/// so plain SHA-256 is enough (no salt or stretching needed); the plaintext is never stored.
/// </summary>
public static class ServiceTokenHash
{
    public static string Of(string token)
    {
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
