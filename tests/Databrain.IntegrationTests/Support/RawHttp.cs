using System.Net.Sockets;
using System.Text;

namespace Databrain.IntegrationTests.Support;

/// <summary>
/// Sends bytes exactly as given over a socket to the test server, for requests HttpClient refuses to make
/// (two Content-Type headers, a Content-Length that lies), and reads the first response.
/// </summary>
public static class RawHttp
{
    public sealed record Response(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

    /// <param name="baseAddress">The server, from the test client.</param>
    /// <param name="head">Request line and headers, without the blank line that ends them.</param>
    /// <param name="body">Bytes sent after the headers.</param>
    public static async Task<Response> SendAsync(Uri baseAddress, string head, byte[] body)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{head}\r\nHost: {baseAddress.Authority}\r\nConnection: close\r\n\r\n"));
        await stream.WriteAsync(body);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        return Parse(received.ToArray());
    }

    private static Response Parse(byte[] raw)
    {
        var headEnd = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        var lines = Encoding.ASCII.GetString(raw, 0, headEnd).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = raw.AsSpan(headEnd + 4);
        var chunked = headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase);

        // Only the first response is read: bytes after it (a second response, after a lying Content-Length) are not ours.
        return new Response(status, headers, Encoding.UTF8.GetString(chunked ? Dechunk(body) : body));
    }

    private static byte[] Dechunk(ReadOnlySpan<byte> chunked)
    {
        var result = new MemoryStream();
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(chunked[..lineEnd]).Split(';')[0], 16);
            if (size == 0)
            {
                return result.ToArray();
            }

            result.Write(chunked.Slice(lineEnd + 2, size));
            chunked = chunked[(lineEnd + 2 + size + 2)..];
        }
    }
}
