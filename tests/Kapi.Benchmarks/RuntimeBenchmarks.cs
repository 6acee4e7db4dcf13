using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Validated = Kapi.Benchmarks.Generated;

namespace Kapi.Benchmarks;

/// <summary>
/// Call overhead of the Kapi-generated <c>mlockall</c> wrapper against what a user would write instead, in one run
/// (issue 3 "Speed", issue 8 "Run time"): every row passes flags the KERNEL rejects at once with EINVAL (the unknown
/// bit 0x8), so the binding's own cost shows next to one trip into the kernel and back.
/// </summary>
/// <remarks>
/// Never MCL_CURRENT without MCL_ONFAULT (and here never a valid value at all): this process runs as root with
/// CAP_IPC_LOCK, so a valid call would lock its memory. <see cref="Setup"/> checks that every row fails with EINVAL.
/// </remarks>
[MemoryDiagnoser]
public class RuntimeBenchmarks
{
    /// <summary>MCL_ONFAULT &lt;&lt; 1: no such flag; mlockall(2) returns EINVAL before looking at anything else.</summary>
    public const int InvalidFlags = 0x8;

    private int _flags = InvalidFlags;

    /// <summary>Why the Mono.Posix row cannot run, or null when it can.</summary>
    public static string? MonoPosixUnavailable { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _flags = InvalidFlags;
        Expect("raw DllImport", RawNative.mlockall(_flags) == -1 ? Marshal.GetLastSystemError() : 0);
        Expect("raw DllImport (SetLastError)", RawNativeSetLastError.mlockall(_flags) == -1 ? Marshal.GetLastPInvokeError() : 0);
        Expect("generated, validation off", Unvalidated.Syscalls.Mlockall((Unvalidated.MlockallFlags)_flags).Errno);
        Expect("generated, validation on", Validated.Syscalls.Mlockall((Validated.MlockallFlags)_flags).Errno);
        Expect("Tmds.LibC", Tmds.Linux.LibC.mlockall(_flags) == -1 ? Marshal.GetLastPInvokeError() : 0);
        MonoPosixUnavailable = ProbeMonoPosix();
    }

    private static void Expect(string row, int errno)
    {
        if (errno != 22) throw new InvalidOperationException($"{row}: mlockall(0x{InvalidFlags:X}) gave errno {errno}, expected EINVAL (22)");
    }

    /// <summary>Mono.Posix needs its native helper (libMonoPosixHelper.so) for the flag translation.</summary>
    internal static string? ProbeMonoPosix()
    {
        try
        {
            int rc = Mono.Unix.Native.Syscall.mlockall((Mono.Unix.Native.MlockallFlags)InvalidFlags);
            var errno = Mono.Unix.Native.Stdlib.GetLastError();
            return rc == -1 && errno == Mono.Unix.Native.Errno.EINVAL ? null : $"mlockall(0x{InvalidFlags:X}) returned {rc} ({errno}), expected -1 EINVAL";
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            return ex.GetType().Name + ": " + ex.Message;
        }
    }

    /// <summary>Baseline: a blittable <c>[DllImport("libc", EntryPoint = "mlockall")] static extern int</c>, no errno.</summary>
    [Benchmark(Baseline = true)]
    public int Raw_DllImport() => RawNative.mlockall(_flags);

    /// <summary>The same blittable DllImport, then errno read the way the generated wrapper reads it (Marshal.GetLastSystemError).</summary>
    [Benchmark]
    public int Raw_DllImport_Errno() => RawNative.mlockall(_flags) == -1 ? Marshal.GetLastSystemError() : 0;

    /// <summary>What most hand-written declarations do: SetLastError = true, then Marshal.GetLastPInvokeError().</summary>
    [Benchmark]
    public int Raw_DllImport_SetLastError() => RawNativeSetLastError.mlockall(_flags) == -1 ? Marshal.GetLastPInvokeError() : 0;

    /// <summary>The generated wrapper with KapiRuntimeValidation=false: translate flags, call, read errno, map it to the error enum.</summary>
    [Benchmark]
    public int Generated_ValidationOff() => Unvalidated.Syscalls.Mlockall((Unvalidated.MlockallFlags)_flags).Errno;

    /// <summary>The generated wrapper as shipped (validation on): 0x8 breaks the mask, EINVAL is returned WITHOUT entering the kernel.</summary>
    [Benchmark]
    public int Generated_ValidationOn_RejectedBeforeCall() => Validated.Syscalls.Mlockall((Validated.MlockallFlags)_flags).Errno;

    /// <summary>Tmds.LibC: <c>LibC.mlockall(int)</c> (a DllImport with SetLastError), then the error.</summary>
    [Benchmark]
    public int TmdsLibC() => Tmds.Linux.LibC.mlockall(_flags) == -1 ? Marshal.GetLastPInvokeError() : 0;

    /// <summary>Mono.Posix.NETStandard: <c>Syscall.mlockall(MlockallFlags)</c> (flags translated by libMonoPosixHelper, unknown bits dropped: 0x8 becomes 0, which the kernel rejects too).</summary>
    [Benchmark]
    public int MonoPosix() => Mono.Unix.Native.Syscall.mlockall((Mono.Unix.Native.MlockallFlags)_flags) == -1 ? (int)Mono.Unix.Native.Stdlib.GetLastError() : 0;

    internal static class RawNative
    {
        [DllImport("libc", EntryPoint = "mlockall")]
        public static extern int mlockall(int flags);
    }

    internal static class RawNativeSetLastError
    {
        [DllImport("libc", EntryPoint = "mlockall", SetLastError = true)]
        public static extern int mlockall(int flags);
    }
}
