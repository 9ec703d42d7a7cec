using System.Globalization;
using Databrain.LoadGenerator;

// build/bench.sh drives this: "compare" measures the service against the raw baseline, "latency" measures one
// target's create latency, "populate" loads catalog rows for the --scale run.
return args switch
{
    ["compare", var service, var raw, var token, var seconds, var rounds, var connections] =>
        await Compare.RunAsync(new Uri(service), new Uri(raw), token, Number(seconds), Number(rounds), Number(connections)),
    ["latency", var target, var token, var count] => await Latency.RunAsync(new Uri(target), token, Number(count)),
    ["populate", var database, var rows] => Populate.Run(database, Number(rows)),
    _ => Usage(),
};

static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("usage: compare <service-url> <raw-url> <token> <seconds> <rounds> <connections> | latency <url> <token> <count> | populate <sqlite-file> <rows>");
    return 2;
}
