using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Reports;

namespace Kapi.Benchmarks;

/// <summary>Where and how the suite ran: printed above the table (machine, load, .NET, date, command).</summary>
internal sealed record RunContext(string Mode, string Arguments, DateTimeOffset Started, string Cpu, int ProcessorCount, string LoadAverageStart, string LoadAverageEnd, TimeSpan Elapsed, string Revision)
{
    public static RunContext Capture(string mode, string arguments) =>
        new(mode, arguments, DateTimeOffset.Now, CpuModel(), Environment.ProcessorCount, LoadAverage(), string.Empty, TimeSpan.Zero, CurrentRevision());

    /// <summary>The commit measured, and whether product code (src/, kapi/) had uncommitted changes.</summary>
    private static string CurrentRevision()
    {
        string? head = Git("rev-parse --short HEAD")?.Trim();
        if (string.IsNullOrEmpty(head)) return "unknown (no git)";
        string? dirty = Git("status --porcelain -- src kapi");
        int changed = dirty?.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length ?? 0;
        return changed == 0 ? head : $"{head} + uncommitted changes in {changed} file(s) under src/ or kapi/";
    }

    private static string? Git(string arguments)
    {
        try
        {
            var psi = new System.Diagnostics.ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = BenchmarkInputs.RepoRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = System.Diagnostics.Process.Start(psi);
            if (process is null) return null;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(5000);
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
        catch (InvalidOperationException) { return null; }
    }

    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(" ", parts.Take(3));
        }
        catch (IOException) { return "n/a"; }
        catch (UnauthorizedAccessException) { return "n/a"; }
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException) { return RuntimeInformation.ProcessArchitecture.ToString(); }
        catch (UnauthorizedAccessException) { return RuntimeInformation.ProcessArchitecture.ToString(); }
    }
}

/// <summary>The closing markdown table: benchmark, median, ratio (or throughput), allocations, target, met?</summary>
internal static class SummaryTable
{
    private enum Kind { Plain, Baseline, Throughput, RatioTarget, Report }

    /// <summary>One row: a benchmark method, what its ratio is taken against, and its target.</summary>
    private sealed record Row(string Group, Type Class, string Method, string Label, Kind Kind, string? Baseline = null, double Limit = 0, string Note = "");

    private const double FrontEndTargetMBps = 20;
    private const double RatioTarget = 1.05;

    /// <summary>Issue 16 target 4: the generated wrapper against a raw blittable DllImport, error path.</summary>
    private const double ErrorPathTarget = 1.02;

    /// <summary>Issue 16 target 4: the same, success path.</summary>
    private const double SuccessPathTarget = 1.01;

