using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kapi.Benchmarks;

/// <summary>
/// What reading errno can cost at the least on the error path (`trace runtime [n] [batch] [cpu] floor`): the raw
/// blittable mlockall(0x8) DllImport followed by ways of getting a value after the -1, from none to KapiErrno.Read,
/// each paired with the raw call as the other rows are. Not rows of the BenchmarkDotNet table: they only locate where
/// the generated wrapper's error-path cost is (issue 16 target 4).
/// </summary>
internal static class ErrnoFloor
{
    private static int s_flags = RuntimeBenchmarks.InvalidFlags;
    private static int s_value = 22;

    // In a class of its own: no static constructor, which the JIT's inlined thread-static access needs.
    private static class PerThread
    {
        [ThreadStatic]
        internal static int t_value;
    }

    // The measuring thread's errno address, taken once before the rounds. Valid on that thread only: the lower bound
    // of any read of errno's memory (one load of a process-wide static, one load of errno), not a way to read errno.
    private static nint s_errnoAddress;

    /// <summary>The floor rows, each against the raw mlockall(0x8) loop.</summary>
    public static IEnumerable<(string Name, Func<int, int> Loop)> Variants()
    {
        PerThread.t_value = 22;
        s_errnoAddress = ErrnoLocation();
        yield return ("Floor_Raw_DllImport_AA", RawCopy);
        yield return ("Floor_CheckOnly_NoErrno", CheckOnly);
        yield return ("Floor_StaticLoad", StaticLoad);
        yield return ("Floor_ManagedCall", ManagedCall);
        yield return ("Floor_LibcCall_SuppressGCTransition", LibcCall);
        yield return ("Floor_ThreadStaticRead", ThreadStaticRead);
        yield return ("Floor_ErrnoLoad_CachedAddress", CachedAddress);
        yield return ("Floor_ErrnoLocation_NoLoad", ErrnoLocationNoLoad);
        yield return ("Floor_ErrnoLocation_Load", ErrnoLocationLoad);
        yield return ("Floor_KapiErrno_Read", KapiErrnoRead);
        _ = ReadonlyGate.Direct;
        yield return ("Floor_ErrnoLocation_Load_ReadonlyGate", ReadonlyGateLoad);
        if (RawSyscallStub.TryCreate() is { } stub)
        {
            s_mlockallStub = stub;
            yield return ("Floor_RawSyscallStub_NegatedErrno", StubCall);
        }
    }

    private static nint s_mlockallStub;

    /// <summary>
    /// mlockall through a three-instruction x86-64 stub (mov eax, 151; syscall; ret) in a page of its own: the kernel's
    /// -errno comes back in the return register, so libc neither writes errno nor does anything read it. Not a way the
    /// wrappers call the kernel (it bypasses the C library); the row says what skipping errno altogether would measure.
    /// </summary>
    private static class RawSyscallStub
    {
        [DllImport("libc", EntryPoint = "mmap", ExactSpelling = true)]
        private static extern nint Mmap(nint addr, nuint length, int prot, int flags, int fd, nint offset);

        [DllImport("libc", EntryPoint = "mprotect", ExactSpelling = true)]
        private static extern int Mprotect(nint addr, nuint length, int prot);

        internal static unsafe nint TryCreate()
        {
            if (RuntimeInformation.ProcessArchitecture != Architecture.X64 || !OperatingSystem.IsLinux()) return 0;
            nint page = Mmap(0, 4096, 3 /* PROT_READ | PROT_WRITE */, 0x22 /* MAP_PRIVATE | MAP_ANONYMOUS */, -1, 0);
            if (page == -1) return 0;
            ReadOnlySpan<byte> code = [0xB8, 151, 0, 0, 0, 0x0F, 0x05, 0xC3];
            code.CopyTo(new Span<byte>((void*)page, code.Length));
            return Mprotect(page, 4096, 5 /* PROT_READ | PROT_EXEC */) == 0 ? page : 0;
        }
    }

    /// <summary>The stub's result negated: errno without errno.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe int StubCall(int n)
    {
        var stub = (delegate* unmanaged<int, int>)s_mlockallStub;
        int s = 0;
        for (int i = 0; i < n; i++)
        {
            int r = stub(s_flags);
            s += r < 0 ? -r : 0;
        }
        return s;
    }

    [DllImport("libc", EntryPoint = "__errno_location", ExactSpelling = true)]
    [SuppressGCTransition]
    private static extern nint ErrnoLocation();

    [DllImport("libc", EntryPoint = "abs", ExactSpelling = true)]
    [SuppressGCTransition]
    private static extern int Abs(int value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int TwentyTwo() => 22;

    /// <summary>The raw loop again: the A/A pair, how far apart two identical loops measure.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RawCopy(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.RawNative.mlockall(s_flags);
        return s;
    }

    /// <summary>The -1 test of a binding, no errno.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int CheckOnly(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.RawNative.mlockall(s_flags) == -1 ? 22 : 0;
        return s;
    }

    /// <summary>One load of a static after the -1.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int StaticLoad(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.RawNative.mlockall(s_flags) == -1 ? Volatile.Read(ref s_value) : 0;
        return s;
    }

    /// <summary>A call of a managed method that returns a constant.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ManagedCall(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.RawNative.mlockall(s_flags) == -1 ? TwentyTwo() : 0;
        return s;
    }

    /// <summary>A [SuppressGCTransition] call of a libc function that does not touch TLS (abs).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int LibcCall(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.RawNative.mlockall(s_flags) == -1 ? Abs(-22) : 0;
        return s;
    }

    /// <summary>A [ThreadStatic] int read (on linux-x64 the JIT's inlined access calls __tls_get_addr).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ThreadStaticRead(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.RawNative.mlockall(s_flags) == -1 ? PerThread.t_value : 0;
        return s;
    }

    /// <summary>errno loaded through the address cached in a static (this thread only): the least any errno read costs.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe int CachedAddress(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.RawNative.mlockall(s_flags) == -1 ? *(int*)s_errnoAddress : 0;
        return s;
    }

    /// <summary>The __errno_location call alone, its result not dereferenced.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ErrnoLocationNoLoad(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.RawNative.mlockall(s_flags) == -1 ? (int)ErrnoLocation() : 0;
        return s;
    }

    /// <summary>__errno_location and the load of errno: KapiErrno.Read without its binding check.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe int ErrnoLocationLoad(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.RawNative.mlockall(s_flags) == -1 ? *(int*)ErrnoLocation() : 0;
        return s;
    }

    private static class ReadonlyGate
    {
        internal static readonly bool Direct = ErrnoLocation() != 0;
    }

    /// <summary>__errno_location and the load behind a static readonly gate bound before the rounds.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe int ReadonlyGateLoad(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.RawNative.mlockall(s_flags) == -1 ? (ReadonlyGate.Direct ? *(int*)ErrnoLocation() : Marshal.GetLastSystemError()) : 0;
        return s;
    }

    /// <summary>What the generated wrapper calls.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int KapiErrnoRead(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += RuntimeBenchmarks.RawNative.mlockall(s_flags) == -1 ? Kapi.Runtime.KapiErrno.Read() : 0;
        return s;
    }
}
