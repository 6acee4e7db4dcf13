using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Validated = Kapi.Benchmarks.Generated;

namespace Kapi.Benchmarks;

/// <summary>
/// Call overhead of the Kapi-generated wrappers against what a user would write instead, in one run (issue 3 "Speed",
/// issue 8 "Run time", issue 16 target 4), on two paths:
/// <list type="bullet">
/// <item><description><b>error path</b> (category <see cref="ErrorPath"/>): <c>mlockall(0x8)</c>, which the KERNEL
/// rejects at once with EINVAL (the unknown bit 0x8), so the binding's own cost, errno read included, shows next to one
/// trip into the kernel and back;</description></item>
/// <item><description><b>success path</b> (category <see cref="SuccessPath"/>): <c>madvise(0, 0, MADV_NORMAL)</c>,
/// which the kernel accepts and returns 0 for without doing anything (a valid advice and an empty range).</description></item>
/// </list>
/// Each path has its own baseline, a raw blittable <c>[DllImport]</c> that ignores errno.
/// </summary>
/// <remarks>
/// Never MCL_CURRENT without MCL_ONFAULT (and here never a valid mlockall value at all): this process runs as root with
/// CAP_IPC_LOCK, so a valid call would lock its memory. <see cref="Setup"/> checks that every error row fails with
/// EINVAL and every success row succeeds.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public partial class RuntimeBenchmarks
{
    /// <summary>The category of the mlockall(0x8) rows.</summary>
    public const string ErrorPath = "error";

    /// <summary>The category of the madvise(0, 0, MADV_NORMAL) rows.</summary>
    public const string SuccessPath = "success";

    /// <summary>MCL_ONFAULT &lt;&lt; 1: no such flag; mlockall(2) returns EINVAL before looking at anything else.</summary>
    public const int InvalidFlags = 0x8;

    /// <summary>MADV_NORMAL: with address 0 and length 0, madvise(2) returns 0 at once.</summary>
    public const int MadvNormal = 0;

    private int _flags = InvalidFlags;
    private nint _addr;
    private nuint _length;
    private int _advice = MadvNormal;

    /// <summary>Why the Mono.Posix rows cannot run, or null when they can.</summary>
    public static string? MonoPosixUnavailable { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _flags = InvalidFlags;
        _addr = 0;
        _length = 0;
        _advice = MadvNormal;
        Expect("raw DllImport", RawNative.mlockall(_flags) == -1 ? Marshal.GetLastSystemError() : 0);
        Expect("raw DllImport (SetLastError)", RawNativeSetLastError.mlockall(_flags) == -1 ? Marshal.GetLastPInvokeError() : 0);
        Expect("LibraryImport (SetLastError)", LibraryImportSetLastError.mlockall(_flags) == -1 ? Marshal.GetLastPInvokeError() : 0);
        Expect("LibraryImport (blittable)", LibraryImportBlittable.mlockall(_flags) == -1 ? Marshal.GetLastSystemError() : 0);
        Expect("generated, validation off", Unvalidated.Syscalls.Mlockall((Unvalidated.MlockallFlags)_flags).Errno);
        Expect("generated, validation on", Validated.Syscalls.Mlockall((Validated.MlockallFlags)_flags).Errno);
        Expect("Tmds.LibC", Tmds.Linux.LibC.mlockall(_flags) == -1 ? Marshal.GetLastPInvokeError() : 0);

        ExpectSuccess("raw DllImport", RawNative.madvise(_addr, _length, _advice));
        ExpectSuccess("raw DllImport (SetLastError)", RawNativeSetLastError.madvise(_addr, _length, _advice));
        ExpectSuccess("LibraryImport (SetLastError)", LibraryImportSetLastError.madvise(_addr, _length, _advice));
        ExpectSuccess("LibraryImport (blittable)", LibraryImportBlittable.madvise(_addr, _length, _advice));
        var off = Unvalidated.Syscalls.Madvise(_addr, _length, (Unvalidated.MadviseAdvice)_advice);
        ExpectSuccess("generated, validation off", off.IsSuccess ? 0 : -1);
        var on = Validated.Syscalls.Madvise(_addr, _length, (Validated.MadviseAdvice)_advice);
        ExpectSuccess("generated, validation on", on.IsSuccess ? 0 : -1);
        ExpectSuccess("Tmds.LibC", TmdsMadvise(_addr, _length, _advice));
        MonoPosixUnavailable = ProbeMonoPosix();
    }

    private static void Expect(string row, int errno)
    {
        if (errno != 22) throw new InvalidOperationException($"{row}: mlockall(0x{InvalidFlags:X}) gave errno {errno}, expected EINVAL (22)");
    }

    private static void ExpectSuccess(string row, int rc)
    {
        if (rc != 0) throw new InvalidOperationException($"{row}: madvise(0, 0, MADV_NORMAL) returned {rc}, expected 0");
    }

    /// <summary>Mono.Posix needs its native helper (libMonoPosixHelper.so) for the flag translation.</summary>
    internal static string? ProbeMonoPosix()
    {
        try
        {
            int rc = Mono.Unix.Native.Syscall.mlockall((Mono.Unix.Native.MlockallFlags)InvalidFlags);
            var errno = Mono.Unix.Native.Stdlib.GetLastError();
            if (rc != -1 || errno != Mono.Unix.Native.Errno.EINVAL) return $"mlockall(0x{InvalidFlags:X}) returned {rc} ({errno}), expected -1 EINVAL";
            rc = Mono.Unix.Native.Syscall.posix_madvise(0, 0, Mono.Unix.Native.PosixMadviseAdvice.POSIX_MADV_NORMAL);
            return rc == 0 ? null : $"posix_madvise(0, 0, POSIX_MADV_NORMAL) returned {rc}, expected 0";
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            return ex.GetType().Name + ": " + ex.Message;
        }
    }

    /// <summary>Tmds.LibC's madvise takes a pointer and its own size_t.</summary>
    internal static unsafe int TmdsMadvise(nint addr, nuint length, int advice) => Tmds.Linux.LibC.madvise((void*)addr, (Tmds.Linux.size_t)length, advice);

    // ---- error path: mlockall(0x8) -> EINVAL ----

    /// <summary>Baseline: a blittable <c>[DllImport("libc", EntryPoint = "mlockall")] static extern int</c>, no errno.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(ErrorPath)]
    public int Raw_DllImport() => RawNative.mlockall(_flags);

    /// <summary>The same blittable DllImport, then errno read with Marshal.GetLastSystemError (what LibraryImport stubs do).</summary>
    [Benchmark, BenchmarkCategory(ErrorPath)]
    public int Raw_DllImport_Errno() => RawNative.mlockall(_flags) == -1 ? Marshal.GetLastSystemError() : 0;

    /// <summary>What most hand-written declarations do: SetLastError = true, then Marshal.GetLastPInvokeError().</summary>
    [Benchmark, BenchmarkCategory(ErrorPath)]
    public int Raw_DllImport_SetLastError() => RawNativeSetLastError.mlockall(_flags) == -1 ? Marshal.GetLastPInvokeError() : 0;

    /// <summary>Source-generated <c>[LibraryImport(SetLastError = true)]</c>, then Marshal.GetLastPInvokeError().</summary>
    [Benchmark, BenchmarkCategory(ErrorPath)]
    public int LibraryImport_SetLastError() => LibraryImportSetLastError.mlockall(_flags) == -1 ? Marshal.GetLastPInvokeError() : 0;

    /// <summary><c>[LibraryImport]</c> without SetLastError (blittable: the generator forwards to a DllImport), then Marshal.GetLastSystemError().</summary>
    [Benchmark, BenchmarkCategory(ErrorPath)]
    public int LibraryImport_Blittable() => LibraryImportBlittable.mlockall(_flags) == -1 ? Marshal.GetLastSystemError() : 0;

    /// <summary>The generated wrapper with KapiRuntimeValidation=false: translate flags, call, read errno, map it to the error enum.</summary>
    [Benchmark, BenchmarkCategory(ErrorPath)]
    public int Generated_ValidationOff() => Unvalidated.Syscalls.Mlockall((Unvalidated.MlockallFlags)_flags).Errno;

    /// <summary>The generated wrapper as shipped (validation on): 0x8 breaks the mask, EINVAL is returned WITHOUT entering the kernel.</summary>
    [Benchmark, BenchmarkCategory(ErrorPath)]
    public int Generated_ValidationOn_RejectedBeforeCall() => Validated.Syscalls.Mlockall((Validated.MlockallFlags)_flags).Errno;

    /// <summary>Tmds.LibC: <c>LibC.mlockall(int)</c> (a DllImport with SetLastError), then the error.</summary>
    [Benchmark, BenchmarkCategory(ErrorPath)]
    public int TmdsLibC() => Tmds.Linux.LibC.mlockall(_flags) == -1 ? Marshal.GetLastPInvokeError() : 0;

    /// <summary>Mono.Posix.NETStandard: <c>Syscall.mlockall(MlockallFlags)</c> (flags translated by libMonoPosixHelper, unknown bits dropped: 0x8 becomes 0, which the kernel rejects too).</summary>
    [Benchmark, BenchmarkCategory(ErrorPath)]
    public int MonoPosix() => Mono.Unix.Native.Syscall.mlockall((Mono.Unix.Native.MlockallFlags)_flags) == -1 ? (int)Mono.Unix.Native.Stdlib.GetLastError() : 0;

    // ---- success path: madvise(0, 0, MADV_NORMAL) -> 0 ----

    /// <summary>Baseline: a blittable <c>[DllImport("libc", EntryPoint = "madvise")] static extern int</c>, no errno.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(SuccessPath)]
    public int Success_Raw_DllImport() => RawNative.madvise(_addr, _length, _advice);

    /// <summary>The blittable DllImport with the errno read of a binding that reports errors (not taken: the call succeeds).</summary>
    [Benchmark, BenchmarkCategory(SuccessPath)]
    public int Success_Raw_DllImport_Errno() => RawNative.madvise(_addr, _length, _advice) == -1 ? Marshal.GetLastSystemError() : 0;

    /// <summary>DllImport with SetLastError = true (errno cleared and saved on every call).</summary>
    [Benchmark, BenchmarkCategory(SuccessPath)]
    public int Success_Raw_DllImport_SetLastError() => RawNativeSetLastError.madvise(_addr, _length, _advice) == -1 ? Marshal.GetLastPInvokeError() : 0;

    /// <summary>Source-generated <c>[LibraryImport(SetLastError = true)]</c>.</summary>
    [Benchmark, BenchmarkCategory(SuccessPath)]
    public int Success_LibraryImport_SetLastError() => LibraryImportSetLastError.madvise(_addr, _length, _advice) == -1 ? Marshal.GetLastPInvokeError() : 0;

    /// <summary><c>[LibraryImport]</c> without SetLastError (blittable).</summary>
    [Benchmark, BenchmarkCategory(SuccessPath)]
    public int Success_LibraryImport_Blittable() => LibraryImportBlittable.madvise(_addr, _length, _advice) == -1 ? Marshal.GetLastSystemError() : 0;

    /// <summary>The generated madvise wrapper with KapiRuntimeValidation=false.</summary>
    [Benchmark, BenchmarkCategory(SuccessPath)]
    public int Success_Generated_ValidationOff() => Unvalidated.Syscalls.Madvise(_addr, _length, (Unvalidated.MadviseAdvice)_advice).Errno;

    /// <summary>The generated madvise wrapper as shipped (validation on: the advice is checked against the spec's values, then the call).</summary>
    [Benchmark, BenchmarkCategory(SuccessPath)]
    public int Success_Generated_ValidationOn() => Validated.Syscalls.Madvise(_addr, _length, (Validated.MadviseAdvice)_advice).Errno;

    /// <summary>Tmds.LibC: <c>LibC.madvise(void*, size_t, int)</c> (a DllImport with SetLastError).</summary>
    [Benchmark, BenchmarkCategory(SuccessPath)]
    public int Success_TmdsLibC() => TmdsMadvise(_addr, _length, _advice) == -1 ? Marshal.GetLastPInvokeError() : 0;

    /// <summary>
    /// Mono.Posix.NETStandard has no madvise: <c>Syscall.posix_madvise(IntPtr, ulong, PosixMadviseAdvice)</c>, which
    /// glibc turns into the same madvise system call (POSIX_MADV_NORMAL is MADV_NORMAL) and which returns the error
    /// number itself, so there is no errno to read (advice translated by libMonoPosixHelper).
    /// </summary>
    [Benchmark, BenchmarkCategory(SuccessPath)]
    public int Success_MonoPosix() => Mono.Unix.Native.Syscall.posix_madvise(_addr, _length, (Mono.Unix.Native.PosixMadviseAdvice)_advice);

    internal static class RawNative
    {
        [DllImport("libc", EntryPoint = "mlockall")]
        public static extern int mlockall(int flags);

        [DllImport("libc", EntryPoint = "madvise")]
        public static extern int madvise(nint addr, nuint length, int advice);
    }

    internal static class RawNativeSetLastError
    {
        [DllImport("libc", EntryPoint = "mlockall", SetLastError = true)]
        public static extern int mlockall(int flags);

        [DllImport("libc", EntryPoint = "madvise", SetLastError = true)]
        public static extern int madvise(nint addr, nuint length, int advice);
    }

    internal static partial class LibraryImportSetLastError
    {
        [LibraryImport("libc", EntryPoint = "mlockall", SetLastError = true)]
        public static partial int mlockall(int flags);

        [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
        public static partial int madvise(nint addr, nuint length, int advice);
    }

    internal static partial class LibraryImportBlittable
    {
        [LibraryImport("libc", EntryPoint = "mlockall")]
        public static partial int mlockall(int flags);

        [LibraryImport("libc", EntryPoint = "madvise")]
        public static partial int madvise(nint addr, nuint length, int advice);
    }
}
