using System.Collections.Immutable;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Kapi.Analyzers;
using Kapi.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kapi.Benchmarks;

/// <summary>
/// Compile time of <see cref="AnalyzerProject"/> (10,000 mlockall calls in 200 files) without analyzers and with
/// KapiFlagsAnalyzer + KapiSpecFileAnalyzer (issue 4 "Speed": at most 5% more; issue 8 "Analyzers").
/// </summary>
/// <remarks>
/// Each operation compiles a fresh <see cref="Compilation.Clone"/> of the parsed project (syntax trees are shared,
/// parsing is not measured, binding is). "Compile" is <c>GetDiagnostics()</c> then <c>Emit</c> to memory; with analyzers,
/// the diagnostics come from <see cref="CompilationWithAnalyzers.GetAllDiagnosticsAsync()"/> (compiler and analyzers
/// concurrently, as in csc). The control row runs an analyzer that registers the same invocation callback and does
/// nothing, so Roslyn's own cost of hosting an operation analyzer (IOperation trees, semantic models, the event
/// queue) can be told apart from Kapi's. <see cref="Compile_EmitOnly"/> is csc's single pass without analyzers, the
/// denominator of the driver-telemetry ratio (analyzer execution time as a share of the compile, as ReportAnalyzer shows it).
/// </remarks>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private AnalyzerOptions _analyzerOptions = null!;
    private ImmutableArray<DiagnosticAnalyzer> _kapi;
    private ImmutableArray<DiagnosticAnalyzer> _control;

    /// <summary>KAPI diagnostics of the project by id (for the summary), from the setup's sanity run.</summary>
    public static IReadOnlyDictionary<string, int> KapiDiagnosticCounts { get; private set; } = new Dictionary<string, int>();

    /// <summary>The parsed project and its analyzer options, built and checked once per process (GlobalSetup runs per benchmark).</summary>
    private static readonly Lazy<(CSharpCompilation Compilation, AnalyzerOptions Options)> s_project = new(CreateCheckedProject);

    private static bool s_warmedUp;

    /// <summary>
    /// Whole compiles of each variant run once per process before anything is measured (set by Program: 1 in quick mode,
    /// 3 in full mode). Roslyn from NuGet has no ReadyToRun code: with default tiered compilation it takes a few compiles
    /// of this project to reach tier-1 code, and whichever benchmark ran first would otherwise look slowest.
    /// </summary>
    public static int WarmupRounds { get; set; } = 2;

    /// <summary>Compile <see cref="AnalyzerProject.SyscallFiles"/> instead of <see cref="AnalyzerProject.Files"/> (trace modes only; set before the first setup).</summary>
    public static bool UseSyscallProject { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_compilation, _analyzerOptions) = s_project.Value;
        _kapi = CreateKapiAnalyzers();
        _control = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyInvocationAnalyzer());
        if (!s_warmedUp)
        {
            s_warmedUp = true;
            for (int i = 0; i < WarmupRounds; i++)
            {
                Compile_NoAnalyzers();
                Compile_EmitOnly();
                Compile_KapiAnalyzers();
                Compile_EmptyOperationAnalyzer();
            }
        }
    }

    private static ImmutableArray<DiagnosticAnalyzer> CreateKapiAnalyzers() =>
        ImmutableArray.Create<DiagnosticAnalyzer>(new KapiFlagsAnalyzer(), new KapiSpecFileAnalyzer());

    private static (CSharpCompilation, AnalyzerOptions) CreateCheckedProject()
    {
        var (compilation, options) = CreateProject();

        // Sanity: the project compiles, and the analyzers see the calls (every invalid call is reported).
        var diagnostics = compilation.WithAnalyzers(CreateKapiAnalyzers(), options).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        RoslynSupport.ThrowOnErrors(diagnostics, "Analyzer project");
        KapiDiagnosticCounts = diagnostics.Where(d => d.Id.StartsWith("KAPI", StringComparison.Ordinal)).GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        int rejected = diagnostics.Count(d => d.Id is KapiDiagnosticIds.InvalidFlagBits or KapiDiagnosticIds.RejectedFlagValue);
        if (rejected < AnalyzerProject.InvalidCalls)
        {
            throw new InvalidOperationException($"The analyzers reported {rejected} invalid calls, expected {AnalyzerProject.InvalidCalls}: " + string.Join(", ", KapiDiagnosticCounts.Select(kv => kv.Key + "=" + kv.Value)));
        }
        return (compilation, options);
    }

    /// <summary>The 200 call files plus the bindings the generator makes from kapi/mm/mlockall.kapi and munlockall.kapi.</summary>
    internal static (CSharpCompilation Compilation, AnalyzerOptions Options) CreateProject()
    {
        var specs = new[] { "mm/mlockall.kapi", "mm/munlockall.kapi" }
            .Select(p => Path.Combine(BenchmarkInputs.RepoRoot, "kapi", p))
            .Select(p => (AdditionalText)new InMemoryAdditionalText(p, File.ReadAllText(p)))
            .ToImmutableArray();
        var files = UseSyscallProject ? AnalyzerProject.SyscallFiles : AnalyzerProject.Files;
        var trees = files.Select(f => RoslynSupport.Parse(f.Text, f.Path));
        var compilation = CSharpCompilation.Create("AnalyzerProject", trees, RoslynSupport.ReferencesWithTmds, RoslynSupport.CompilationOptions);
        var optionsProvider = new GlobalOptionsProvider();
        CSharpGeneratorDriver.Create(new[] { new KapiGenerator().AsSourceGenerator() }, specs, RoslynSupport.ParseOptions, optionsProvider)
            .RunGeneratorsAndUpdateCompilation(compilation, out var withBindings, out var generatorDiagnostics);
        RoslynSupport.ThrowOnErrors(generatorDiagnostics, "Generator run for the analyzer project");
        return ((CSharpCompilation)withBindings, new AnalyzerOptions(specs, optionsProvider));
    }

    private CompilationWithAnalyzersOptions Options(bool log) =>
        new(_analyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: log, reportSuppressedDiagnostics: false);

    /// <summary>Baseline: compiler diagnostics, then emit.</summary>
    [Benchmark(Baseline = true)]
    public int Compile_NoAnalyzers()
    {
        var compilation = _compilation.Clone();
        int n = compilation.GetDiagnostics().Length;
        return n + RoslynSupport.EmitOrThrow(compilation);
    }

    /// <summary>What csc does without analyzers: one pass that binds, reports the compiler's diagnostics and emits.</summary>
    [Benchmark]
    public int Compile_EmitOnly() => RoslynSupport.EmitOrThrow(_compilation.Clone());

    /// <summary>Compiler and both Kapi analyzers (concurrent), then emit.</summary>
    [Benchmark]
    public int Compile_KapiAnalyzers()
    {
        var compilation = _compilation.Clone();
        int n = compilation.WithAnalyzers(_kapi, Options(log: false)).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;
        return n + RoslynSupport.EmitOrThrow(compilation);
    }

    /// <summary>Control: the same pipeline with an analyzer that registers an invocation callback and does nothing.</summary>
    [Benchmark]
    public int Compile_EmptyOperationAnalyzer()
    {
        var compilation = _compilation.Clone();
        int n = compilation.WithAnalyzers(_control, Options(log: false)).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;
        return n + RoslynSupport.EmitOrThrow(compilation);
    }

    /// <summary>
    /// Interleaved rounds (outside BenchmarkDotNet) of <see cref="Compile_NoAnalyzers"/> and <see cref="Compile_KapiAnalyzers"/>,
    /// alternating which goes first; then <paramref name="telemetryRuns"/> runs with driver telemetry on, for the
    /// per-analyzer execution time that <c>-p:ReportAnalyzer=true</c> reports (summed over threads).
    /// </summary>
    internal static AnalyzerTelemetry Measure(int rounds, int telemetryRuns)
    {
        var bench = new AnalyzerBenchmarks();
        bench.Setup();
        var compile = new List<double>();
        double Time(Func<int> compileOnce)
        {
            var sw = Stopwatch.StartNew();
            compileOnce();
            return sw.Elapsed.TotalMilliseconds;
        }
        var paired = PairedRatios.Analyzers(
            () => { double ms = Time(bench.Compile_NoAnalyzers); compile.Add(ms); return ms; },
            () => Time(bench.Compile_KapiAnalyzers),
            rounds);

        var perAnalyzer = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (int i = 0; i < telemetryRuns; i++)
        {
            var cwa = bench._compilation.Clone().WithAnalyzers(bench._kapi, bench.Options(log: true));
            var result = cwa.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
            foreach (var (analyzer, info) in result.AnalyzerTelemetryInfo)
            {
                string name = analyzer.GetType().Name;
                if (!perAnalyzer.TryGetValue(name, out var list)) perAnalyzer[name] = list = new List<double>();
                list.Add(info.ExecutionTime.TotalMilliseconds);
            }
        }
        return new AnalyzerTelemetry(Statistics.Median(compile), perAnalyzer.ToDictionary(kv => kv.Key, kv => Statistics.Median(kv.Value)), telemetryRuns, paired);
    }

    /// <summary>
    /// Process CPU time (user + system, all threads) of <see cref="Compile_KapiAnalyzers"/> and of the control
    /// <see cref="Compile_EmptyOperationAnalyzer"/> in <paramref name="rounds"/> interleaved rounds (alternating which
    /// goes first): CPU time is not inflated by waiting for the cores like the callbacks' wall time on a loaded machine,
    /// and the control pays Roslyn's cost of hosting an operation analyzer, so the difference is the Kapi analyzers' own work.
    /// </summary>
    internal static (double KapiMs, double ControlMs, double DifferenceMs) MeasureCpu(int rounds)
    {
        var bench = new AnalyzerBenchmarks();
        bench.Setup();
        static double Cpu(Func<int> compileOnce)
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            compileOnce();
            return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
        }
        var kapi = new List<double>();
        var control = new List<double>();
        var difference = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            double k, c;
            if (r % 2 == 0)
            {
                k = Cpu(bench.Compile_KapiAnalyzers);
                c = Cpu(bench.Compile_EmptyOperationAnalyzer);
            }
            else
            {
                c = Cpu(bench.Compile_EmptyOperationAnalyzer);
                k = Cpu(bench.Compile_KapiAnalyzers);
            }
            kapi.Add(k);
            control.Add(c);
            difference.Add(k - c);
        }
        return (Statistics.Median(kapi), Statistics.Median(control), Statistics.Median(difference));
    }

    /// <summary>Does nothing on every invocation: isolates the analyzer host's cost.</summary>
    /// <remarks>A benchmark control, never loaded by a compiler: no release tracking, any target framework.</remarks>
#pragma warning disable RS1036, RS1041, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EmptyInvocationAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor s_never = new("BENCH0001", "never", "never", "Bench", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start => start.RegisterOperationAction(static _ => { }, OperationKind.Invocation));
        }
    }
#pragma warning restore RS1036, RS1041, RS2008
}

/// <summary>Driver telemetry of one analyzer benchmark project: median compile wall time and per-analyzer execution time (ms).</summary>
internal sealed record AnalyzerTelemetry(double CompileMs, IReadOnlyDictionary<string, double> AnalyzerMs, int Runs, PairedRatios.PairedRatio Paired)
{
    public double TotalAnalyzerMs => AnalyzerMs.Values.Sum();
}
