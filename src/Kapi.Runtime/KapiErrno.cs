using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace Kapi.Runtime;

/// <summary>
/// The calling thread's <c>errno</c>, read by the generated wrappers right after a native call returned -1: the value
/// <see cref="Marshal.GetLastSystemError"/> returns, one native call cheaper. <c>Marshal.GetLastSystemError</c> calls
/// libSystem.Native's <c>SystemNative_GetErrNo</c>, which calls libc's <c>__errno_location</c>; this calls
/// <c>__errno_location</c> itself (without a GC transition: it only returns the thread's errno address) and reads the
/// value there.
/// </summary>
/// <remarks>
/// The import is bound on the first read, after errno has been read the usual way, so that nothing that binding does
/// (loading libc, looking the symbol up) can change the errno being reported. A C library without
/// <c>__errno_location</c> (glibc and musl have it) makes every read fall back to <c>Marshal.GetLastSystemError</c>.
/// </remarks>
public static class KapiErrno
{
    private const int Unbound = 0;
    private const int Direct = 1;
    private const int Fallback = 2;

    private static int s_state;

    /// <summary>The calling thread's errno, as <see cref="Marshal.GetLastSystemError"/> returns it.</summary>
    /// <returns>The errno value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Read() =>
        Volatile.Read(ref s_state) == Direct
            ? Unsafe.As<byte, int>(ref Unsafe.AddByteOffset(ref Unsafe.NullRef<byte>(), ErrnoLocation()))
            : ReadAndBind();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ReadAndBind()
    {
        int errno = Marshal.GetLastSystemError();
        if (s_state == Unbound)
        {
            int state = Fallback;
            try
            {
                if (ErrnoLocation() != 0) state = Direct;
            }
            catch (EntryPointNotFoundException)
            {
            }
            catch (DllNotFoundException)
            {
            }
            // binding may have changed errno: the caller keeps seeing the value it is told about
            Marshal.SetLastSystemError(errno);
            Volatile.Write(ref s_state, state);
        }
        return errno;
    }

    [DllImport("libc", EntryPoint = "__errno_location", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    private static extern nint ErrnoLocation();
}
