using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Validated = Kapi.Benchmarks.Generated;

namespace Kapi.Benchmarks;

/// <summary>
/// Ratios measured in interleaved rounds (A, B, B, A, ...) outside BenchmarkDotNet, so that a change of machine load
/// between two benchmarks (the machine is shared) falls on both sides of each ratio. Each round gives one ratio; the
/// median over rounds is reported next to BenchmarkDotNet's ratio of medians.
/// </summary>
internal static class PairedRatios
{
    // Fields, not the constants: the JIT must not fold the validation away.
    private static int s_flags = RuntimeBenchmarks.InvalidFlags;
    private static nint s_addr = 0;
    private static nuint s_length = 0;
    private static int s_advice = RuntimeBenchmarks.MadvNormal;

    /// <summary>The median and the interquartile range of the per-round ratios.</summary>
    internal sealed record PairedRatio(double Median, double Q1, double Q3, int Rounds)
    {
        public override string ToString() => FormattableString.Invariant($"{Median:F3}× (IQR {Q1:F3}–{Q3:F3}, {Rounds} rounds)");
    }

    /// <summary>
    /// Run-time rows: each variant against the raw DllImport of its path (mlockall(0x8) for the error path,
    /// madvise(0, 0, MADV_NORMAL) for the success path), batches of <paramref name="batch"/> calls; with
    /// <paramref name="errnoFloor"/>, the <see cref="ErrnoFloor"/> rows too.
    /// </summary>
    public static IReadOnlyDictionary<string, PairedRatio> RunTime(int rounds, int batch = 100_000, bool errnoFloor = false)
    {
        var variants = new List<(string Name, Func<int, int> Loop, Func<int, int> Baseline)>
        {
            (nameof(RuntimeBenchmarks.Generated_ValidationOff), GeneratedOff, Raw),
            (nameof(RuntimeBenchmarks.Generated_ValidationOn_RejectedBeforeCall), GeneratedOn, Raw),
            (nameof(RuntimeBenchmarks.Raw_DllImport_Errno), RawErrno, Raw),
            (nameof(RuntimeBenchmarks.Raw_DllImport_SetLastError), RawSetLastError, Raw),
            (nameof(RuntimeBenchmarks.LibraryImport_SetLastError), LibraryImportSetLastError, Raw),
            (nameof(RuntimeBenchmarks.LibraryImport_Blittable), LibraryImportBlittable, Raw),
            (nameof(RuntimeBenchmarks.TmdsLibC), Tmds, Raw),
            (nameof(RuntimeBenchmarks.Success_Generated_ValidationOff), SuccessGeneratedOff, SuccessRaw),
            (nameof(RuntimeBenchmarks.Success_Generated_ValidationOn), SuccessGeneratedOn, SuccessRaw),
            (nameof(RuntimeBenchmarks.Success_Raw_DllImport_Errno), SuccessRawErrno, SuccessRaw),
            (nameof(RuntimeBenchmarks.Success_Raw_DllImport_SetLastError), SuccessRawSetLastError, SuccessRaw),
            (nameof(RuntimeBenchmarks.Success_LibraryImport_SetLastError), SuccessLibraryImportSetLastError, SuccessRaw),
            (nameof(RuntimeBenchmarks.Success_LibraryImport_Blittable), SuccessLibraryImportBlittable, SuccessRaw),
            (nameof(RuntimeBenchmarks.Success_TmdsLibC), SuccessTmds, SuccessRaw),
        };
        if (RuntimeBenchmarks.ProbeMonoPosix() is null)
        {
            variants.Add((nameof(RuntimeBenchmarks.MonoPosix), Mono, Raw));
            variants.Add((nameof(RuntimeBenchmarks.Success_MonoPosix), SuccessMono, SuccessRaw));
        }
        if (errnoFloor)
        {
            foreach (var (name, loop) in ErrnoFloor.Variants()) variants.Add((name, loop, Raw));
        }

        // Warm up every loop until it runs tier-1 code. Called once per round, a variant's loop would run its OSR
        // code (entered from tier 0 at the loop) for most rounds while the raw loops, called once per variant per
        // round, are promoted early: that compared OSR code with tier-1 code (the A/A row measured 1.003-1.008x).
        // Tiered compilation counts calls only after a quiet spell of 100 ms and promotes after 30 counted calls,
        // compiling in the background: three passes of 40 short calls, each followed by a pause, get every loop there
        // (checked with DOTNET_JitStdOutFile + DOTNET_JitDisasmSummary=1: each loop's last compilation is "Tier1").
        for (int pass = 0; pass < 3; pass++)
        {
            for (int call = 0; call < 40; call++)
            {
                Raw(16);
                SuccessRaw(16);
                foreach (var v in variants) v.Loop(16);
            }
            Thread.Sleep(500);
        }
        Raw(batch);
        SuccessRaw(batch);
        foreach (var v in variants) v.Loop(batch);

        var ratios = variants.ToDictionary(v => v.Name, _ => new List<double>());
        for (int r = 0; r < rounds; r++)
        {
            foreach (var v in variants)
            {
                bool rawFirst = r % 2 == 0;
                double a1 = rawFirst ? Time(v.Baseline, batch) : 0;
                double b = Time(v.Loop, batch);
                double a2 = rawFirst ? 0 : Time(v.Baseline, batch);
                ratios[v.Name].Add(b / (rawFirst ? a1 : a2));
            }
        }
        return ratios.ToDictionary(kv => kv.Key, kv => Summarize(kv.Value));
    }

