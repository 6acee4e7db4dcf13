using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Kapi.Benchmarks;

// Usage: dotnet run -c Release --project tests/Kapi.Benchmarks -- [quick|full|runtime] [BenchmarkDotNet args, e.g. --filter *FrontEnd*]
//   quick: 3 warmup and 3 measured iterations of about 100 ms (the analyzer compiles: 1 warm-up round of every
//          variant, then 1 warmup and 2 measured single runs each, RunStrategy.Monitoring); under two minutes on this
//          2-core machine unless it is heavily loaded;
//   full:  BenchmarkDotNet's default job (pilot, adaptive warmup, as many iterations as its statistics ask, here at most 40;
//          the analyzer compiles: 3 warm-up rounds, then 2 warmup and 15 measured single runs), plus longer interleaved
//          rounds; about 10 minutes;
//   runtime: full mode for the run-time benchmarks only (error and success path, every competitor) and their 40
//          interleaved rounds; about 6 minutes.
// Tiered compilation stays at the runtime's default (as in apps and in the compiler server), hence the warm-ups.
// The closing markdown table is printed and written to BenchmarkDotNet.Artifacts/results/kapi-summary.md.

// Profiling aid (no BenchmarkDotNet): `-- trace analyzers|frontend|frontend-corpus|generator [n]` runs one stage's main operation n times
// (`trace runtime [n] [batch] [cpu] [floor]`: n interleaved rounds of the run-time variants against the raw DllImport of their path;
// "floor" adds the ErrnoFloor rows, what reading errno after the raw call costs at the least;
// `trace telemetry [n] [syscall]`: n paired compile rounds and n runs of driver telemetry for the analyzers;
// `trace callbackcpu [n] [syscall]`: KapiFlagsAnalyzer's callbacks timed with the thread CPU clock (not inflated by a loaded machine);
// `trace cputime [n] [syscall]`: n interleaved rounds of process CPU time, Kapi analyzers against an empty operation analyzer
// (with `syscall`: the project's own-P/Invoke third calls mlockall through raw syscall(2) instead);
// `trace realbuild-project DIR`: writes that project to DIR;
// `trace realbuild [n] [server|csc]`: n paired real `dotnet build`s of the analyzer project, with and without the Kapi analyzers),
// for example under `dotnet-trace collect -- dotnet tests/Kapi.Benchmarks/bin/Release/net10.0/Kapi.Benchmarks.dll trace analyzers 5`.
// Keystroke cost in a real language server (csharp-ls, installed into .tools/csharp-ls when missing; no BenchmarkDotNet):
// `-- ide [rounds]` times didChange -> publishDiagnostics with and without the Kapi analyzers (IdeKeystrokeBenchmark).
// Whole kernel tree (no BenchmarkDotNet): `-- tree [TREE] [RUNS]` times `kapi --source TREE` (our Release CLI as a
// process) against upstream's tools/kapi built with cargo, warm cache, RUNS interleaved rounds (TreeBenchmark).
if (args.Length > 0 && args[0] == "tree")
{
    string? treePath = args.Length > 1 ? args[1] : null;
    int treeRuns = args.Length > 2 && int.TryParse(args[2], System.Globalization.CultureInfo.InvariantCulture, out int tr) ? tr : 5;
    return TreeBenchmark.Run(treePath, treeRuns);
}

