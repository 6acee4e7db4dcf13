using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Kapi.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kapi.Benchmarks;

/// <summary>
/// The CPU time of <see cref="KapiFlagsAnalyzer"/>'s own callbacks per compile of the analyzer project
/// (<c>trace callbackcpu [n] [syscall]</c>): each callback is timed with the calling thread's CPU clock
/// (<c>CLOCK_THREAD_CPUTIME_ID</c>), which does not advance while the thread waits for a core, so the figure does not
/// grow with the machine's load as the driver's telemetry (callback wall time) does on this shared 2-core machine.
/// Linux only; the clock reads cost well under a microsecond per callback.
/// </summary>
internal static class CallbackCpuTime
{
    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>The calling thread's CPU time (CLOCK_THREAD_CPUTIME_ID), in nanoseconds.</summary>
    internal static long ThreadNanoseconds()
    {
        if (ClockGetTime(ClockThreadCpuTime, out var t) != 0) throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        return (t.Seconds * 1_000_000_000L) + t.Nanoseconds;
    }

    /// <summary>Median over <paramref name="runs"/> compiles of the flags analyzer's summed callback CPU time (ms), and the callback count.</summary>
    public static (double MedianMs, long Callbacks) Measure(int runs)
    {
        var (compilation, projectOptions) = AnalyzerBenchmarks.CreateProject();
        // Without the project's two .kapi files (the built-in library holds the same specs): reading them at compilation
        // start goes through CompilationStartAnalysisContext.TryGetValue, which a wrapping context cannot forward.
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, projectOptions.AnalyzerConfigOptionsProvider);
        var times = new List<double>();
        long callbacks = 0;
        // one more run than measured: the first one JIT-compiles the analyzer
        for (int i = 0; i <= runs; i++)
        {
            var timed = new TimedAnalyzer(new KapiFlagsAnalyzer());
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(timed, new KapiSpecFileAnalyzer());
            var cwa = compilation.Clone().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
            var diagnostics = cwa.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
            if (diagnostics.FirstOrDefault(d => d.Id == "AD0001") is { } failure) throw new InvalidOperationException(failure.GetMessage());
            if (i == 0) continue;
            times.Add(Interlocked.Read(ref timed.Nanoseconds) / 1e6);
            callbacks = Interlocked.Read(ref timed.Callbacks);
        }
        times.Sort();
        int n = times.Count;
        return (n % 2 == 1 ? times[n / 2] : (times[(n / 2) - 1] + times[n / 2]) / 2, callbacks);
    }

    /// <summary>Runs the inner analyzer with every callback it registers timed.</summary>
#pragma warning disable RS1001, RS1025, RS1026, RS1036, RS1041, RS1012 // a measuring wrapper, never loaded by a compiler
    private sealed class TimedAnalyzer : DiagnosticAnalyzer
    {
        private readonly DiagnosticAnalyzer _inner;
        public long Nanoseconds;
        public long Callbacks;

        public TimedAnalyzer(DiagnosticAnalyzer inner) => _inner = inner;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

        public override void Initialize(AnalysisContext context) => _inner.Initialize(new TimedContext(context, this));

        public void Time(Action action)
        {
            long start = ThreadNanoseconds();
            try
            {
                action();
            }
            finally
            {
                Interlocked.Add(ref Nanoseconds, ThreadNanoseconds() - start);
                Interlocked.Increment(ref Callbacks);
            }
        }
    }

    /// <summary>The analysis context with the registrations the flags analyzer makes forwarded, its actions timed.</summary>
    private sealed class TimedContext : AnalysisContext
    {
        private readonly AnalysisContext _inner;
        private readonly TimedAnalyzer _owner;

        public TimedContext(AnalysisContext inner, TimedAnalyzer owner)
        {
            _inner = inner;
            _owner = owner;
        }

        public override void EnableConcurrentExecution() => _inner.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _inner.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            _inner.RegisterCompilationStartAction(start => _owner.Time(() => action(new TimedStart(start, _owner))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) =>
            _inner.RegisterCompilationAction(c => _owner.Time(() => action(c)));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            _inner.RegisterSemanticModelAction(c => _owner.Time(() => action(c)));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            _inner.RegisterSymbolAction(c => _owner.Time(() => action(c)), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            _inner.RegisterCodeBlockStartAction<TLanguageKindEnum>(c => _owner.Time(() => action(c)));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
            _inner.RegisterCodeBlockAction(c => _owner.Time(() => action(c)));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) =>
            _inner.RegisterSyntaxTreeAction(c => _owner.Time(() => action(c)));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _inner.RegisterSyntaxNodeAction(c => _owner.Time(() => action(c)), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _inner.RegisterOperationAction(c => _owner.Time(() => action(c)), operationKinds);
    }

    /// <summary>The compilation-start context with the operation actions timed (the only kind the flags analyzer registers there).</summary>
    private sealed class TimedStart : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext _inner;
        private readonly TimedAnalyzer _owner;

        public TimedStart(CompilationStartAnalysisContext inner, TimedAnalyzer owner)
            : base(inner.Compilation, inner.Options, inner.CancellationToken)
        {
            _inner = inner;
            _owner = owner;
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) =>
            _inner.RegisterCompilationEndAction(c => _owner.Time(() => action(c)));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            _inner.RegisterSemanticModelAction(c => _owner.Time(() => action(c)));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            _inner.RegisterSymbolAction(c => _owner.Time(() => action(c)), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            _inner.RegisterCodeBlockStartAction<TLanguageKindEnum>(c => _owner.Time(() => action(c)));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
            _inner.RegisterCodeBlockAction(c => _owner.Time(() => action(c)));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) =>
            _inner.RegisterSyntaxTreeAction(c => _owner.Time(() => action(c)));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _inner.RegisterSyntaxNodeAction(c => _owner.Time(() => action(c)), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _inner.RegisterOperationAction(c => _owner.Time(() => action(c)), operationKinds);
    }
}
#pragma warning restore RS1001, RS1025, RS1026, RS1036, RS1041, RS1012