    /// <summary>The analyzer row: compile without analyzers, then with the Kapi analyzers, alternating which goes first.</summary>
    public static PairedRatio Analyzers(Func<double> without, Func<double> with, int rounds)
    {
        var ratios = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            if (r % 2 == 0)
            {
                double a = without();
                ratios.Add(with() / a);
            }
            else
            {
                double b = with();
                ratios.Add(b / without());
            }
        }
        return Summarize(ratios);
    }

    internal static PairedRatio Summarize(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return new PairedRatio(Quantile(sorted, 0.5), Quantile(sorted, 0.25), Quantile(sorted, 0.75), sorted.Length);
    }

    private static double Quantile(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : Statistics.QuantileOfSorted(sorted, q);

    /// <summary>Time each batch by the calling thread's CPU time (user + system) instead of the wall clock.</summary>
    internal static bool UseThreadCpuTime { get; set; }

    private static double Time(Func<int, int> loop, int n)
    {
        if (UseThreadCpuTime)
        {
            double cpuStart = ThreadCpuMilliseconds();
            loop(n);
            return ThreadCpuMilliseconds() - cpuStart;
        }
        long start = Stopwatch.GetTimestamp();
        loop(n);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static double ThreadCpuMilliseconds() => CallbackCpuTime.ThreadNanoseconds() / 1e6;

    // One loop per variant, each calling the API directly (no delegate per call): what the benchmark methods do.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Raw(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.RawNative.mlockall(s_flags);
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RawErrno(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.RawNative.mlockall(s_flags) == -1 ? Marshal.GetLastSystemError() : 0;
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RawSetLastError(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.RawNativeSetLastError.mlockall(s_flags) == -1 ? Marshal.GetLastPInvokeError() : 0;
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int GeneratedOff(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += Unvalidated.Syscalls.Mlockall((Unvalidated.MlockallFlags)s_flags).Errno;
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int GeneratedOn(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += Validated.Syscalls.Mlockall((Validated.MlockallFlags)s_flags).Errno;
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Tmds(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += global::Tmds.Linux.LibC.mlockall(s_flags) == -1 ? Marshal.GetLastPInvokeError() : 0;
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Mono(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += global::Mono.Unix.Native.Syscall.mlockall((global::Mono.Unix.Native.MlockallFlags)s_flags) == -1 ? (int)global::Mono.Unix.Native.Stdlib.GetLastError() : 0;
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int LibraryImportSetLastError(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.LibraryImportSetLastError.mlockall(s_flags) == -1 ? Marshal.GetLastPInvokeError() : 0;
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int LibraryImportBlittable(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.LibraryImportBlittable.mlockall(s_flags) == -1 ? Marshal.GetLastSystemError() : 0;
        return s;
    }

    // Success path: madvise(0, 0, MADV_NORMAL) returns 0.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SuccessRaw(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.RawNative.madvise(s_addr, s_length, s_advice);
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SuccessRawErrno(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.RawNative.madvise(s_addr, s_length, s_advice) == -1 ? Marshal.GetLastSystemError() : 0;
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SuccessRawSetLastError(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.RawNativeSetLastError.madvise(s_addr, s_length, s_advice) == -1 ? Marshal.GetLastPInvokeError() : 0;
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SuccessLibraryImportSetLastError(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.LibraryImportSetLastError.madvise(s_addr, s_length, s_advice) == -1 ? Marshal.GetLastPInvokeError() : 0;
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SuccessLibraryImportBlittable(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.LibraryImportBlittable.madvise(s_addr, s_length, s_advice) == -1 ? Marshal.GetLastSystemError() : 0;
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SuccessGeneratedOff(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += Unvalidated.Syscalls.Madvise(s_addr, s_length, (Unvalidated.MadviseAdvice)s_advice).Errno;
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SuccessGeneratedOn(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += Validated.Syscalls.Madvise(s_addr, s_length, (Validated.MadviseAdvice)s_advice).Errno;
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SuccessTmds(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.TmdsMadvise(s_addr, s_length, s_advice) == -1 ? Marshal.GetLastPInvokeError() : 0;
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SuccessMono(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += global::Mono.Unix.Native.Syscall.posix_madvise(s_addr, s_length, (global::Mono.Unix.Native.PosixMadviseAdvice)s_advice);
        return s;
    }
}
