using System.Diagnostics;
using System.Globalization;

namespace Databrain.LoadGenerator;

/// <summary>
/// Each scenario, in rounds that alternate service and raw baseline (so that drift of the machine hits both),
/// then a table of requests per second, p50/p99 latency and each process's CPU time per request (from its own
/// counters, over the measured rounds), and as the last three lines the throughput ratios: rejected create,
/// list, create.
/// </summary>
internal static class Compare
{
    public static async Task<int> RunAsync(Uri service, Uri raw, string token, int warmupSeconds, int seconds, int rounds, int serviceOnlyRounds, int connections, int servicePid, int rawPid)
    {
        var targets = new[] { ("service", service), ("raw", raw) };
        using var serviceProcess = Process.GetProcessById(servicePid);
        using var rawProcess = Process.GetProcessById(rawPid);
        var processes = new Dictionary<string, Process> { ["service"] = serviceProcess, ["raw"] = rawProcess };
        var clients = targets.ToDictionary(t => t.Item1, t => Measurement.Client(t.Item2, connections));
        var run = Guid.NewGuid().ToString("N")[..8];

        foreach (var (name, _) in targets)
        {
            await WarmUpAsync(clients[name], token, $"{run}-{name}", warmupSeconds, connections);
        }

        var results = new Dictionary<(string Scenario, string Target), Measurement>();
        foreach (var scenario in Scenario.All)
        {
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (name, _) in round % 2 == 0 ? targets : targets.Reverse())
                {
                    var measured = await Measurement.RunAsync(clients[name], token, scenario, $"{run}-{name}-{scenario.Tag}-{round}", connections, TimeSpan.FromSeconds(seconds), processes[name]);
                    if (!results.TryGetValue((scenario.Name, name), out var total))
                    {
                        results[(scenario.Name, name)] = total = new Measurement();
                    }

                    total.Add(measured);
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{connections} keep-alive connections, {warmupSeconds} s warm-up, {rounds} alternating rounds of {seconds} s per scenario and target"));
        // Keyed creates, read one and update, on the service alone (the baseline has none of them): figures, no target.
        await CreateSharedWorkspaceAsync(clients["service"], token);
        foreach (var scenario in serviceOnlyRounds > 0 ? Scenario.ServiceOnly : [])
        {
            var total = results[(scenario.Name, "service")] = new Measurement();
            for (var round = 0; round < serviceOnlyRounds; round++)
            {
                total.Add(await Measurement.RunAsync(clients["service"], token, scenario, $"{run}-{scenario.Tag}-{round}", connections, TimeSpan.FromSeconds(seconds), serviceProcess));
            }
        }

        PrintTable(results);

        if (results.TryGetValue((Scenario.KeyedCreate.Name, "service"), out var keyed))
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"keyed-create throughput (service, keyed/unkeyed): {keyed.RequestsPerSecond / results[(Scenario.Create.Name, "service")].RequestsPerSecond:0.00}"));
        }
        foreach (var (scenario, label) in new[] { (Scenario.Rejected, "rejected-create"), (Scenario.List, "list"), (Scenario.Create, "create-workspace") })
        {
            var ratio = results[(scenario.Name, "service")].RequestsPerSecond / results[(scenario.Name, "raw")].RequestsPerSecond;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} throughput ratio (service/raw): {ratio:0.00}"));
        }

        return results.Values.Sum(m => m.Failures) == 0 ? 0 : 1;
    }

    /// <summary>
    /// Warm-up, the scenarios in turn in one-second slices: connection pools, the database's page cache and the
    /// JIT's tiering. The service (far more code than the baseline) needs about ten seconds of load to reach its
    /// steady state; measured from a cold start it spends three times the CPU per request, so a shorter warm-up
    /// would time the compiler rather than the service.
    /// </summary>
    public static async Task WarmUpAsync(HttpClient client, string token, string prefix, int warmupSeconds, int connections)
    {
        for (var slice = 0; slice < warmupSeconds; slice++)
        {
            var scenario = Scenario.All[slice % Scenario.All.Count];
            await Measurement.RunAsync(client, token, scenario, $"warm-{prefix}-{scenario.Tag}-{slice}", connections, TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>The workspace that the read-one and update scenarios work on.</summary>
    public static async Task CreateSharedWorkspaceAsync(HttpClient client, string token)
    {
        using var shared = Scenario.Create.Request(Scenario.SharedWorkspace);
        shared.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        (await client.SendAsync(shared)).Dispose();
    }

    public static void PrintTable(IReadOnlyDictionary<(string Scenario, string Target), Measurement> results)
    {
        Console.WriteLine($"{"scenario",-42} {"target",-8} {"req/s",10} {"p50 ms",8} {"p99 ms",8} {"CPU µs/req",11} {"failed",7}");
        foreach (var ((scenario, target), m) in results)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{scenario,-42} {target,-8} {m.RequestsPerSecond,10:0.0} {m.Percentile(0.50),8:0.00} {m.Percentile(0.99),8:0.00} {(m.TargetCpu == TimeSpan.Zero ? "-" : m.CpuMicrosecondsPerRequest.ToString("0", CultureInfo.InvariantCulture)),11} {m.Failures,7}"));
        }
    }
}
