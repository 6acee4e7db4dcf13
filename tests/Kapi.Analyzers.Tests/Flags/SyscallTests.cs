using System.Threading.Tasks;
using Kapi.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Kapi.Analyzers.Tests.Flags;

/// <summary>
/// Raw syscall(2): libc's <c>syscall(number, …)</c> through an own import, a delegate or a function pointer, with a
/// number proven per architecture and mapped back through the <c>__NR_*</c> entries of the UAPI table; and the
/// look-alikes that must stay silent. Numbers: mlockall is 151 on x64, 152 on x86/arm/ppc64le/s390x and 230 on
/// arm64/riscv64/loongarch64; mlock2 is 325 on x64; close is 3 and munlockall 152 on x64.
/// </summary>
public class SyscallTests
{
    private const string X64 = "linux-x64";

    private static Task Run(string code) => FlagsTest.RunAsync(X64, code);

    private static Task RunFor(string architectures, string code)
    {
        var test = new FlagsTest(code);
        test.BuildProperties["KapiTargetArchitectures"] = architectures;
        return test.RunAsync();
    }

    [Fact]
    public Task Own_DllImport_of_syscall_checks_the_arguments_after_the_number() => Run("""
        using System.Runtime.InteropServices;

        static class Sys
        {
            const long SYS_mlockall = 151;
            const int MCL_CURRENT = 1, MCL_FUTURE = 2, MCL_ONFAULT = 4;

            [DllImport("libc", SetLastError = true)]
            static extern long syscall(long number, int flags);

            static void M()
            {
                syscall(SYS_mlockall, MCL_CURRENT | MCL_ONFAULT);
                syscall(SYS_mlockall, {|KAPI2001:MCL_CURRENT | 8|});
                syscall(151, {|KAPI2002:MCL_ONFAULT|});
                syscall(number: SYS_mlockall, flags: {|KAPI2001:0x20|});
                syscall((long)SYS_mlockall, {|KAPI2002:0|});
            }
        }
        """);

    [Fact]
    public Task Fixed_arity_overloads_with_nint_and_long_arguments() => Run("""
        using System.Runtime.InteropServices;

        static class Sys
        {
            [DllImport("libc")] static extern nint syscall(nint number, nint a1);
            [DllImport("libc")] static extern nint syscall(nint number, nint a1, nint a2, nint a3);
            [DllImport("libc")] static extern long syscall(long number, long a1, long a2, long a3, long a4, long a5, long a6);

            static void M(nint start, nint length)
            {
                syscall(151, 2);
                syscall(151, {|KAPI2001:0x40|});
                syscall(325, start, length, 1);
                syscall(325, start, length, {|KAPI2001:2|});
                // the registers a call does not read are ignored
                syscall(151, 3, 0, 0, 0, 0, 0);
                syscall(151, {|KAPI2001:8|}, 0, 0, 0, 0, 0);
                // the kernel reads an int from a long register: bits above 32 do not reach it
                syscall(151, 0x1_0000_0003L, 0, 0, 0, 0, 0);
                syscall(151, {|KAPI2001:0x1_0000_0008L|}, 0, 0, 0, 0, 0);
                // a signature shorter than the call's parameters: the arguments it passes are checked
                syscall(325, start);
            }
        }
        """);

    [Fact]
    public Task LibraryImport_and_EntryPoint_name_the_syscall_function() => Run("""
        using System.Runtime.InteropServices;

        static partial class Sys
        {
            [LibraryImport("libc.so.6", EntryPoint = "syscall", SetLastError = true)]
            internal static partial nint Syscall1(nint number, nint arg);

            [DllImport("libc", EntryPoint = "syscall")]
            static extern int LockAll(int number, uint flags);

            static void M()
            {
                Syscall1(151, 1);
                Syscall1(151, {|KAPI2001:0x100|});
                LockAll(151, 2u);
                LockAll(151, {|KAPI2001:0x80000000u|});
            }
        }

        static partial class Sys
        {
            internal static partial nint Syscall1(nint number, nint arg) => 0; // stands in for the LibraryImport generator's output
        }
        """);

