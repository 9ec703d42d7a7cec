using BenchmarkDotNet.Running;

// dotnet run -c Release --project build/bench/Databrain.Benchmarks -- --filter '*'   (add --job short for a quick run)
BenchmarkSwitcher.FromAssembly(typeof(Databrain.Benchmarks.PipelineBenchmarks).Assembly).Run(args);
