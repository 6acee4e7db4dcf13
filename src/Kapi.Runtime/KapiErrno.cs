using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kapi.Runtime;

/// <summary>
/// The calling thread's <c>errno</c>, read by the generated wrappers right after a native call returned -1: the value
/// <see cref="Marshal.GetLastSystemError"/> returns, one native call cheaper. <c>Marshal.GetLastSystemError</c> calls
/// libSystem.Native's <c>SystemNative_GetErrNo</c>, which calls libc's <c>__errno_location</c>; this calls
/// <c>__errno_location</c> itself (without a GC transition: it only returns the thread's errno address) and reads the
/// value there.
/// </summary>
/// <remarks>
/// The import is bound once per process, by the first <see cref="Prepare"/> or <see cref="Read"/>; the generated
/// wrappers call <see cref="Prepare"/> before their native call, so binding (loading libc, looking the symbol up) never
/// runs between a call and the read of its errno, and binding leaves errno as it found it. Whether the import works is
/// then a read-only static, which optimized code treats as a constant: <see cref="Read"/> compiles to the call and the
/// load, <see cref="Prepare"/> to nothing. A C library without <c>__errno_location</c> (glibc and musl have it) makes
/// every read fall back to <c>Marshal.GetLastSystemError</c>.
/// </remarks>
public static class KapiErrno
{
    /// <summary>The calling thread's errno, as <see cref="Marshal.GetLastSystemError"/> returns it.</summary>
    /// <returns>The errno value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Read() =>
        Binding.Direct
            ? Unsafe.As<byte, int>(ref Unsafe.AddByteOffset(ref Unsafe.NullRef<byte>(), ErrnoLocation()))
            : Marshal.GetLastSystemError();

    /// <summary>
    /// Binds what <see cref="Read"/> uses, if that has not happened yet, leaving errno as it was: called before a native
    /// call whose errno will be read. Once bound, optimized code has nothing left of it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Prepare() => _ = Binding.Direct;

    // A class of its own, initialized on the first Prepare or Read: the rest of KapiErrno needs no initialization.
    private static class Binding
    {
        internal static readonly bool Direct = Bind();

        private static bool Bind()
        {
            int errno = Marshal.GetLastSystemError();
            bool direct = false;
            try
            {
                direct = ErrnoLocation() != 0;
            }
            catch (EntryPointNotFoundException)
            {
            }
            catch (DllNotFoundException)
            {
            }
            // binding may have changed errno: a Read right after it still reports the caller's value
            Marshal.SetLastSystemError(errno);
            return direct;
        }
    }

    [DllImport("libc", EntryPoint = "__errno_location", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    private static extern nint ErrnoLocation();
}