    [Fact]
    public Task Function_pointers_and_delegates_over_the_syscall_export() => Run("""
        using System;
        using System.Runtime.InteropServices;

        unsafe class C
        {
            delegate long Syscall2(long number, long a1);

            static readonly delegate* unmanaged<nint, nint, nint> s_syscall =
                (delegate* unmanaged<nint, nint, nint>)NativeLibrary.GetExport(NativeLibrary.Load("libc.so.6"), "syscall");

            void M()
            {
                s_syscall(151, 1);
                s_syscall(151, {|KAPI2001:16|});
                var viaDelegate = Marshal.GetDelegateForFunctionPointer<Syscall2>(NativeLibrary.GetExport(NativeLibrary.GetMainProgramHandle(), "syscall"));
                viaDelegate(151, 3);
                viaDelegate(151, {|KAPI2001:0x400|});
                if (NativeLibrary.TryGetExport(NativeLibrary.Load("libc"), "syscall", out var p))
                {
                    ((delegate* unmanaged<int, int, int, int, int>)p)(325, 0, 4096, {|KAPI2001:3|});
                }
            }
        }
        """);

    [Fact]
    public Task Open_through_syscall_checks_the_access_mode_field() => Run("""
        using System.Runtime.InteropServices;

        static class Sys
        {
            const int SYS_open = 2, O_RDWR = 2, O_CREAT = 0x40;

            [DllImport("libc")] static extern nint syscall(nint number, string path, int flags, int mode);

            static void M()
            {
                syscall(SYS_open, "/tmp/x", O_RDWR | O_CREAT, 0x1A4);
                syscall(SYS_open, "/tmp/x", {|KAPI2002:3|}, 0);
                syscall(SYS_open, "/tmp/x", {|KAPI2001:O_RDWR | 0x100|}, 0);
            }
        }
        """);

    [Fact]
    public Task Unprovable_number_gets_KAPI2004_at_the_number() => Run("""
        using System.Runtime.InteropServices;

        static class Sys
        {
            [DllImport("libc")] static extern long syscall(long number, int flags);

            static long Call(long number, int flags) => syscall({|KAPI2004:number|}, flags);
        }
        """);

    [Fact]
    public Task A_number_that_names_different_calls_on_the_targets_is_not_checked() => new FlagsTest("""
        using System.Runtime.InteropServices;

        static class Sys
        {
            [DllImport("libc")] static extern nint syscall(nint number, nint flags);

            static void M()
            {
                // 151 is mlockall on x64 only (munlock on x86, arm, ppc64le, s390x): KAPI2004 (hidden), no KAPI2001
                syscall({|KAPI2004:151|}, 8);
                // 3 is close on x64, read on x86 …: no checked call anywhere, silent
                syscall(3, 8);
            }
        }
        """).RunAsync();

    [Fact]
    public Task Pinned_architectures_decide_the_number() => Task.WhenAll(
        // 230 is mlockall on arm64, riscv64 and loongarch64 alike
        RunFor("arm64,riscv64,loongarch64", """
            using System.Runtime.InteropServices;

            static class Sys
            {
                [DllImport("libc")] static extern nint syscall(nint number, nint flags);

                static void M()
                {
                    syscall(230, 1);
                    syscall(230, {|KAPI2001:8|});
                }
            }
            """),
        // ppc64le: 152 is mlockall, whose MCL_CURRENT is 0x2000 there
        RunFor("ppc64le", """
            using System.Runtime.InteropServices;

            static class Sys
            {
                [DllImport("libc")] static extern nint syscall(nint number, nint flags);

                static void M()
                {
                    syscall(152, 0x2000);
                    syscall(152, {|KAPI2001:1|});
                }
            }
            """),
        // x64 and arm64 pinned together: 151 is mlockall on x64 but not on arm64
        RunFor("x64,arm64", """
            using System.Runtime.InteropServices;

            static class Sys
            {
                [DllImport("libc")] static extern nint syscall(nint number, nint flags);

                static void M() => syscall({|KAPI2004:151|}, 8);
            }
            """));

    [Fact]
    public Task A_number_chosen_per_architecture_is_checked_without_pinning() => new FlagsTest("""
        using System;
        using System.Runtime.InteropServices;

        static class Sys
        {
            // the usual way to write a portable raw syscall: the number of the running architecture
            static readonly nint SYS_mlockall = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X64 => 151,
                Architecture.Arm64 or Architecture.RiscV64 => 230,
                Architecture.Ppc64le => 152,
                _ => throw new PlatformNotSupportedException(),
            };

            [DllImport("libc")] static extern nint syscall(nint number, nint flags);

            static void M()
            {
                // checked on x64, arm64, riscv64 and ppc64le (the switch throws elsewhere)
                syscall(SYS_mlockall, {|KAPI2001:8|});
                syscall(SYS_mlockall, {|KAPI2002:0|});
                // MCL_CURRENT is 1 on three of them and 0x2000 on ppc64le
                syscall(SYS_mlockall, {|KAPI2003:1|});
                // a wrong number for some architectures: 230 is not mlockall on x86, arm, ppc64le and s390x
                syscall({|KAPI2004:RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 151 : 230|}, 1);
            }
        }
        """).RunAsync();