// `kapi check` end to end (no BenchmarkDotNet): `-- cli [MB] [RUNS] [KAPI...]` runs the shipped CLI (packed and installed
// with `dotnet tool install --tool-path`) as a real process over MB megabytes (default 16) of corpus specs copied into a
// temporary folder, RUNS rounds (default 9), subtracting the start-up measured on an empty folder in the same rounds;
// KAPI: other kapi executables or kapi.dll files to measure in the same rounds ("shipped" names the packed tool) (CliBenchmark).
if (args.Length > 0 && args[0] == "cli")
{
    double megabytes = args.Length > 1 && double.TryParse(args[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double mb) ? mb : 16;
    int cliRuns = args.Length > 2 && int.TryParse(args[2], System.Globalization.CultureInfo.InvariantCulture, out int cr) ? cr : 9;
    return CliBenchmark.Run(megabytes, cliRuns, args.Length > 3 ? args[3..] : Array.Empty<string>());
}

// Analyzer cold start in a fresh compiler process (no BenchmarkDotNet): `-- coldstart [runs] [dir] [specs]` builds a one-file project
// with one mlockall call `runs` times (default 7) with a new csc process each and ReportAnalyzer on, and prints the median
// KapiFlagsAnalyzer / KapiSpecFileAnalyzer times; dir: another build's folder with Kapi.{Syntax,Model,Generators,Analyzers}.dll
// (default: this benchmark's own), e.g. an older commit's for a before/after comparison (ColdStartBenchmark).
if (args.Length > 0 && args[0] == "coldstart")
{
    int runs = args.Length > 1 && int.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out int r) ? r : 7;
    // "specs" (anywhere after the runs) copies this repository's kapi/ specs into the project: the generator's cold start
    // with specs to bind and bindings to emit.
    bool withSpecs = args.Contains("specs");
    string? dir = args.Skip(2).FirstOrDefault(a => a != "specs");
    ColdStartBenchmark.Print(ColdStartBenchmark.Run(runs, dir, withSpecs));
    return 0;
}

if (args.Length > 0 && args[0] == "ide")
{
    int rounds = args.Length > 1 && int.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out int r) ? r : 20;
    IdeKeystrokeBenchmark.Print(IdeKeystrokeBenchmark.Run(rounds));
    return 0;
}

