using System.Globalization;

namespace Databrain.LoadGenerator;

/// <summary>Creates one after another on one connection; prints the median latency in milliseconds (the --scale measure).</summary>
internal static class Latency
{
    public static async Task<int> RunAsync(Uri target, string token, int count)
    {
        using var client = Measurement.Client(target, 1);
        var prefix = Guid.NewGuid().ToString("N")[..8];
        await Measurement.RunAsync(client, token, Scenario.Create, $"warm-{prefix}", 1, TimeSpan.FromSeconds(1));
        var all = new Measurement();
        for (var i = 0; i < count; i++)
        {
            all.Add(await Measurement.RunAsync(client, token, Scenario.Create, $"{prefix}-{i}", 1, TimeSpan.FromMilliseconds(1)));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{all.Percentile(0.5):0.000}"));
        return all.Failures == 0 ? 0 : 1;
    }
}
