using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Kapi.Benchmarks;

// Usage: dotnet run -c Release --project tests/Kapi.Benchmarks -- [quick|full] [BenchmarkDotNet args, e.g. --filter *FrontEnd*]
string mode = args.Length > 0 && args[0] is "quick" or "full" ? args[0] : "quick";
var rest = args.Length > 0 && args[0] is "quick" or "full" ? args[1..] : args;

var job = mode == "quick"
    ? Job.ShortRun.WithWarmupCount(1).WithIterationCount(3).WithLaunchCount(1)
    : Job.Default;
// In-process: the auto-generated benchmark project would inherit the repo's central package pins.
job = job.WithToolchain(InProcessEmitToolchain.Instance);
var config = DefaultConfig.Instance.AddJob(job.AsDefault()).WithOptions(ConfigOptions.DisableOptimizationsValidator);

var summaries = BenchmarkSwitcher.FromAssembly(typeof(FrontEndBenchmarks).Assembly).Run(rest.Length == 0 ? new[] { "--filter", "*" } : rest, config);

// Throughput for the front-end benchmarks, from the measured means.
foreach (var summary in summaries)
{
    foreach (var report in summary.Reports)
    {
        if (report.ResultStatistics is null) continue;
        string method = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
        long bytes = method switch
        {
            "ParseBind_CorpusConcatenated" => BenchmarkInputs.Concatenated.Length,
            "ParseBind_Synthetic4MB" => BenchmarkInputs.Synthetic.Length,
            "ParseBind_PerFile" => BenchmarkInputs.SpecFiles.Sum(f => (long)f.Text.Length),
            _ => 0,
        };
        if (bytes == 0) continue;
        double seconds = report.ResultStatistics.Median / 1e9;
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "THROUGHPUT {0}: {1:F1} MB/s ({2:N0} chars in {3:F2} ms median)", method, bytes / seconds / 1e6, bytes, seconds * 1e3));
    }
}