if (args.Length > 1 && args[0] == "trace")
{
    int runs = args.Length > 2 && int.TryParse(args[2], System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : 5;
    Func<int> operation;
    switch (args[1])
    {
        case "analyzers":
        {
            var b = new AnalyzerBenchmarks();
            b.Setup();
            operation = b.Compile_KapiAnalyzers;
            break;
        }
        case "frontend":
        {
            var b = new FrontEndBenchmarks();
            b.Setup();
            operation = b.ParseBind_Synthetic4MB;
            break;
        }
        case "frontend-corpus":
        {
            var b = new FrontEndBenchmarks();
            b.Setup();
            operation = b.ParseBind_CorpusConcatenated;
            break;
        }
        case "generator":
        {
            var b = new GeneratorBenchmarks();
            b.Setup();
            operation = b.Generator_Cold;
            break;
        }
        case "callbackcpu":
        {
            // the flags analyzer's callbacks, timed with the thread CPU clock: median of n compiles
            if (args.Length > 3 && args[3] == "syscall") AnalyzerBenchmarks.UseSyscallProject = true;
            var (ms, callbacks) = CallbackCpuTime.Measure(runs);
            Console.WriteLine($"KapiFlagsAnalyzer callback CPU time (median of {runs}): {ms:F1} ms in {callbacks:N0} callbacks ({ms * 1000 / Math.Max(1, callbacks):F2} µs per callback)");
            return 0;
        }
        case "cputime":
        {
            // n interleaved rounds: process CPU time with the Kapi analyzers and with an empty operation analyzer
            if (args.Length > 3 && args[3] == "syscall") AnalyzerBenchmarks.UseSyscallProject = true;
            var (kapi, control, difference) = AnalyzerBenchmarks.MeasureCpu(runs);
            Console.WriteLine($"CPU time with the Kapi analyzers (median): {kapi:F0} ms; with the empty operation analyzer: {control:F0} ms; paired difference (median of {runs}): {difference:F0} ms");
            return 0;
        }
        case "telemetry":
        {
            if (args.Length > 3 && args[3] == "syscall") AnalyzerBenchmarks.UseSyscallProject = true;
            // n paired rounds (no analyzers / Kapi analyzers) and n telemetry runs: the quickest look at the analyzers' cost
            var t = AnalyzerBenchmarks.Measure(rounds: runs, telemetryRuns: runs);
            Console.WriteLine($"compile without analyzers (median): {t.CompileMs:F0} ms; paired ratio with Kapi analyzers: {t.Paired}");
            foreach (var (name, ms) in t.AnalyzerMs) Console.WriteLine($"{name}: {ms:F1} ms (median of {t.Runs})");
            return 0;
        }
        case "realbuild":
        {
            // optional: "server" or "csc" picks the configurations with or without the compiler server
            string? only = args.Length > 3 ? args[3] : null;
            foreach (var (archs, shared) in RealBuildBenchmark.Configurations)
            {
                if ((only == "server" && !shared) || (only == "csc" && shared)) continue;
                var r = RealBuildBenchmark.Run(runs, archs, shared);
                string name = $"[{archs ?? "AnyCPU"}, {(shared ? "compiler server" : "csc per build")}]";
                Console.WriteLine($"{name} Csc without Kapi analyzers: {r.CscWithoutMs:F0} ms, with: {r.CscWithMs:F0} ms (medians); paired ratio {r.Paired}");
                Console.WriteLine($"{name} CPU without: {r.CpuWithoutMs:F0} ms, with: {r.CpuWithMs:F0} ms (medians); paired ratio {r.PairedCpu?.ToString() ?? "n/a"}");
                Console.WriteLine($"{name} whole dotnet build (wall) without: {r.BuildWithoutMs:F0} ms, with: {r.BuildWithMs:F0} ms (medians); paired ratio {r.PairedBuild?.ToString() ?? "n/a"}");
                Console.WriteLine($"{name} ReportAnalyzer: Kapi.Analyzers {r.KapiAnalyzersMs:F0} ms of {r.AllAnalyzersMs:F0} ms for all analyzers ({r.KapiAnalyzersMs / r.CscReportedMs:P1} of Csc)");
            }
            return 0;
        }
        case "realbuild-project":
            // the real-build project on disk, to build or profile by hand (`dotnet build -p:WithKapiAnalyzers=true` in DIR)
            RealBuildBenchmark.WriteProject(args[2]);
            Console.WriteLine($"written to {args[2]}");
            return 0;
        case "runtime":
            // `trace runtime [rounds] [batch] [cpu]`: calls per batch (default 100,000); "cpu" times each batch by the
            // thread's CPU time instead of the wall clock (time spent descheduled by other jobs is then left out);
            // "floor" adds the ErrnoFloor rows (raw call + errno read in several ways, each against the raw call).
            int batch = args.Length > 3 && int.TryParse(args[3], System.Globalization.CultureInfo.InvariantCulture, out int bt) ? bt : 100_000;
            PairedRatios.UseThreadCpuTime = args.Contains("cpu");
            Console.WriteLine($"{runs} rounds of {batch:N0} calls, {(PairedRatios.UseThreadCpuTime ? "thread CPU time" : "wall clock")}");
            foreach (var (name, ratio) in PairedRatios.RunTime(runs, batch, errnoFloor: args.Contains("floor")))
            {
                Console.WriteLine($"{name}: {ratio}");
            }
            return 0;
        default:
            Console.Error.WriteLine("trace: analyzers, frontend, frontend-corpus, generator, telemetry, callbackcpu, cputime, realbuild or runtime");
            return 2;
    }
    for (int i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        operation();
        Console.WriteLine($"{args[1]} run {i + 1}: {sw.Elapsed.TotalMilliseconds:F0} ms");
    }
    return 0;
}

string[] modes = { "quick", "full", "runtime" };
string mode = args.Length > 0 && modes.Contains(args[0]) ? args[0] : "quick";
var rest = args.Length > 0 && modes.Contains(args[0]) ? args[1..] : args;
if (mode == "runtime")
{
    // `-- runtime`: the run-time benchmarks alone (both paths, every competitor), full job, then the 40 interleaved rounds.
    mode = "full";
    if (!rest.Contains("--filter")) rest = rest.Concat(new[] { "--filter", "*RuntimeBenchmarks*" }).ToArray();
}

var config = DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator);
Job main, heavy, nano;
if (mode == "quick")
{
    main = Job.Default.WithWarmupCount(3).WithIterationCount(3).WithLaunchCount(1)
        .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(100)).WithId("quick");
    // The analyzer compiles take seconds each: no jitting or pilot run, 1 warmup and 2 measured runs each (after the
    // warm-up compiles of AnalyzerBenchmarks.Setup).
    AnalyzerBenchmarks.WarmupRounds = 1;
    heavy = main.WithStrategy(BenchmarkDotNet.Engines.RunStrategy.Monitoring).WithWarmupCount(1).WithIterationCount(2).WithId("quick-monitoring");
    // The run-time calls keep the pilot stage: with a fixed call count, the 3 ns row finished its warmup before tiered
    // compilation had promoted it, and was measured on tier-0 code.
    nano = main;
}
else
{
    // BenchmarkDotNet's adaptive defaults, with the iteration count capped so that a noisy shared machine cannot make
    // one benchmark run for minutes; the analyzer compiles: 3 warm-up rounds of every variant, then 2 warmup runs and
    // 15 measured runs each.
    main = Job.Default.WithMaxIterationCount(40).WithId("full");
    AnalyzerBenchmarks.WarmupRounds = 3;
    heavy = Job.Default.WithStrategy(BenchmarkDotNet.Engines.RunStrategy.Monitoring).WithWarmupCount(2).WithIterationCount(15).WithId("full-monitoring");
    nano = main;
}
// In-process: the auto-generated benchmark project would inherit the repo's central package pins.
main = main.WithToolchain(InProcessEmitToolchain.Instance);
heavy = heavy.WithToolchain(InProcessEmitToolchain.Instance);
nano = nano.WithToolchain(InProcessEmitToolchain.Instance);
string JobFor(Type type) => type == typeof(AnalyzerBenchmarks) ? heavy.Id : type == typeof(RuntimeBenchmarks) ? nano.Id : main.Id;
config = config.AddJob(main);
if (heavy.Id != main.Id) config = config.AddJob(heavy);
if (nano.Id != main.Id) config = config.AddJob(nano);
config = config.AddFilter(new SimpleFilter(b => b.Job.Id == JobFor(b.Descriptor.Type)));

