using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Databrain.LoadGenerator;

/// <summary>
/// build/soak.sh's load: for a given time, a mix of every kind of request the service meets (creates, updates,
/// reads, deletes, rejected creates, lists, bad bodies, unknown tokens, slow readers), while this process holds
/// SQLite's write lock for a few seconds, twice. Prints what was served and every 5xx by cause: a 5xx is
/// expected only for a write that waited on the held lock.
/// </summary>
internal static class Soak
{
    private static readonly TimeSpan LockHeld = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(Uri target, string token, int seconds, string database)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = target, Timeout = TimeSpan.FromSeconds(60) };
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var counts = new ConcurrentDictionary<string, int>();
        var lockWindows = new ConcurrentBag<(DateTime From, DateTime To)>();
        var fiveHundreds = new ConcurrentBag<(string Kind, DateTime Started, DateTime Ended)>();

        async Task Loop(string kind, Func<int, Task<HttpStatusCode>> send)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var started = DateTime.UtcNow;
                HttpStatusCode status;
                try
                {
                    status = await send(i);
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException or TaskCanceledException)
                {
                    counts.AddOrUpdate($"{kind}: transport error {ex.GetType().Name}", 1, (_, n) => n + 1);
                    continue;
                }

                counts.AddOrUpdate($"{kind}: {(int)status}", 1, (_, n) => n + 1);
                if ((int)status >= 500)
                {
                    fiveHundreds.Add((kind, started, DateTime.UtcNow));
                }
            }
        }

        // The service trusts this process as a proxy (soak.sh), so each kind of client has an address of its own:
        // the guessing client's address is the one the failed-authentication limit stops.
        async Task<HttpStatusCode> Send(HttpMethod method, string query, string? json, string? bearer = null, string from = "198.51.100.1")
        {
            using var request = new HttpRequestMessage(method, "/api/v2/workspace" + query);
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", from);
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {bearer ?? token}");
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            return response.StatusCode;
        }

        // Each writer creates, updates, reads and deletes its own workspaces, so the database stays the same size.
        Task Writer(int worker) => Loop("create/update/read/delete", async i =>
        {
            var name = $"soak-{worker}-{i % 4}";
            var step = (i / 4) % 4;
            return step switch
            {
                0 => await Send(HttpMethod.Post, string.Empty, $$"""{"name":"{{name}}","connectionType":"DATASOURCE","datasourceName":"postgres-main","aiCopilotLlms":["gpt-4o"]}"""),
                1 => await Send(HttpMethod.Put, string.Empty, $$"""{"name":"{{name}}","connectionType":"MULTI_DATAMART","llmName":"gpt-4o","themeName":null}"""),
                2 => await Send(HttpMethod.Get, $"?name={name}", null),
                _ => await Send(HttpMethod.Delete, $"?name={name}", null),
            };
        });

        var garbage = new[]
        {
            "{\"aiCopilotLlms\":[" + string.Join(',', Enumerable.Repeat("0", 30_000)) + "]}",
            "{not json",
            "{\"name\":\"W\",\"connectionType\":\"NOPE\"}",
            "{" + string.Join(',', Enumerable.Range(0, 3_000).Select(i => $"\"p{i}\":0")) + "}",
        };

        var workers = new List<Task>();
        workers.AddRange(Enumerable.Range(0, 6).Select(Writer));
        workers.AddRange(Enumerable.Range(0, 2).Select(_ => Loop("create rejected", i =>
            Send(HttpMethod.Post, string.Empty, $$"""{"name":"r-{{i}}","connectionType":"DATASOURCE","datasourceName":"no-such-datasource"}"""))));
        workers.Add(Loop("list page", i => Send(HttpMethod.Get, $"?isPagination=true&pageNumber={(i % 3) + 1}", null)));
        workers.Add(Loop("list all", _ => Send(HttpMethod.Get, string.Empty, null)));
        workers.Add(Loop("bad body", i => Send(HttpMethod.Post, string.Empty, garbage[i % garbage.Length])));
        workers.Add(Loop("unknown token", i => Send(HttpMethod.Get, string.Empty, null, bearer: $"guess-{i}", from: "203.0.113.66")));
        workers.AddRange(Enumerable.Range(0, 2).Select(_ => Loop("slow reader", _ => SlowReadAsync(target, token))));
        workers.Add(HoldTheWriteLockTwiceAsync(database, seconds, lockWindows));

        await Task.WhenAll(workers);

        var total = counts.Values.Sum();
        Console.WriteLine($"requests served: {total:N0} in {seconds} s");
        foreach (var (kind, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {kind,-50} {count,10:N0}");
        }

        // A 5xx is expected only for a request that was in flight while the write lock was held by this process.
        var expected = fiveHundreds.Count(f => lockWindows.Any(w => f.Started <= w.To && f.Ended >= w.From));
        Console.WriteLine($"5xx while the write lock was held elsewhere (expected): {expected}");
        Console.WriteLine($"5xx at any other time (unexpected): {fiveHundreds.Count - expected}");
        Console.WriteLine($"soak-requests: {total} {fiveHundreds.Count - expected}");
        return 0;
    }

    /// <summary>A client that asks for the whole list and reads it a kilobyte at a time.</summary>
    private static async Task<HttpStatusCode> SlowReadAsync(Uri target, string token)
    {
        using var socket = new TcpClient { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(target.Host, target.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"GET /api/v2/workspace HTTP/1.1\r\nHost: {target.Authority}\r\nAuthorization: Bearer {token}\r\nX-Forwarded-For: 198.51.100.2\r\nConnection: close\r\n\r\n"));
        var buffer = new byte[1024];
        var read = await stream.ReadAsync(buffer);
        var status = read >= 12 && int.TryParse(Encoding.ASCII.GetString(buffer, 9, 3), out var code) ? (HttpStatusCode)code : 0;
        while (read > 0)
        {
            await Task.Delay(50);
            read = await stream.ReadAsync(buffer);
        }

        return status;
    }

    /// <summary>At a third and at two thirds of the run, takes SQLite's write lock from this process and holds it.</summary>
    private static async Task HoldTheWriteLockTwiceAsync(string database, int seconds, ConcurrentBag<(DateTime, DateTime)> windows)
    {
        var clock = Stopwatch.StartNew();
        foreach (var at in new[] { seconds / 3.0, seconds * 2 / 3.0 })
        {
            var wait = TimeSpan.FromSeconds(at) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, CancellationToken.None);
            }

            await using var connection = new SqliteConnection($"Data Source={database};Default Timeout=30");
            await connection.OpenAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE";
            await command.ExecuteNonQueryAsync(CancellationToken.None);
            var from = DateTime.UtcNow;
            await Task.Delay(LockHeld, CancellationToken.None);
            command.CommandText = "ROLLBACK";
            await command.ExecuteNonQueryAsync(CancellationToken.None);
            windows.Add((from, DateTime.UtcNow));
            Console.Error.WriteLine($"held the write lock for {LockHeld.TotalSeconds} s at {at:0} s");
        }
    }
}