    private static readonly Row[] s_rows =
    {
        new("Front end", typeof(FrontEndBenchmarks), nameof(FrontEndBenchmarks.ParseBind_CorpusConcatenated), "Parse + bind, every spec concatenated", Kind.Throughput, Limit: FrontEndTargetMBps),
        new("Front end", typeof(FrontEndBenchmarks), nameof(FrontEndBenchmarks.ParseBind_Synthetic4MB), "Parse + bind, 4 MB synthetic file", Kind.Throughput),
        new("Front end", typeof(FrontEndBenchmarks), nameof(FrontEndBenchmarks.ParseBind_PerFile), "Parse + bind, each file on its own", Kind.Throughput),

        new("Generator", typeof(GeneratorBenchmarks), nameof(GeneratorBenchmarks.Compile_WithoutKapi), "Baseline: parse + compile (emit) the small project without Kapi", Kind.Baseline),
        new("Generator", typeof(GeneratorBenchmarks), nameof(GeneratorBenchmarks.Generator_Cold), "Generator cold run, every spec", Kind.Report, nameof(GeneratorBenchmarks.Compile_WithoutKapi)),
        new("Generator", typeof(GeneratorBenchmarks), nameof(GeneratorBenchmarks.Generator_WarmAfterCSharpEdit), "Generator rerun after an unrelated C# edit", Kind.Report, nameof(GeneratorBenchmarks.Compile_WithoutKapi)),
        new("Generator", typeof(GeneratorBenchmarks), nameof(GeneratorBenchmarks.Generator_AfterKapiEdit), "Generator rerun after editing one .kapi file", Kind.Report, nameof(GeneratorBenchmarks.Compile_WithoutKapi)),
        new("Generator", typeof(GeneratorBenchmarks), nameof(GeneratorBenchmarks.Compile_WithKapi), "Parse + cold generator + compile project and generated code", Kind.Report, nameof(GeneratorBenchmarks.Compile_WithoutKapi)),

        new("Analyzers", typeof(AnalyzerBenchmarks), nameof(AnalyzerBenchmarks.Compile_NoAnalyzers), "Baseline: compile 10,000 mlockall calls / 200 files, no analyzers", Kind.Baseline),
        new("Analyzers", typeof(AnalyzerBenchmarks), nameof(AnalyzerBenchmarks.Compile_KapiAnalyzers), "Same, with KapiFlagsAnalyzer + KapiSpecFileAnalyzer", Kind.RatioTarget, nameof(AnalyzerBenchmarks.Compile_NoAnalyzers), RatioTarget),
        new("Analyzers", typeof(AnalyzerBenchmarks), nameof(AnalyzerBenchmarks.Compile_EmptyOperationAnalyzer), "Control: same, with an empty invocation analyzer", Kind.Report, nameof(AnalyzerBenchmarks.Compile_NoAnalyzers)),
        new("Analyzers", typeof(AnalyzerBenchmarks), nameof(AnalyzerBenchmarks.Compile_EmitOnly), "csc-like single pass (Emit only), no analyzers", Kind.Report, nameof(AnalyzerBenchmarks.Compile_NoAnalyzers)),

        new("Run time", typeof(RuntimeBenchmarks), nameof(RuntimeBenchmarks.Raw_DllImport), "Error path (mlockall(0x8), kernel: EINVAL). Baseline: raw blittable DllImport, errno not read", Kind.Baseline),
        new("Run time", typeof(RuntimeBenchmarks), nameof(RuntimeBenchmarks.Generated_ValidationOff), "Kapi wrapper, KapiRuntimeValidation=false, kernel rejects", Kind.RatioTarget, nameof(RuntimeBenchmarks.Raw_DllImport), ErrorPathTarget),
        new("Run time", typeof(RuntimeBenchmarks), nameof(RuntimeBenchmarks.Generated_ValidationOn_RejectedBeforeCall), "Kapi wrapper as shipped (validation on): EINVAL before the call", Kind.Report, nameof(RuntimeBenchmarks.Raw_DllImport)),
        new("Run time", typeof(RuntimeBenchmarks), nameof(RuntimeBenchmarks.Raw_DllImport_Errno), "Raw blittable DllImport + Marshal.GetLastSystemError", Kind.Report, nameof(RuntimeBenchmarks.Raw_DllImport)),
        new("Run time", typeof(RuntimeBenchmarks), nameof(RuntimeBenchmarks.LibraryImport_Blittable), "[LibraryImport] (blittable, no SetLastError) + Marshal.GetLastSystemError", Kind.Report, nameof(RuntimeBenchmarks.Raw_DllImport)),
        new("Run time", typeof(RuntimeBenchmarks), nameof(RuntimeBenchmarks.LibraryImport_SetLastError), "[LibraryImport] SetLastError=true + GetLastPInvokeError", Kind.Report, nameof(RuntimeBenchmarks.Raw_DllImport)),
        new("Run time", typeof(RuntimeBenchmarks), nameof(RuntimeBenchmarks.Raw_DllImport_SetLastError), "DllImport SetLastError=true + GetLastPInvokeError", Kind.Report, nameof(RuntimeBenchmarks.Raw_DllImport)),
        new("Run time", typeof(RuntimeBenchmarks), nameof(RuntimeBenchmarks.TmdsLibC), "Tmds.LibC LibC.mlockall + GetLastPInvokeError", Kind.Report, nameof(RuntimeBenchmarks.Raw_DllImport)),
        new("Run time", typeof(RuntimeBenchmarks), nameof(RuntimeBenchmarks.MonoPosix), "Mono.Posix Syscall.mlockall + Stdlib.GetLastError", Kind.Report, nameof(RuntimeBenchmarks.Raw_DllImport)),
        new("Run time", typeof(RuntimeBenchmarks), nameof(RuntimeBenchmarks.Success_Raw_DllImport), "Success path (madvise(0, 0, MADV_NORMAL) = 0). Baseline: raw blittable DllImport", Kind.Baseline),
        new("Run time", typeof(RuntimeBenchmarks), nameof(RuntimeBenchmarks.Success_Generated_ValidationOn), "Kapi wrapper as shipped (validation on: advice checked, then the call)", Kind.RatioTarget, nameof(RuntimeBenchmarks.Success_Raw_DllImport), SuccessPathTarget),
        new("Run time", typeof(RuntimeBenchmarks), nameof(RuntimeBenchmarks.Success_Generated_ValidationOff), "Kapi wrapper, KapiRuntimeValidation=false", Kind.RatioTarget, nameof(RuntimeBenchmarks.Success_Raw_DllImport), SuccessPathTarget),
        new("Run time", typeof(RuntimeBenchmarks), nameof(RuntimeBenchmarks.Success_Raw_DllImport_Errno), "Raw blittable DllImport + errno check (not read: no failure)", Kind.Report, nameof(RuntimeBenchmarks.Success_Raw_DllImport)),
        new("Run time", typeof(RuntimeBenchmarks), nameof(RuntimeBenchmarks.Success_LibraryImport_Blittable), "[LibraryImport] (blittable, no SetLastError) + errno check", Kind.Report, nameof(RuntimeBenchmarks.Success_Raw_DllImport)),
        new("Run time", typeof(RuntimeBenchmarks), nameof(RuntimeBenchmarks.Success_LibraryImport_SetLastError), "[LibraryImport] SetLastError=true + GetLastPInvokeError", Kind.Report, nameof(RuntimeBenchmarks.Success_Raw_DllImport)),
        new("Run time", typeof(RuntimeBenchmarks), nameof(RuntimeBenchmarks.Success_Raw_DllImport_SetLastError), "DllImport SetLastError=true + GetLastPInvokeError", Kind.Report, nameof(RuntimeBenchmarks.Success_Raw_DllImport)),
        new("Run time", typeof(RuntimeBenchmarks), nameof(RuntimeBenchmarks.Success_TmdsLibC), "Tmds.LibC LibC.madvise + GetLastPInvokeError", Kind.Report, nameof(RuntimeBenchmarks.Success_Raw_DllImport)),
        new("Run time", typeof(RuntimeBenchmarks), nameof(RuntimeBenchmarks.Success_MonoPosix), "Mono.Posix Syscall.posix_madvise (no madvise in Mono.Posix; returns the error itself)", Kind.Report, nameof(RuntimeBenchmarks.Success_Raw_DllImport)),
    };