    [Fact]
    public Task A_long_parameter_shifts_the_arguments_on_32_bit_architectures() => Task.WhenAll(
        // x86 only: with long parameters the flags are not where the kernel reads them; with nint they are
        RunFor("x86", """
            using System.Runtime.InteropServices;

            static class Sys
            {
                [DllImport("libc")] static extern long syscall(long number, long flags);
                [DllImport("libc", EntryPoint = "syscall")] static extern nint Syscall(nint number, nint flags);

                static void M()
                {
                    syscall({|KAPI2004:152|}, 8);
                    Syscall(152, 3);
                    Syscall(152, {|KAPI2001:8|});
                }
            }
            """),
        // x86 and ppc64le (mlockall is 152 on both): with long parameters only ppc64le is checked, where MCL_CURRENT is 0x2000
        RunFor("x86,ppc64le", """
            using System.Runtime.InteropServices;

            static class Sys
            {
                [DllImport("libc")] static extern long syscall(long number, long flags);

                static void M()
                {
                    syscall(152, 0x2000);
                    syscall(152, {|KAPI2001:1|});
                }
            }
            """));

    [Fact]
    public Task Look_alikes_stay_silent() => Run("""
        using System;
        using System.Runtime.InteropServices;

        unsafe static class Sys
        {
            // syscall of another library
            [DllImport("libfoo")] static extern long syscall(long number, int flags);

            // a user's own method named syscall, not an import
            static long syscall(int number, int flags) => number + flags;

            [DllImport("libc", EntryPoint = "syscall")] static extern long Raw(long number, int flags);

            // a number without arguments, or passed by reference
            [DllImport("libc", EntryPoint = "syscall")] static extern long Raw0(long number);
            [DllImport("libc", EntryPoint = "syscall")] static extern long RawRef(ref long number, int flags);

            delegate long Fn(long number, int flags);

            static void M(IntPtr fromCaller)
            {
                syscall(151L, 8);
                syscall(151, 8);
                // numbers of other calls: close (no spec'd flags), munlockall (no parameters), getpid (no spec)
                Raw(3, 8);
                Raw(152, 8);
                Raw(39, 8);
                Raw0(151);
                long n = 151;
                RawRef(ref n, 8);
                // a syscall export of another library, a delegate that is not an export, a pointer from the caller
                var other = (delegate* unmanaged<long, int, long>)NativeLibrary.GetExport(NativeLibrary.Load("libfoo.so"), "syscall");
                other(151, 8);
                Fn lambda = (number, flags) => number;
                lambda(151, 8);
                ((delegate* unmanaged<long, int, long>)fromCaller)(151, 8);
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
                [DllImport("libc")] static extern nint syscall(nint number, nint flags);

                void M()
                {
                    if (OperatingSystem.IsLinux()) syscall(NUMBER, MARK);
                    if (!OperatingSystem.IsWindows() && RuntimeInformation.ProcessArchitecture == Architecture.X64) syscall(NUMBER, MARK);
                }
            }
            """;
        // 0x2000 is MCL_CURRENT on ppc64le only; mlockall is 151 on x64 and 152 on ppc64le
        var x64 = new FlagsTest(code.Replace("NUMBER", "151").Replace("MARK", "{|KAPI2001:0x2000|}"));
        x64.WithRuntimeIdentifier("linux-x64");
        var ppc = new FlagsTest(code.Replace("NUMBER", "152").Replace("MARK", "0x2000"));
        ppc.BuildProperties["KapiTargetArchitectures"] = "ppc64le";
        return Task.WhenAll(x64.RunAsync(), ppc.RunAsync());
    }

