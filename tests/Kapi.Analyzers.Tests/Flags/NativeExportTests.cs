using System.Threading.Tasks;
using Kapi.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Kapi.Analyzers.Tests.Flags;

/// <summary>
/// Calls through delegates and unmanaged function pointers over libc exports looked up by name
/// (NativeLibrary.GetExport / TryGetExport, Marshal.GetDelegateForFunctionPointer), followed through locals,
/// readonly and static readonly fields and out arguments; and the look-alikes that must stay silent.
/// </summary>
public class NativeExportTests
{
    private const string X64 = "linux-x64";

    private static Task Run(string code) => FlagsTest.RunAsync(X64, code);

    [Fact]
    public Task Function_pointer_from_GetExport_in_a_local() => Run("""
        using System;
        using System.Runtime.InteropServices;

        unsafe class C
        {
            void M()
            {
                IntPtr libc = NativeLibrary.Load("libc.so.6");
                var mlockall = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(libc, "mlockall");
                mlockall(3);
                mlockall({|KAPI2001:8|});
                mlockall({|KAPI2002:0|});

                IntPtr address = NativeLibrary.GetExport(NativeLibrary.GetMainProgramHandle(), "mlockall");
                delegate* unmanaged[Cdecl]<int, int> viaLocal = (delegate* unmanaged[Cdecl]<int, int>)address;
                viaLocal({|KAPI2001:1 | 0x10|});
            }
        }
        """);

    [Fact]
    public Task Function_pointers_in_static_readonly_fields_and_TryGetExport_out_arguments() => Run("""
        using System;
        using System.Runtime.InteropServices;

        unsafe static class LibC
        {
            static readonly IntPtr s_handle = NativeLibrary.Load("libc.so.6");
            static readonly delegate* unmanaged<int, int> s_mlockall = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(s_handle, "mlockall");
            static readonly IntPtr s_mlock2;

            static LibC()
            {
                NativeLibrary.TryGetExport(s_handle, "mlock2", out s_mlock2);
            }

            public static int LockAll(int flags) => s_mlockall({|KAPI2004:flags|});

            public static void M(nint start, nuint length)
            {
                s_mlockall(1);
                s_mlockall({|KAPI2001:0x40|});
                var mlock2 = (delegate* unmanaged<nint, nuint, int, int>)s_mlock2;
                mlock2(start, length, 1);
                mlock2(start, length, {|KAPI2001:2|});
                if (NativeLibrary.TryGetExport(s_handle, "mlock2", out var p))
                {
                    ((delegate* unmanaged<nint, nuint, uint, int>)p)(start, length, {|KAPI2001:4u|});
                }
            }
        }
        """);

    [Fact]
    public Task Delegates_from_GetDelegateForFunctionPointer() => Run("""
        using System;
        using System.Runtime.InteropServices;

        class C
        {
            [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
            delegate int MlockallFn(int flags);

            delegate int OpenFn(string path, int flags, int mode);

            static readonly MlockallFn s_generic = Marshal.GetDelegateForFunctionPointer<MlockallFn>(NativeLibrary.GetExport(NativeLibrary.Load("libc"), "mlockall"));
            readonly MlockallFn _instance;

            C(IntPtr libc)
            {
                _instance = (MlockallFn)Marshal.GetDelegateForFunctionPointer(NativeLibrary.GetExport(libc, "mlockall"), typeof(MlockallFn));
            }

            void M(IntPtr libc)
            {
                s_generic(2);
                s_generic({|KAPI2001:8|});
                s_generic.Invoke({|KAPI2001:9|});
                _instance({|KAPI2001:0x100|});
                var open = Marshal.GetDelegateForFunctionPointer<OpenFn>(NativeLibrary.GetExport(libc, "open"));
                open("/tmp/x", 0x40 | 2, 0);
                open("/tmp/x", {|KAPI2002:0x3|}, 0);
                open("/tmp/x", {|KAPI2001:0x100|}, 0);
            }
        }
        """);

    [Fact]
    public Task Unprovable_arguments_to_a_recognised_export_get_KAPI2004() => Run("""
        using System;
        using System.Runtime.InteropServices;

        unsafe class C
        {
            void M(int flags)
            {
                var mlockall = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(NativeLibrary.Load("libc.so.6"), "mlockall");
                mlockall({|KAPI2004:flags|});
            }
        }
        """);

