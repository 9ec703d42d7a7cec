using System.Net;
using System.Net.Sockets;

namespace Databrain.Api.RateLimiting;

/// <summary>
/// The group a client address is limited by (docs/api.md, "Rate limits"): an IPv4 address alone (an IPv4 address
/// written as IPv6 too), an IPv6 address by its /64, since one host or network commonly holds a whole /64 and could
/// otherwise guess from as many addresses as it likes.
/// </summary>
public static class ClientAddress
{
    public static string GroupOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