    [Fact]
    public Task Built_in_specs_through_syscall_open_mmap_and_mlock2() => new BuiltInLibraryTest("""
        using System.Runtime.InteropServices;

        static class Sys
        {
            const int SYS_open = 2, SYS_mmap = 9, SYS_mlock2 = 325;
            const int O_RDONLY = 0, O_CLOEXEC = 0x80000, PROT_READ = 1, PROT_WRITE = 2, MAP_PRIVATE = 2, MAP_ANONYMOUS = 0x20;

            [DllImport("libc")] static extern nint syscall(nint number, string path, int flags, int mode);
            [DllImport("libc")] static extern nint syscall(nint number, nint a1, nint a2, nint a3, nint a4, nint a5, nint a6);

            static void M()
            {
                syscall(SYS_open, "/etc/passwd", O_RDONLY | O_CLOEXEC, 0);
                syscall(SYS_open, "/etc/passwd", {|KAPI2001:O_RDONLY | 0x40000000|}, 0);
                syscall(SYS_mmap, 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                syscall(SYS_mmap, 0, 4096, {|KAPI2001:PROT_READ | 0x10|}, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                syscall(SYS_mmap, 0, 4096, PROT_READ, {|KAPI2002:MAP_ANONYMOUS|}, -1, 0);
                syscall(SYS_mlock2, 0, 4096, 1, 0, 0, 0);
                syscall(SYS_mlock2, 0, 4096, {|KAPI2001:4|}, 0, 0, 0);
            }
        }
        """).WithRuntimeIdentifier(X64).RunAsync();

    [Fact]
    public Task Enum_valued_parameters_madvise_and_epoll_ctl_through_a_PInvoke_and_syscall() => new BuiltInLibraryTest("""
        using System.Runtime.InteropServices;

        static class Sys
        {
            const int SYS_madvise = 28, SYS_epoll_ctl = 233;
            const int MADV_DONTNEED = 4, MADV_HUGEPAGE = 14, MADV_HWPOISON = 100, EPOLL_CTL_ADD = 1, MCL_FUTURE = 2;

            [DllImport("libc")] static extern int madvise(nint addr, nuint length, int advice);
            [DllImport("libc")] static extern int epoll_ctl(int epfd, int op, int fd, nint ev);
            [DllImport("libc")] static extern nint syscall(nint number, nint a1, nint a2, nint a3, nint a4);

            static void M(nint p, nuint n, nint ev)
            {
                madvise(p, n, MADV_DONTNEED);
                madvise(p, n, MADV_HWPOISON);
                madvise(p, n, {|KAPI2002:5|});
                madvise(p, n, {|KAPI2002:-1|});
                madvise(p, n, {|KAPI2005:MCL_FUTURE|});
                epoll_ctl(3, EPOLL_CTL_ADD, 4, ev);
                epoll_ctl(3, {|KAPI2002:0|}, 4, ev);
                syscall(SYS_madvise, p, (nint)n, MADV_HUGEPAGE, 0);
                syscall(SYS_madvise, p, (nint)n, {|KAPI2002:99|}, 0);
                syscall(SYS_epoll_ctl, 3, {|KAPI2002:4|}, 4, ev);
            }
        }
        """).WithRuntimeIdentifier(X64).RunAsync();

    [Fact]
    public Task On_x86_the_mmap_number_is_old_mmap_and_mmap2_has_no_spec()
    {
        var test = new BuiltInLibraryTest("""
            using System.Runtime.InteropServices;

            static class Sys
            {
                [DllImport("libc")] static extern nint syscall(nint number, nint a1, nint a2, nint a3, nint a4, nint a5, nint a6);

                static void M(nint args)
                {
                    // __NR_mmap (90) is old_mmap on x86: one pointer to the six arguments
                    syscall(90, args, 0, 0x10, 0, 0, 0);
                    // __NR_mmap2 (192) takes the offset in pages: no spec of its own
                    syscall(192, 0, 4096, 0x10, 0x22, -1, 0);
                    // mlock2 is 376 on x86
                    syscall(376, 0, 4096, {|KAPI2001:4|}, 0, 0, 0);
                }
            }
            """);
        test.BuildProperties["KapiTargetArchitectures"] = "x86";
        return test.RunAsync();
    }

    /// <summary>The real analyzer over the built-in spec library.</summary>
    private sealed class BuiltInLibraryTest : KapiAnalyzerTest<KapiFlagsAnalyzer>
    {
        public BuiltInLibraryTest(params string[] sources)
        {
            foreach (var source in sources) TestState.Sources.Add(source);
        }
    }
}
