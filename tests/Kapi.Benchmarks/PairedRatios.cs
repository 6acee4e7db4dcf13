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
    // A field, not the constant: the JIT must not fold the validation away.
    private static int s_flags = RuntimeBenchmarks.InvalidFlags;

    /// <summary>The median and the interquartile range of the per-round ratios.</summary>
    internal sealed record PairedRatio(double Median, double Q1, double Q3, int Rounds)
    {
        public override string ToString() => FormattableString.Invariant($"{Median:F3}× (IQR {Q1:F3}–{Q3:F3}, {Rounds} rounds)");
    }

    /// <summary>Run-time rows: each variant against the raw DllImport, batches of <paramref name="batch"/> calls.</summary>
    public static IReadOnlyDictionary<string, PairedRatio> RunTime(int rounds, int batch = 100_000)
    {
        var variants = new (string Name, Func<int, int> Loop)[]
        {
            (nameof(RuntimeBenchmarks.Generated_ValidationOff), GeneratedOff),
            (nameof(RuntimeBenchmarks.Generated_ValidationOn_RejectedBeforeCall), GeneratedOn),
            (nameof(RuntimeBenchmarks.Raw_DllImport_Errno), RawErrno),
            (nameof(RuntimeBenchmarks.Raw_DllImport_SetLastError), RawSetLastError),
            (nameof(RuntimeBenchmarks.TmdsLibC), Tmds),
        };
        var list = variants.ToList();
        if (RuntimeBenchmarks.ProbeMonoPosix() is null) list.Add((nameof(RuntimeBenchmarks.MonoPosix), Mono));

        // warm up every loop (tier-1 code) before measuring
        Raw(batch);
        foreach (var v in list) v.Loop(batch);

        var ratios = list.ToDictionary(v => v.Name, _ => new List<double>());
        for (int r = 0; r < rounds; r++)
        {
            foreach (var v in list)
            {
                bool rawFirst = r % 2 == 0;
                double a1 = rawFirst ? Time(Raw, batch) : 0;
                double b = Time(v.Loop, batch);
                double a2 = rawFirst ? 0 : Time(Raw, batch);
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

    private static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        double pos = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (pos - lo));
    }

    private static double Time(Func<int, int> loop, int n)
    {
        long start = Stopwatch.GetTimestamp();
        loop(n);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

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
}
