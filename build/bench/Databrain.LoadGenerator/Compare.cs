using System.Globalization;

namespace Databrain.LoadGenerator;

/// <summary>
/// Each scenario, in rounds that alternate service and raw baseline (so that drift of the machine hits both),
/// then a table of requests per second and p50/p99 latency, and the create throughput ratio as the last line.
/// </summary>
internal static class Compare
{
    public static async Task<int> RunAsync(Uri service, Uri raw, string token, int warmupSeconds, int seconds, int rounds, int connections)
    {
        var targets = new[] { ("service", service), ("raw", raw) };
        var clients = targets.ToDictionary(t => t.Item1, t => Measurement.Client(t.Item2, connections));
        var run = Guid.NewGuid().ToString("N")[..8];

        // Warm-up, the scenarios in turn in one-second slices: connection pools, SQLite's page cache and the JIT's
        // tiering. The service (far more code than the baseline) needs about ten seconds of load to reach its steady
        // state; measured from a cold start it spends three times the CPU per request, so a shorter warm-up would
        // time the compiler rather than the service.
        foreach (var (name, _) in targets)
        {
            for (var slice = 0; slice < warmupSeconds; slice++)
            {
                var scenario = Scenario.All[slice % Scenario.All.Count];
                await Measurement.RunAsync(clients[name], token, scenario, $"warm-{run}-{name}-{scenario.Tag}-{slice}", connections, TimeSpan.FromSeconds(1));
            }
        }

        var results = new Dictionary<(string Scenario, string Target), Measurement>();
        foreach (var scenario in Scenario.All)
        {
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (name, _) in round % 2 == 0 ? targets : targets.Reverse())
                {
                    var measured = await Measurement.RunAsync(clients[name], token, scenario, $"{run}-{name}-{scenario.Tag}-{round}", connections, TimeSpan.FromSeconds(seconds));
                    if (!results.TryGetValue((scenario.Name, name), out var total))
                    {
                        results[(scenario.Name, name)] = total = new Measurement();
                    }

                    total.Add(measured);
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{connections} keep-alive connections, {warmupSeconds} s warm-up, {rounds} alternating rounds of {seconds} s per scenario and target"));
        Console.WriteLine($"{"scenario",-42} {"target",-8} {"req/s",10} {"p50 ms",8} {"p99 ms",8} {"failed",7}");
        foreach (var ((scenario, target), m) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario,-42} {target,-8} {m.RequestsPerSecond,10:0.0} {m.Percentile(0.50),8:0.00} {m.Percentile(0.99),8:0.00} {m.Failures,7}"));
        }

        // Keyed creates on the service alone (the baseline has no keys): a figure beside the unkeyed creates, no target.
        var keyed = new Measurement();
        for (var round = 0; round < rounds; round++)
        {
            keyed.Add(await Measurement.RunAsync(clients["service"], token, Scenario.KeyedCreate, $"{run}-keyed-{round}", connections, TimeSpan.FromSeconds(seconds)));
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{Scenario.KeyedCreate.Name,-42} {"service",-8} {keyed.RequestsPerSecond,10:0.0} {keyed.Percentile(0.50),8:0.00} {keyed.Percentile(0.99),8:0.00} {keyed.Failures,7}"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"keyed-create throughput (service, keyed/unkeyed): {keyed.RequestsPerSecond / results[(Scenario.Create.Name, "service")].RequestsPerSecond:0.00}"));

        var failures = results.Values.Sum(m => m.Failures) + keyed.Failures;
        var ratio = results[(Scenario.Create.Name, "service")].RequestsPerSecond / results[(Scenario.Create.Name, "raw")].RequestsPerSecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"create-workspace throughput ratio (service/raw): {ratio:0.00}"));
        return failures == 0 ? 0 : 1;
    }
}
