using System.Diagnostics;
using System.Globalization;

namespace Databrain.LoadGenerator;

/// <summary>
/// A filtered page against an unfiltered one (build/list-filters.sh): page 1 of each query, one request at a time
/// on one connection, the queries taking turns so that both see the same machine. Prints each query's median
/// latency in milliseconds, and the filtered ones' ratio to the unfiltered page.
/// </summary>
internal static class ListFilters
{
    public static async Task<int> RunAsync(Uri target, string token, int requests, IReadOnlyList<string> queries)
    {
        using var client = Measurement.Client(target, 1);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var times = queries.ToDictionary(q => q, _ => new List<double>());
        for (var round = -10; round < requests; round++)
        {
            foreach (var query in queries)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync($"/api/v2/workspace{query}");
                var body = await response.Content.ReadAsByteArrayAsync();
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode || body.Length == 0)
                {
                    Console.Error.WriteLine($"{query} answered {(int)response.StatusCode}");
                    return 1;
                }

                if (round >= 0)
                {
                    times[query].Add(elapsed);
                }
            }
        }

        var baseline = Median(times[queries[0]]);
        foreach (var query in queries)
        {
            var median = Median(times[query]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{query,-60} median {median,7:0.000} ms  ({median / baseline:0.00}x the first)"));
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