    [Fact]
    public Task Delegates_and_function_pointers_from_a_PInvoke_method_group() => Run("""
        using System;
        using System.Runtime.InteropServices;

        unsafe static partial class C
        {
            [DllImport("libc")] static extern int mlockall(int flags);
            [LibraryImport("libc", EntryPoint = "mlock2")] private static partial int Mlock2(nint start, nuint length, int flags);
            [DllImport("libc", EntryPoint = "syscall")] static extern nint syscall(nint number, nint flags);
            [DllImport("libfoo")] static extern int other(int flags);
            static int mine(int flags) => flags;

            static readonly Func<int, int> s_lock = mlockall;

            static void M(nint start, nuint length)
            {
                Func<int, int> f = mlockall;
                f(3);
                f({|KAPI2001:8|});
                s_lock.Invoke({|KAPI2002:0|});
                delegate*<int, int> p = &mlockall;
                p({|KAPI2001:0x10|});
                var lock2 = new Func<nint, nuint, int, int>(Mlock2);
                lock2(start, length, {|KAPI2001:2|});
                Func<nint, nint, nint> raw = syscall;
                raw(151, {|KAPI2001:8|});

                // another library, a method that is not an import
                Func<int, int> g = other;
                g(8);
                Func<int, int> h = mine;
                h(8);
            }
        }

        static partial class C
        {
            private static partial int Mlock2(nint start, nuint length, int flags) => 0; // stands in for the LibraryImport generator's output
        }
        """);

    [Fact]
    public Task Look_alikes_stay_silent() => Run("""
        using System;
        using System.Runtime.InteropServices;

        unsafe class C
        {
            delegate int Fn(int flags);

            // a method of the user's own named mlockall, not a libc import
            static int mlockall(int flags) => flags;

            static readonly IntPtr s_mutable = NativeLibrary.GetExport(NativeLibrary.Load("libc.so.6"), "mlockall");
            static IntPtr s_notReadonly = NativeLibrary.GetExport(NativeLibrary.Load("libc.so.6"), "mlockall");

            void M(IntPtr fromCaller, bool which)
            {
                mlockall(8);

                // an export of another symbol
                var close = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(NativeLibrary.Load("libc.so.6"), "close");
                close(8);

                // mlockall of another library
                var other = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(NativeLibrary.Load("libfoo.so"), "mlockall");
                other(8);

                // a delegate that does not come from an export
                Fn lambda = x => x;
                lambda(8);

                // a pointer the caller passes, a mutable field, one of two exports
                ((delegate* unmanaged<int, int>)fromCaller)(8);
                ((delegate* unmanaged<int, int>)s_notReadonly)(8);
                IntPtr either = which
                    ? NativeLibrary.GetExport(NativeLibrary.Load("libc.so.6"), "mlockall")
                    : NativeLibrary.GetExport(NativeLibrary.Load("libc.so.6"), "munlockall");
                ((delegate* unmanaged<int, int>)either)(8);
                IntPtr reassigned = NativeLibrary.GetExport(NativeLibrary.Load("libc.so.6"), "mlockall");
                reassigned = NativeLibrary.GetExport(NativeLibrary.Load("libc.so.6"), "close");
                ((delegate* unmanaged<int, int>)reassigned)(8);

                // a signature whose arity differs from the spec's
                ((delegate* unmanaged<int, int, int>)s_mutable)(8, 8);
            }
        }
        """);

    [Fact]
    public Task Calls_behind_OperatingSystem_checks_are_checked_for_the_target_architectures_only()
    {
        const string code = """
            using System;
            using System.Runtime.InteropServices;

            class C
            {
                [DllImport("libc")] static extern int mlockall(int flags);

                void M()
                {
                    if (OperatingSystem.IsLinux()) mlockall(MARK);
                    if (!OperatingSystem.IsWindows() && RuntimeInformation.ProcessArchitecture == Architecture.X64) mlockall(MARK);
                }
            }
            """;
        // 0x2000 is MCL_CURRENT on ppc64le only
        var x64 = new FlagsTest(code.Replace("MARK", "{|KAPI2001:0x2000|}"));
        x64.WithRuntimeIdentifier("linux-x64");
        var ppc = new FlagsTest(code.Replace("MARK", "0x2000"));
        ppc.BuildProperties["KapiTargetArchitectures"] = "ppc64le";
        return Task.WhenAll(x64.RunAsync(), ppc.RunAsync());
    }
}
