Console.WriteLine("load test: see docs/benchmarks.md");