// Mono.Posix needs libMonoPosixHelper.so: without it the row is reported as not run rather than failing the suite.
string? monoUnavailable = RuntimeBenchmarks.ProbeMonoPosix();
if (monoUnavailable is not null)
{
    Console.WriteLine($"Mono.Posix row skipped: {monoUnavailable}");
    config = config.AddFilter(new SimpleFilter(b => b.Descriptor.WorkloadMethod.Name is not (nameof(RuntimeBenchmarks.MonoPosix) or nameof(RuntimeBenchmarks.Success_MonoPosix))));
}

var context = RunContext.Capture(mode, args.Length == 0 ? mode : string.Join(' ', args));
var stopwatch = Stopwatch.StartNew();
var summaries = BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(FrontEndBenchmarks).Assembly)
    .Run(rest.Length == 0 ? new[] { "--filter", "*" } : rest, config).ToList();

// Driver telemetry of the analyzers (what -p:ReportAnalyzer=true prints), when the analyzer benchmarks ran.
AnalyzerTelemetry? telemetry = null;
if (summaries.Any(s => s.Reports.Any(r => r.BenchmarkCase.Descriptor.Type == typeof(AnalyzerBenchmarks))))
{
    telemetry = mode == "quick" ? AnalyzerBenchmarks.Measure(rounds: 2, telemetryRuns: 1) : AnalyzerBenchmarks.Measure(rounds: 8, telemetryRuns: 3);
}
// Real `dotnet build`s of the analyzer project with and without the Kapi analyzers (full mode only: about 4 minutes).
var realBuilds = new List<RealBuildBenchmark.Result>();
if (mode == "full" && telemetry is not null)
{
    foreach (var (archs, shared) in RealBuildBenchmark.Configurations)
    {
        realBuilds.Add(RealBuildBenchmark.Run(rounds: 10, archs, shared));
    }
}
// Interleaved run-time ratios, when the run-time benchmarks ran.
IReadOnlyDictionary<string, PairedRatios.PairedRatio>? runtimePaired = null;
if (summaries.Any(s => s.Reports.Any(r => r.BenchmarkCase.Descriptor.Type == typeof(RuntimeBenchmarks))))
{
    runtimePaired = PairedRatios.RunTime(mode == "quick" ? 10 : 40);
}
stopwatch.Stop();
context = context with { Elapsed = stopwatch.Elapsed, LoadAverageEnd = RunContext.LoadAverage() };

string table = SummaryTable.Build(summaries, telemetry, realBuilds, runtimePaired, context, monoUnavailable);
Console.WriteLine();
Console.WriteLine(table);
string resultsDir = summaries.FirstOrDefault()?.ResultsDirectoryPath ?? Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "results");
Directory.CreateDirectory(resultsDir);
string path = Path.Combine(resultsDir, "kapi-summary.md");
File.WriteAllText(path, table);
Console.WriteLine($"Summary written to {path}");
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
