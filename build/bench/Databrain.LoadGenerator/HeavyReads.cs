using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;

namespace Databrain.LoadGenerator;

/// <summary>
/// build/heavy-reads.sh: slow readers of the whole list (each reads 1 KB every 0.1 s, and waits out a 429's
/// Retry-After before it asks again), one writer creating and deleting back to back, and a probe of
/// /health/live every 50 ms, for a given time; meanwhile the service's resident memory is sampled.
/// </summary>
internal static class HeavyReads
{
    /// <summary>Adds <paramref name="count"/> workspaces to the first organization of a migrated SQLite file, in one statement.</summary>
    public static int StoreWorkspaces(string database, int count)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
            INSERT INTO Workspaces (PublicId, OrganizationId, Name, ConnectionType, IsEnableMetricSuggestions, IsEnableMetricSummary)
            SELECT '00000000-0000-4000-8000-' || printf('%012d', i), (SELECT MIN(Id) FROM Organizations), 'heavy-reads-' || printf('%06d', i),
                   'MULTI_DATAMART', 0, 0
            FROM n
            """;
        insert.Parameters.AddWithValue("$count", count);
        insert.ExecuteNonQuery();
        return 0;
    }

    public static async Task<int> RunAsync(Uri target, string token, int readers, int seconds, int pid)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = readers + 8, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = target,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var health = new List<double>();
        var writer = new List<double>();
        var counts = new ReaderCounts();
        long peakRss = 0;

        var tasks = Enumerable.Range(0, readers).Select(_ => ReadSlowlyAsync(client, token, counts, stop.Token)).ToList();
        tasks.Add(WriteAsync(client, token, writer, stop.Token));
        tasks.Add(ProbeAsync(client, health, stop.Token));
        tasks.Add(Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakRss = Math.Max(peakRss, ResidentBytes(pid));
                await Delay(TimeSpan.FromMilliseconds(500), stop.Token);
            }
        }));
        await Task.WhenAll(tasks);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"/health/live: {Line(health)} (target: p99 under 100 ms)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"writer:       {Line(writer)} (target: p99 under 250 ms)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"readers:      {counts.Started} lists started, {counts.Finished} read whole, {counts.Refused} answered 429, {counts.Failed} failed"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"service RSS:  peak {peakRss / 1024.0 / 1024.0:0} MB (target: under 300 MB)"));
        return counts.Failed == 0 ? 0 : 1;
    }

    private static async Task ReadSlowlyAsync(HttpClient client, string token, ReaderCounts counts, CancellationToken stop)
    {
        var buffer = new byte[1024];
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v2/workspace");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Interlocked.Increment(ref counts.Refused);
                    await Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), stop);
                    continue;
                }

                Interlocked.Increment(ref counts.Started);
                await using var body = await response.Content.ReadAsStreamAsync(stop);
                while (await body.ReadAsync(buffer, stop) > 0)
                {
                    await Delay(TimeSpan.FromMilliseconds(100), stop);
                }

                Interlocked.Increment(ref counts.Finished);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref counts.Failed);
            }
        }
    }

    private static async Task WriteAsync(HttpClient client, string token, List<double> latencies, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var name = $"heavy-reads-writer-{i}";
            using var create = Scenario.Create.Request(name);
            using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v2/workspace?name={name}");
            foreach (var request in new[] { create, delete })
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request, stop);
                    latencies.Add(response.IsSuccessStatusCode ? Stopwatch.GetElapsedTime(started).TotalMilliseconds : double.PositiveInfinity);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private static async Task ProbeAsync(HttpClient client, List<double> latencies, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative), stop);
                latencies.Add(response.IsSuccessStatusCode ? Stopwatch.GetElapsedTime(started).TotalMilliseconds : double.PositiveInfinity);
                await Delay(TimeSpan.FromMilliseconds(50), stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static async Task Delay(TimeSpan wait, CancellationToken stop)
    {
        try
        {
            await Task.Delay(wait, stop);
        }
        catch (OperationCanceledException)
        {
            // the run is over; the caller's loop ends
        }
    }

    private static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static string Line(List<double> latencies)
    {
        var sorted = latencies.Order().ToArray();
        double At(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"{sorted.Length,6} requests, p50 {At(0.5):0.0} ms, p99 {At(0.99):0.0} ms, max {At(1):0.0} ms");
    }

    private sealed class ReaderCounts
    {
        public int Started;
        public int Finished;
        public int Refused;
        public int Failed;
    }
}
