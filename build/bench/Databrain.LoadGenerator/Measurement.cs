using System.Diagnostics;
using System.Net.Http.Headers;

namespace Databrain.LoadGenerator;

/// <summary>Successful requests and their latencies, over the time they were measured.</summary>
internal sealed class Measurement
{
    private readonly List<double> _latenciesMs = [];

    public TimeSpan Elapsed { get; private set; }

    /// <summary>CPU time the target process spent over the measurement (user and system, from its own counters).</summary>
    public TimeSpan TargetCpu { get; private set; }

    /// <summary>CPU time of the target per successful request, in microseconds.</summary>
    public double CpuMicrosecondsPerRequest => TargetCpu.TotalMicroseconds / Successes;

    public int Failures { get; private set; }

    public int Successes => _latenciesMs.Count;

    public double RequestsPerSecond => Successes / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (_latenciesMs.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _latenciesMs.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    public void Add(Measurement other)
    {
        _latenciesMs.AddRange(other._latenciesMs);
        Failures += other.Failures;
        Elapsed += other.Elapsed;
        TargetCpu += other.TargetCpu;
    }

    /// <summary><paramref name="connections"/> keep-alive connections, each sending requests back to back for the duration.</summary>
    /// <param name="target">The process that serves the requests, whose CPU time is read before and after; null for none.</param>
    public static async Task<Measurement> RunAsync(HttpClient client, string token, Scenario scenario, string namePrefix, int connections, TimeSpan duration, Process? target = null)
    {
        var result = new Measurement();
        var cpuBefore = CpuOf(target);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async worker =>
        {
            var local = new Measurement();
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                using var request = scenario.Request($"{namePrefix}-{worker}-{i}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                var ok = await scenario.SucceededAsync(response);
                if (ok)
                {
                    local._latenciesMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    local.Failures++;
                }
            }

            return local;
        }).ToArray();

        foreach (var local in await Task.WhenAll(workers))
        {
            result._latenciesMs.AddRange(local._latenciesMs);
            result.Failures += local.Failures;
        }

        result.Elapsed = clock.Elapsed;
        result.TargetCpu = CpuOf(target) - cpuBefore;
        return result;
    }

    private static TimeSpan CpuOf(Process? process)
    {
        if (process is null)
        {
            return TimeSpan.Zero;
        }

        process.Refresh();
        return process.TotalProcessorTime;
    }

    public static HttpClient Client(Uri target, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = target,
        };
}
