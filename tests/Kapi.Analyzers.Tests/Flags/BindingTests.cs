using System.Threading.Tasks;
using Kapi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Kapi.Analyzers.Tests.Flags;

/// <summary>The ways code reaches a checked syscall: generated bindings, own P/Invokes, Tmds.LibC, Mono.Posix.</summary>
public class BindingTests
{
    // ---- generated bindings ([KapiFlags] on the parameter) ----

    [Fact]
    public Task Generated_enum_binding_uses_portable_masks_on_every_architecture() => FlagsTest.RunAsync("", Sources.KapiRuntime, Sources.GeneratedBindings, """
        using Kapi.Generated;

        class C
        {
            void M()
            {
                Syscalls.Mlockall(MlockallFlags.MCL_CURRENT | MlockallFlags.MCL_FUTURE);
                Syscalls.Mlockall(MlockallFlags.MCL_FUTURE | MlockallFlags.MCL_ONFAULT);
                Syscalls.Mlockall({|KAPI2001:(MlockallFlags)8|});
                Syscalls.Mlockall({|KAPI2001:MlockallFlags.MCL_CURRENT | (MlockallFlags)0x2000|});
                Syscalls.Mlockall({|KAPI2002:MlockallFlags.MCL_ONFAULT|});
                Syscalls.Mlockall({|KAPI2002:0|});
                Syscalls.Mlock2(System.IntPtr.Zero, System.UIntPtr.Zero, Mlock2Flags.MLOCK_ONFAULT);
                Syscalls.Mlock2(System.IntPtr.Zero, System.UIntPtr.Zero, 0);
            }
        }
        """);