    public static string Build(IReadOnlyList<Summary> summaries, AnalyzerTelemetry? telemetry, IReadOnlyList<RealBuildBenchmark.Result> realBuilds, IReadOnlyDictionary<string, PairedRatios.PairedRatio>? runtimePaired, RunContext context, string? monoUnavailable)
    {
        var reports = summaries.SelectMany(s => s.Reports)
            .Where(r => r.ResultStatistics is not null)
            .GroupBy(r => (r.BenchmarkCase.Descriptor.Type, r.BenchmarkCase.Descriptor.WorkloadMethod.Name))
            .ToDictionary(g => g.Key, g => g.First());

        var w = new StringBuilder();
        w.AppendLine(CultureInfo.InvariantCulture, $"## Kapi benchmarks ({context.Mode} mode)");
        w.AppendLine();
        w.AppendLine(CultureInfo.InvariantCulture, $"- Date: {context.Started:yyyy-MM-dd HH:mm zzz}; suite wall time {context.Elapsed.TotalSeconds:F0} s");
        w.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {context.ProcessorCount} logical CPUs, {context.Cpu}; {RuntimeInformation.OSDescription}");
        w.AppendLine(CultureInfo.InvariantCulture, $"- Load average (1/5/15 min): {context.LoadAverageStart} at start, {context.LoadAverageEnd} at end");
        w.AppendLine(CultureInfo.InvariantCulture, $"- Runtime: {RuntimeInformation.FrameworkDescription}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC; Roslyn {typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version} (in-process toolchain)");
        w.AppendLine(CultureInfo.InvariantCulture, $"- Revision: {context.Revision}");
        w.AppendLine(CultureInfo.InvariantCulture, $"- Command: `dotnet run -c Release --project tests/Kapi.Benchmarks -- {context.Arguments}`");
        w.AppendLine(CultureInfo.InvariantCulture, $"- Inputs: {BenchmarkInputs.SpecFiles.Count} spec files ({Kb(BenchmarkInputs.Concatenated)} KB); generator: {GeneratorBenchmarks.SpecFileCount} specs in, {GeneratorBenchmarks.GeneratedSourceCount} sources out, small project {SmallProject.FileCount} files / {SmallProject.LineCount} lines, edited spec {GeneratorBenchmarks.EditedSpec}; analyzers: {AnalyzerProject.TotalCalls:N0} calls in {AnalyzerProject.FileCount} files ({AnalyzerProject.InvalidCalls} invalid on purpose), KAPI diagnostics {string.Join(", ", AnalyzerBenchmarks.KapiDiagnosticCounts.Select(kv => kv.Key + "×" + kv.Value))}");
        w.AppendLine();
        w.AppendLine("| Stage | Benchmark | Median | Ratio / throughput | Paired ratio | Allocated | Target | Met? |");
        w.AppendLine("|---|---|---:|---:|---:|---:|---|---|");

        foreach (var row in s_rows)
        {
            if (!reports.TryGetValue((row.Class, row.Method), out var report))
            {
                if (row.Method is nameof(RuntimeBenchmarks.MonoPosix) or nameof(RuntimeBenchmarks.Success_MonoPosix) && monoUnavailable is not null)
                {
                    w.AppendLine(CultureInfo.InvariantCulture, $"| {row.Group} | {row.Label} | not run | — | — | — | — | {Escape(monoUnavailable)} |");
                }
                continue;
            }
            double median = report.ResultStatistics!.Median;
            long allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
            string ratio = "1.00 (baseline)", target = "—", met = "—", alloc = Bytes(allocated), paired = "—";
            PairedRatios.PairedRatio? pairedRatio = null;
            if (row.Class == typeof(RuntimeBenchmarks) && runtimePaired is not null && runtimePaired.TryGetValue(row.Method, out var p)) pairedRatio = p;
            if (row.Method == nameof(AnalyzerBenchmarks.Compile_KapiAnalyzers) && telemetry is not null) pairedRatio = telemetry.Paired;
            if (pairedRatio is not null) paired = pairedRatio.ToString();
            switch (row.Kind)
            {
                case Kind.Throughput:
                {
                    long inputBytes = Encoding.UTF8.GetByteCount(FrontEndInput(row.Method));
                    double mbps = inputBytes / (median / 1e9) / 1e6;
                    ratio = string.Format(CultureInfo.InvariantCulture, "{0:F1} MB/s", mbps);
                    alloc = string.Format(CultureInfo.InvariantCulture, "{0} ({1:N0} B per KB input)", Bytes(allocated), allocated / (inputBytes / 1024.0));
                    if (row.Limit > 0)
                    {
                        target = string.Format(CultureInfo.InvariantCulture, "≥ {0:F0} MB/s", row.Limit);
                        met = mbps >= row.Limit ? "met" : "missed";
                    }
                    break;
                }
                case Kind.RatioTarget:
                case Kind.Report:
                {
                    if (row.Baseline is not null && reports.TryGetValue((row.Class, row.Baseline), out var baseline))
                    {
                        double r = median / baseline.ResultStatistics!.Median;
                        ratio = string.Format(CultureInfo.InvariantCulture, "{0:F3}×", r);
                        if (row.Kind == Kind.RatioTarget)
                        {
                            target = string.Format(CultureInfo.InvariantCulture, "≤ {0:F2}×", row.Limit);
                            double judged = pairedRatio?.Median ?? r;
                            met = judged <= row.Limit ? "met" : "missed";
                        }
                        else
                        {
                            target = "report only";
                        }
                    }
                    else
                    {
                        ratio = "— (no baseline)";
                    }
                    break;
                }
            }
            w.AppendLine(CultureInfo.InvariantCulture, $"| {row.Group} | {row.Label} | {Time(median)} | {ratio} | {paired} | {alloc} | {target} | {met} |");

            // The ReportAnalyzer-style figure right after the analyzer rows.
            if (row.Method == nameof(AnalyzerBenchmarks.Compile_EmitOnly) && telemetry is not null)
            {
                AppendTelemetry(w, telemetry, median / 1e6);
                foreach (var build in realBuilds) AppendRealBuild(w, build);
            }
        }
        w.AppendLine();
        w.AppendLine("Median: BenchmarkDotNet's median of the measured iterations. Ratio: that median over the stage's baseline median, same run.");
        w.AppendLine("Paired ratio: median (and interquartile range) of per-round ratios measured in interleaved rounds after the BenchmarkDotNet run, so that");
        w.AppendLine("a change of machine load between two benchmarks falls on both sides; Met? is judged on it where there is one, else on Ratio.");
        w.AppendLine("Allocated: managed bytes per operation, all threads.");
        return w.ToString();
    }

