using System.Diagnostics;
using System.Globalization;

namespace Databrain.LoadGenerator;

/// <summary>
/// Scenarios against one target (the service on another database than the baseline's, where a ratio would
/// compare databases rather than layers; or several instances behind a proxy): the same warm-up and table as
/// <see cref="Compare"/>, without ratios. With a process id of 0 (several processes) no CPU is read.
/// </summary>
internal static class Figures
{
    /// <param name="scenarios">Scenario names to run, comma-separated (<c>create,read</c>), or <c>all</c>.</param>
    public static async Task<int> RunAsync(Uri target, string label, string token, int warmupSeconds, int seconds, int rounds, int connections, int pid, string scenarios = "all")
    {
        using var process = pid == 0 ? null : Process.GetProcessById(pid);
        using var client = Measurement.Client(target, connections);
        var run = Guid.NewGuid().ToString("N")[..8];
        await Compare.WarmUpAsync(client, token, run, warmupSeconds, connections);
        await Compare.CreateSharedWorkspaceAsync(client, token);

        var results = new Dictionary<(string Scenario, string Target), Measurement>();
        var chosen = scenarios.Split(',');
        foreach (var scenario in Scenario.All.Concat(Scenario.ServiceOnly).Where(s => scenarios == "all" || chosen.Contains(s.Tag)))
        {
            var total = results[(scenario.Name, label)] = new Measurement();
            for (var round = 0; round < rounds; round++)
            {
                total.Add(await Measurement.RunAsync(client, token, scenario, $"{run}-{scenario.Tag}-{round}", connections, TimeSpan.FromSeconds(seconds), process));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{connections} keep-alive connections, {warmupSeconds} s warm-up, {rounds} rounds of {seconds} s per scenario"));
        Compare.PrintTable(results);
        return results.Values.Sum(m => m.Failures) == 0 ? 0 : 1;
    }
}