    [Fact]
    public async Task Generated_binding_messages()
    {
        var test = new FlagsTest(Sources.KapiRuntime, Sources.GeneratedBindings, """
            using Kapi.Generated;

            class C
            {
                void M()
                {
                    Syscalls.Mlockall({|#0:(MlockallFlags)9|});
                    Syscalls.Mlockall({|#1:MlockallFlags.MCL_ONFAULT|});
                }
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(KapiDescriptors.InvalidFlagBits).WithLocation(0)
            .WithArguments("sys_mlockall", "flags", "0x8", "0x7", "every architecture (MlockallFlags values)", "MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(KapiDescriptors.RejectedFlagValue).WithLocation(1)
            .WithArguments("sys_mlockall", "0x4", "flags",
                "at least one of MCL_CURRENT | MCL_FUTURE (0x3) must be set (spec: \"Must specify MCL_CURRENT and/or MCL_FUTURE; MCL_ONFAULT can be OR'd\")"));
        await test.RunAsync();
    }

    [Fact]
    public Task Generated_raw_overload_takes_portable_bits() => FlagsTest.RunAsync("", Sources.KapiRuntime, Sources.GeneratedBindings, """
        using Kapi.Generated;

        class C
        {
            void M()
            {
                // the wrapper casts the bits to MlockallFlags and translates them: right on every architecture
                Syscalls.Mlockall(3);
                Syscalls.Mlockall({|KAPI2001:8|});
                Syscalls.Mlockall({|KAPI2002:0|});
            }
        }
        """);

    [Fact]
    public async Task Generated_binding_without_spec_in_reach_uses_the_attribute()
    {
        // No spec named sys_custom: the attribute alone drives the check.
        var test = new FlagsTest(Sources.KapiRuntime, """
            using Kapi.Runtime;

            [System.Flags] enum CustomFlags { A = 1, B = 2 }

            static class Bindings
            {
                public static int Custom([KapiFlags("sys_custom", "mode", ValidMask = 3, RequiredMask = 1)] CustomFlags mode) => 0;
            }

            class C
            {
                void M()
                {
                    Bindings.Custom(CustomFlags.A | CustomFlags.B);
                    Bindings.Custom({|KAPI2001:(CustomFlags)4|});
                    Bindings.Custom({|KAPI2002:CustomFlags.B|});
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public Task Generated_binding_in_a_referenced_assembly()
    {
        var test = new FlagsTest("""
            using Kapi.Generated;

            class C
            {
                void M()
                {
                    Syscalls.Mlockall(MlockallFlags.MCL_CURRENT);
                    Syscalls.Mlockall({|KAPI2001:(MlockallFlags)0x10|});
                }
            }
            """);
        test.TestState.AdditionalProjects["Bindings"].Sources.Add(Sources.KapiRuntime);
        test.TestState.AdditionalProjects["Bindings"].Sources.Add(Sources.GeneratedBindings);
        test.TestState.AdditionalProjects["Bindings"].AdditionalReferences.AddRange(TestReferences.Net100);
        test.TestState.AdditionalProjectReferences.Add("Bindings");
        return test.RunAsync();
    }

    // ---- own P/Invokes ----

    [Theory]
    [InlineData("libc")]
    [InlineData("libc.so.6")]
    [InlineData("libc.so")]
    [InlineData("c")]
    [InlineData("*")]
    [InlineData("/lib/x86_64-linux-gnu/libc.so.6")]
    [InlineData("libc.musl-x86_64.so.1")]
    public Task Libc_like_libraries_are_checked(string library) => FlagsTest.RunAsync("linux-x64", $$"""
        using System.Runtime.InteropServices;

        static class N
        {
            [DllImport("{{library}}", EntryPoint = "mlockall")]
            static extern int LinuxMlockall(int flags);

            static void M() => LinuxMlockall({|KAPI2001:8|});
        }
        """);

    [Theory]
    [InlineData("libkernel")]
    [InlineData("libSystem.Native")]
    [InlineData("kernel32")]
    [InlineData("libcrypto.so.3")]
    public Task Other_libraries_are_not_checked(string library) => FlagsTest.RunAsync("linux-x64", $$"""
        using System.Runtime.InteropServices;

        static class N
        {
            [DllImport("{{library}}")]
            static extern int mlockall(int flags);

            static void M() => mlockall(8);
        }
        """);

    /// <summary>
    /// The analyzer decides once per (parameter, value) and shares the verdict between declarations of the same
    /// syscall: every declaration still gets its diagnostics, and a value that is right for one binding kind is not
    /// taken for right for another (the generated binding's portable bits against the raw P/Invoke's native bits).
    /// </summary>
    [Fact]
    public Task Same_values_through_several_declarations_and_bindings_each_get_their_own_verdict() => FlagsTest.RunAsync("linux-ppc64le", Sources.KapiRuntime, Sources.GeneratedBindings, """
        using System.Runtime.InteropServices;
        using Kapi.Generated;

        static class A
        {
            [DllImport("libc")]
            static extern int mlockall(int flags);

            static void M()
            {
                mlockall(0x2000);
                mlockall({|KAPI2001:1|});
                mlockall({|KAPI2001:1|});
            }
        }

        static class B
        {
            [DllImport("libc", EntryPoint = "mlockall")]
            static extern int LockAll(int flags);

            static void M()
            {
                LockAll(0x2000);
                LockAll({|KAPI2001:1|});
                Syscalls.Mlockall(1);
                Syscalls.Mlockall({|KAPI2001:0x2000|});
                Syscalls.Mlockall({|KAPI2001:0x2000|});
            }
        }
        """);

    [Fact]
    public Task LibraryImport_partial_methods() => FlagsTest.RunAsync("linux-x64", """
        using System.Runtime.InteropServices;

        static partial class Libc
        {
            private const string Lib = "libc";

            [LibraryImport(Lib, EntryPoint = "mlockall", SetLastError = true)]
            internal static partial int LockAll(int flags);

            static void M()
            {
                LockAll(3);
                LockAll({|KAPI2001:8|});
            }
        }

        static partial class Libc
        {
            internal static partial int LockAll(int flags) => 0; // stands in for the LibraryImport generator's output
        }

        static partial class Kernel
        {
            private const string Lib = "libkernel"; // PS5, FreeBSD-derived: not the Linux spec

            [LibraryImport(Lib)]
            public static partial int mlockall(int flags);

            static void M() => mlockall(8);
        }

        static partial class Kernel
        {
            public static partial int mlockall(int flags) => 0;
        }
        """);

    [Fact]
    public Task Entry_point_decides_not_the_managed_name() => FlagsTest.RunAsync("linux-x64", """
        using System.Runtime.InteropServices;

        static class N
        {
            [DllImport("libc", EntryPoint = "munlockall")]
            static extern int mlockall(int flags); // misnamed, but munlockall has no flags spec'd

            [DllImport("libc", EntryPoint = "mlockall")]
            static extern int Lock(int flags);

            static void M()
            {
                mlockall(8);
                Lock({|KAPI2001:8|});
            }
        }
        """);

    [Fact]
    public Task Declarations_whose_shape_differs_from_the_spec_are_not_checked() => FlagsTest.RunAsync("linux-x64", """
        using System.Runtime.InteropServices;

        static class N
        {
            [DllImport("libc")]
            static extern int mlock2(System.IntPtr start, int flags); // two parameters; the spec has three

            static void M() => mlock2(System.IntPtr.Zero, 8);
        }
        """);

    // ---- Tmds.LibC ----

    private static FlagsTest Tmds(string code)
    {
        var test = new FlagsTest(code);
        test.TestState.AdditionalReferences.Add(TestReferences.TmdsLibC);
        return test;
    }

    [Fact]
    public Task Tmds_constants_are_properties_with_per_architecture_values() => Tmds("""
        using Tmds.Linux;

        class C
        {
            void M()
            {
                // Tmds.LibC is built for x64, arm and arm64 only, where these values are right: nothing to report
                LibC.mlockall(LibC.MCL_CURRENT | LibC.MCL_FUTURE);
                LibC.mlockall(LibC.MCL_FUTURE | LibC.MCL_ONFAULT);
                LibC.mlockall(3);
                LibC.mlockall({|KAPI2002:LibC.MCL_ONFAULT|});
                LibC.mlockall({|KAPI2001:8|});
                LibC.mlockall({|KAPI2001:LibC.MCL_CURRENT | 0x100|});
            }
        }
        """).RunAsync();

    [Fact]
    public Task Tmds_using_static_reads_like_C() => Tmds("""
        using static Tmds.Linux.LibC;

        class C
        {
            unsafe void M(void* p)
            {
                mlockall(MCL_CURRENT | MCL_FUTURE);
                mlockall({|KAPI2005:MLOCK_ONFAULT|});
                mlock2(p, 4096, MLOCK_ONFAULT);
                mlock2(p, 4096, {|KAPI2001:{|KAPI2005:MCL_ONFAULT|}|});
            }
        }
        """).RunAsync();

    // ---- Mono.Posix ----

    private static FlagsTest Mono(string code)
    {
        var test = new FlagsTest(code);
        test.TestState.AdditionalReferences.Add(TestReferences.MonoPosix);
        return test;
    }

    [Fact]
    public Task Mono_enum_is_translated_and_knows_only_current_and_future() => Mono("""
        using Mono.Unix.Native;

        class C
        {
            void M()
            {
                Syscall.mlockall(MlockallFlags.MCL_CURRENT | MlockallFlags.MCL_FUTURE);
                Syscall.mlockall(MlockallFlags.MCL_FUTURE);
                Syscall.mlockall({|KAPI2001:(MlockallFlags)4|});
                Syscall.mlockall({|KAPI2001:MlockallFlags.MCL_CURRENT | (MlockallFlags)4|});
                Syscall.mlockall({|KAPI2002:0|});
            }
        }
        """).RunAsync();

    [Fact]
    public async Task Mono_message_uses_the_managed_enum()
    {
        var test = Mono("""
            using Mono.Unix.Native;

            class C
            {
                void M() => Syscall.mlockall({|#0:(MlockallFlags)4|});
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(KapiDescriptors.InvalidFlagBits).WithLocation(0)
            .WithArguments("sys_mlockall", "flags", "0x4", "0x3", "every architecture (MlockallFlags values)", "MCL_CURRENT | MCL_FUTURE"));
        await test.RunAsync();
    }
}