    private static void AppendTelemetry(StringBuilder w, AnalyzerTelemetry telemetry, double compileMs)
    {
        double ratio = (compileMs + telemetry.TotalAnalyzerMs) / compileMs;
        string parts = string.Join(" + ", telemetry.AnalyzerMs.Select(kv => string.Format(CultureInfo.InvariantCulture, "{0} {1:F0} ms", kv.Key, kv.Value)));
        w.AppendLine(CultureInfo.InvariantCulture, $"| Analyzers | Analyzer execution time (driver telemetry, as -p:ReportAnalyzer=true): {parts}; median of {telemetry.Runs} run(s) | {Time(telemetry.TotalAnalyzerMs * 1e6)} | {ratio:F3}× (Emit only + analyzer time) / Emit only | — | — | ≤ {RatioTarget:F2}× | {(ratio <= RatioTarget ? "met" : "missed")} |");
    }

    private static void AppendRealBuild(StringBuilder w, RealBuildBenchmark.Result r)
    {
        string project = (r.TargetArchitectures is null
            ? "AnyCPU: KAPI2003 on 3,300 own-P/Invoke calls"
            : $"KapiTargetArchitectures={r.TargetArchitectures}: only the invalid calls reported")
            + (r.SharedCompilation ? "; compiler server, warm" : "; a new csc process per build");
        double ratio = r.CscWithMs / r.CscWithoutMs;
        string met = r.Paired.Median <= RatioTarget ? "met" : "missed";
        w.AppendLine(CultureInfo.InvariantCulture, $"| Analyzers | Real `dotnet build` ({project}; SDK analyzers on): Csc task with the Kapi analyzers; without: {r.CscWithoutMs:F0} ms | {r.CscWithMs:F0} ms | {ratio:F3}× | {r.Paired} | — | ≤ {RatioTarget:F2}× | {met} |");
        if (r.PairedCpu is { } cpu)
        {
            string whose = r.SharedCompilation ? "the compiler server's CPU time" : "CPU time of the build's process tree (MSBuild + csc)";
            // rounds where the server restarted are left out (no CPU figure)
            w.AppendLine(CultureInfo.InvariantCulture, $"| Analyzers | Same builds, {whose} with the Kapi analyzers; without: {r.CpuWithoutMs:F0} ms | {r.CpuWithMs:F0} ms | {r.CpuWithMs / r.CpuWithoutMs:F3}× | {cpu} | — | report only | — |");
        }
        if (r.PairedBuild is { } build)
        {
            // issue 16: the whole build's wall time, ≤ 1.03×
            w.AppendLine(CultureInfo.InvariantCulture, $"| Analyzers | Same builds, the whole `dotnet build` process (wall) with the Kapi analyzers; without: {r.BuildWithoutMs:F0} ms | {r.BuildWithMs:F0} ms | {r.BuildWithMs / r.BuildWithoutMs:F3}× | {build} | — | ≤ 1.03× | {(build.Median <= 1.03 ? "met" : "missed")} |");
        }
        w.AppendLine(CultureInfo.InvariantCulture, $"| Analyzers | 3 more builds with the Kapi analyzers and -p:ReportAnalyzer=true: Kapi.Analyzers' execution time (summed over threads; all analyzers {r.AllAnalyzersMs:F0} ms, Csc {r.CscReportedMs:F0} ms) | {r.KapiAnalyzersMs:F0} ms | {r.KapiAnalyzersMs / r.CscReportedMs:P1} of Csc | — | — | ≤ 5% | {(r.KapiAnalyzersMs / r.CscReportedMs <= RatioTarget - 1 ? "met" : "missed")} |");
    }

