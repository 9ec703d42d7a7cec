using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;

namespace Databrain.LoadGenerator;

/// <summary>
/// build/purge.sh: "keys" stores expired-to-be idempotency keys in a migrated SQLite file; "purge" measures one
/// instance's creates (one client creating and deleting back to back) before the keys expire (the baseline) and
/// while another instance purges them, until that instance logs the end of its purge.
/// </summary>
internal static class Purge
{
    /// <summary>Stores <paramref name="count"/> keys of one organization, each with a 200-character answer, all expiring at <paramref name="expiresAtUnixMs"/>.</summary>
    public static int StoreKeys(string database, int count, long expiresAtUnixMs)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO IdempotencyKeys (OrganizationId, IdempotencyKey, Fingerprint, Value, CreatedAtUnixMs, ExpiresAtUnixMs)
            VALUES ((SELECT MIN(Id) FROM Organizations), $key, $fingerprint, $value, $expires, $expires)
            """;
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        insert.Parameters.AddWithValue("$fingerprint", "v2:" + new string('0', 64));
        insert.Parameters.AddWithValue("$value", "{\"Name\":\"" + new string('x', 190) + "\"}");
        insert.Parameters.AddWithValue("$expires", expiresAtUnixMs);
        insert.Prepare();
        for (var i = 0; i < count; i++)
        {
            key.Value = $"purge-{i:D7}";
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return 0;
    }

    public static async Task<int> RunAsync(Uri writer, string token, long expiresAtUnixMs, string purgerLog, int warmupSeconds)
    {
        using var client = Measurement.Client(writer, 1);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var expires = DateTimeOffset.FromUnixTimeMilliseconds(expiresAtUnixMs);
        var warmUntil = DateTimeOffset.UtcNow.AddSeconds(warmupSeconds);
        var baseline = new List<double>();
        var duringPurge = new List<double>();
        var failures = 0;
        var purgeClock = new Stopwatch();
        for (var i = 0; ; i++)
        {
            var now = DateTimeOffset.UtcNow;
            List<double>? phase = now < warmUntil ? null : now < expires ? baseline : duringPurge;
            if (phase == duringPurge && !purgeClock.IsRunning)
            {
                purgeClock.Start();
            }

            if (phase == duringPurge && i % 50 == 0 && File.ReadAllText(purgerLog).Contains("Purged ", StringComparison.Ordinal))
            {
                break;
            }

            var name = $"purge-writer-{i}";
            var started = Stopwatch.GetTimestamp();
            using var created = await client.SendAsync(Scenario.Create.Request(name));
            var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            using var deleted = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v2/workspace?name={name}"));
            if (!created.IsSuccessStatusCode || !deleted.IsSuccessStatusCode)
            {
                failures++;
                continue;
            }

            phase?.Add(latency);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"creates, no purge running:   {Line(baseline)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"creates, during the purge:   {Line(duringPurge)} (the purge took {purgeClock.Elapsed.TotalSeconds:0} s)"));
        var ratio = Percentile(duringPurge, 0.99) / Percentile(baseline, 0.99);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p99 during the purge / p99 without: {ratio:0.00} (target: at most 2), failed requests: {failures}"));
        return failures == 0 ? 0 : 1;
    }

    private static string Line(List<double> latencies) => string.Create(
        CultureInfo.InvariantCulture,
        $"{latencies.Count,6} creates, p50 {Percentile(latencies, 0.5):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies.DefaultIfEmpty(double.NaN).Max():0.0} ms");

    private static double Percentile(List<double> latencies, double p)
    {
        if (latencies.Count == 0)
        {
            return double.NaN;
        }

        var sorted = latencies.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
