using System.Globalization;

namespace Databrain.LoadGenerator;

/// <summary>
/// One scenario against one target for a while, then its figures: the load to run under a profiler
/// (docs/performance.md, "Profiling").
/// </summary>
internal static class Drive
{
    public static async Task<int> RunAsync(Uri target, string token, string scenarioName, int seconds, int connections)
    {
        var scenario = Scenario.All.FirstOrDefault(s => s.Tag == scenarioName);
        if (scenario is null)
        {
            await Console.Error.WriteLineAsync($"unknown scenario '{scenarioName}': one of {string.Join(", ", Scenario.All.Select(s => s.Tag))}");
            return 2;
        }

        using var client = Measurement.Client(target, connections);
        var m = await Measurement.RunAsync(client, token, scenario, $"drive-{Guid.NewGuid():N}", connections, TimeSpan.FromSeconds(seconds));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario.Name}: {m.RequestsPerSecond:0.0} req/s, p50 {m.Percentile(0.50):0.00} ms, p99 {m.Percentile(0.99):0.00} ms, {m.Failures} failed"));
        return m.Failures == 0 ? 0 : 1;
    }
}