    private static string FrontEndInput(string method) => method switch
    {
        nameof(FrontEndBenchmarks.ParseBind_Synthetic4MB) => BenchmarkInputs.Synthetic,
        _ => BenchmarkInputs.Concatenated,
    };

    private static string Kb(string text) => (Encoding.UTF8.GetByteCount(text) / 1024.0).ToString("F0", CultureInfo.InvariantCulture);

    private static string Time(double ns) => ns switch
    {
        >= 1e9 => string.Format(CultureInfo.InvariantCulture, "{0:F2} s", ns / 1e9),
        >= 1e6 => string.Format(CultureInfo.InvariantCulture, "{0:F2} ms", ns / 1e6),
        >= 1e3 => string.Format(CultureInfo.InvariantCulture, "{0:F2} µs", ns / 1e3),
        _ => string.Format(CultureInfo.InvariantCulture, "{0:F1} ns", ns),
    };

    private static string Bytes(long bytes) => bytes switch
    {
        0 => "0 B",
        >= 1L << 30 => string.Format(CultureInfo.InvariantCulture, "{0:F2} GB", bytes / (double)(1L << 30)),
        >= 1L << 20 => string.Format(CultureInfo.InvariantCulture, "{0:F1} MB", bytes / (double)(1L << 20)),
        >= 1L << 10 => string.Format(CultureInfo.InvariantCulture, "{0:F1} KB", bytes / 1024.0),
        _ => string.Format(CultureInfo.InvariantCulture, "{0} B", bytes),
    };

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
