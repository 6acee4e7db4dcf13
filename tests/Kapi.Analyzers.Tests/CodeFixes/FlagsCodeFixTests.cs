using System.Threading.Tasks;
using Kapi.Analyzers.Tests.Infrastructure;
using Kapi.CodeFixes;
using Xunit;

namespace Kapi.Analyzers.Tests.CodeFixes;

public class FlagsCodeFixTests
{
    [Fact]
    public Task Remove_invalid_bits_drops_the_invalid_operand() => new FlagsCodeFixTest("""
        class C
        {
            void M() => Native.mlockall({|KAPI2001:Native.MCL_CURRENT | Native.MCL_FUTURE | 8|});
        }
        """, """
        class C
        {
            void M() => Native.mlockall(Native.MCL_CURRENT | Native.MCL_FUTURE);
        }
        """, Sources.Native).Pinned().RunAsync();

    [Fact]
    public Task Remove_invalid_bits_rewrites_a_literal_to_names_in_scope() => new FlagsCodeFixTest("""
        using static Native;

        class C
        {
            void M() => mlockall({|KAPI2001:0xB|});
        }
        """, """
        using static Native;

        class C
        {
            void M() => mlockall(MCL_CURRENT | MCL_FUTURE);
        }
        """, Sources.Native).Pinned().RunAsync();

    [Fact]
    public Task Remove_invalid_bits_qualifies_names_of_the_called_type() => new FlagsCodeFixTest("""
        class C
        {
            void M() => Native.mlockall({|KAPI2001:0x1A|});
        }
        """, """
        class C
        {
            void M() => Native.mlockall(Native.MCL_FUTURE);
        }
        """, Sources.Native).Pinned().RunAsync();

    [Fact]
    public Task Remove_invalid_bits_keeps_a_literal_when_no_name_is_in_reach() => new FlagsCodeFixTest("""
        using System.Runtime.InteropServices;

        static class Bare
        {
            [DllImport("libc")] public static extern int mlockall(int flags);
        }

        class C
        {
            void M() => Bare.mlockall({|KAPI2001:0x13|});
        }
        """, """
        using System.Runtime.InteropServices;

        static class Bare
        {
            [DllImport("libc")] public static extern int mlockall(int flags);
        }

        class C
        {
            void M() => Bare.mlockall(3);
        }
        """).Pinned().RunAsync();

    [Fact]
    public Task Remove_invalid_bits_on_a_syscall_argument() => new FlagsCodeFixTest("""
        using System.Runtime.InteropServices;

        static class Sys
        {
            public const int MCL_CURRENT = 1, MCL_FUTURE = 2;

            [DllImport("libc")] public static extern nint syscall(nint number, nint flags);
        }

        class C
        {
            void M()
            {
                Sys.syscall(151, {|KAPI2001:Sys.MCL_CURRENT | 8|});
                Sys.syscall(151, {|KAPI2001:0x1A|});
            }
        }
        """, """
        using System.Runtime.InteropServices;

        static class Sys
        {
            public const int MCL_CURRENT = 1, MCL_FUTURE = 2;

            [DllImport("libc")] public static extern nint syscall(nint number, nint flags);
        }

        class C
        {
            void M()
            {
                Sys.syscall(151, Sys.MCL_CURRENT);
                Sys.syscall(151, Sys.MCL_FUTURE);
            }
        }
        """).Pinned().RunAsync();

    [Fact]
    public Task Remove_invalid_bits_on_the_generated_enum() => new FlagsCodeFixTest("""
        using Kapi.Generated;

        class C
        {
            void M()
            {
                Syscalls.Mlockall({|KAPI2001:MlockallFlags.MCL_CURRENT | (MlockallFlags)8|});
                Syscalls.Mlockall({|KAPI2001:(MlockallFlags)0xB|});
            }
        }
        """, """
        using Kapi.Generated;

        class C
        {
            void M()
            {
                Syscalls.Mlockall(MlockallFlags.MCL_CURRENT);
                Syscalls.Mlockall(MlockallFlags.MCL_CURRENT | MlockallFlags.MCL_FUTURE);
            }
        }
        """, Sources.KapiRuntime, Sources.GeneratedBindings).RunAsync();

    [Fact]
    public Task No_fix_when_nothing_valid_would_remain() => new FlagsCodeFixTest("""
        class C
        {
            void M()
            {
                Native.mlockall({|KAPI2001:8|});
                Native.mlockall({|KAPI2001:Native.MCL_ONFAULT | 0x10|});
            }
        }
        """, """
        class C
        {
            void M()
            {
                Native.mlockall({|KAPI2001:8|});
                Native.mlockall({|KAPI2001:Native.MCL_ONFAULT | 0x10|});
            }
        }
        """, Sources.Native).Pinned().RunAsync();

    [Fact]
    public Task Use_generated_enum_for_invalid_raw_bits()
    {
        var test = new FlagsCodeFixTest("""
            using Kapi.Generated;

            class C
            {
                void M() => Syscalls.Mlockall({|KAPI2001:0xE|});
            }
            """, """
            using Kapi.Generated;

            class C
            {
                void M() => Syscalls.Mlockall(MlockallFlags.MCL_FUTURE | MlockallFlags.MCL_ONFAULT);
            }
            """, Sources.KapiRuntime, Sources.GeneratedBindings);
        test.CodeActionEquivalenceKey = KapiFlagsCodeFixProvider.UseGeneratedEnumKey;
        test.CodeActionIndex = 1;
        return test.RunAsync();
    }

    [Fact]
    public Task Remove_invalid_bits_on_the_raw_overload()
    {
        var test = new FlagsCodeFixTest("""
            using Kapi.Generated;

            class C
            {
                void M() => Syscalls.Mlockall({|KAPI2001:0xE|});
            }
            """, """
            using Kapi.Generated;

            class C
            {
                void M() => Syscalls.Mlockall(6);
            }
            """, Sources.KapiRuntime, Sources.GeneratedBindings);
        test.CodeActionEquivalenceKey = KapiFlagsCodeFixProvider.RemoveInvalidBitsKey;
        test.CodeActionIndex = 0;
        return test.Pinned().RunAsync();
    }

    [Fact]
    public Task Fix_all_in_document() => new FlagsCodeFixTest("""
        class C
        {
            void M()
            {
                Native.mlockall({|KAPI2001:Native.MCL_CURRENT | 0x40|});
                Native.mlockall({|KAPI2001:Native.MCL_FUTURE | 0x80|});
                Native.mlockall({|KAPI2001:0x103|});
            }
        }
        """, """
        class C
        {
            void M()
            {
                Native.mlockall(Native.MCL_CURRENT);
                Native.mlockall(Native.MCL_FUTURE);
                Native.mlockall(Native.MCL_CURRENT | Native.MCL_FUTURE);
            }
        }
        """, Sources.Native).Pinned().RunAsync();

    [Fact]
    public Task Tmds_properties_are_kept()
    {
        var test = new FlagsCodeFixTest("""
            using Tmds.Linux;

            class C
            {
                void M() => LibC.mlockall({|KAPI2001:LibC.MCL_CURRENT | 0x100|});
            }
            """, """
            using Tmds.Linux;

            class C
            {
                void M() => LibC.mlockall(LibC.MCL_CURRENT);
            }
            """);
        test.TestState.AdditionalReferences.Add(TestReferences.TmdsLibC);
        test.FixedState.AdditionalReferences.Add(TestReferences.TmdsLibC);
        return test.RunAsync();
    }
}
