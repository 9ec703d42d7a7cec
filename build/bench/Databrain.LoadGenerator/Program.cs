using System.Globalization;
using Databrain.LoadGenerator;

// build/bench.sh drives this: "compare" measures the service against the raw baseline, "figures" measures the
// service alone (on PostgreSQL), "latency" measures one
// target's create latency, "populate" loads catalog rows for the --scale run, "drive" loads one target with one scenario (for profiling);
// build/soak.sh drives "soak": a mixed load for a given time; build/purge.sh drives "keys" and "purge"; build/heavy-reads.sh drives "workspaces" and "heavy-reads"; build/list-filters.sh drives "list-filters".
return args switch
{
    ["compare", var service, var raw, var token, var warmup, var seconds, var rounds, var serviceOnlyRounds, var connections, var servicePid, var rawPid] =>
        await Compare.RunAsync(new Uri(service), new Uri(raw), token, Number(warmup), Number(seconds), Number(rounds), Number(serviceOnlyRounds), Number(connections), Number(servicePid), Number(rawPid)),
    ["figures", var target, var label, var token, var warmup, var seconds, var rounds, var connections, var pid] =>
        await Figures.RunAsync(new Uri(target), label, token, Number(warmup), Number(seconds), Number(rounds), Number(connections), Number(pid)),
    ["figures", var target, var label, var token, var warmup, var seconds, var rounds, var connections, var pid, var scenarios] =>
        await Figures.RunAsync(new Uri(target), label, token, Number(warmup), Number(seconds), Number(rounds), Number(connections), Number(pid), scenarios),
    ["drive", var target, var token, var scenario, var seconds, var connections] =>
        await Drive.RunAsync(new Uri(target), token, scenario, Number(seconds), Number(connections)),
    ["latency", var target, var token, var count] => await Latency.RunAsync(new Uri(target), token, Number(count)),
    ["populate", var database, var rows] => Populate.Run(database, Number(rows)),
    ["soak", var target, var token, var seconds, var database] => await Soak.RunAsync(new Uri(target), token, Number(seconds), database),
    ["workspaces", var database, var count] => HeavyReads.StoreWorkspaces(database, Number(count)),
    ["list-filters", var target, var token, var requests, .. var queries] when queries.Length > 0 =>
        await ListFilters.RunAsync(new Uri(target), token, Number(requests), queries),
    ["heavy-reads", var target, var token, var readers, var seconds, var pid] =>
        await HeavyReads.RunAsync(new Uri(target), token, Number(readers), Number(seconds), Number(pid)),
    ["keys", var database, var count, var expiresAt] => Purge.StoreKeys(database, Number(count), long.Parse(expiresAt, CultureInfo.InvariantCulture)),
    ["purge", var writer, var token, var expiresAt, var purgerLog, var warmup] =>
        await Purge.RunAsync(new Uri(writer), token, long.Parse(expiresAt, CultureInfo.InvariantCulture), purgerLog, Number(warmup)),
    _ => Usage(),
};

static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("usage: compare <service-url> <raw-url> <token> <warm-up-seconds> <seconds> <rounds> <service-only-rounds> <connections> <service-pid> <raw-pid> | figures <url> <label> <token> <warm-up-seconds> <seconds> <rounds> <connections> <pid (0: none)> [<scenario tags, comma-separated>] | drive <url> <token> <create|create-rejected|list> <seconds> <connections> | latency <url> <token> <count> | populate <sqlite-file> <rows> | soak <url> <token> <seconds> <sqlite-file> | workspaces <sqlite-file> <count> | heavy-reads <url> <token> <readers> <seconds> <service-pid> | list-filters <url> <token> <requests> <query>... | keys <sqlite-file> <count> <expires-at-unix-ms> | purge <writer-url> <token> <expires-at-unix-ms> <purger-log> <warm-up-seconds>");
    return 2;
}
