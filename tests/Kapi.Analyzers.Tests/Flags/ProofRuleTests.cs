using System.Threading.Tasks;
using Kapi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Kapi.Analyzers.Tests.Flags;

/// <summary>Every proof rule of the value prover, on an own libc P/Invoke, pinned to linux-x64.</summary>
public class ProofRuleTests
{
    private const string X64 = "linux-x64";

    private static Task Run(string code) => FlagsTest.RunAsync(X64, Sources.Native, code);

    [Fact]
    public Task Literal_valid_and_invalid() => Run("""
        class C
        {
            void M()
            {
                Native.mlockall(3);
                Native.mlockall(0x7);
                Native.mlockall({|KAPI2001:8|});
                Native.mlockall({|KAPI2001:0xB|});
            }
        }
        """);

    [Fact]
    public Task Constants_across_files_and_multi_declarators() => FlagsTest.RunAsync(X64, Sources.Native,
        """
        static class K
        {
            public const int Current = 1, Future = 2;
            public const int Bogus = Future << 3;
        }
        """,
        """
        class C
        {
            void M()
            {
                Native.mlockall(K.Current | K.Future);
                Native.mlockall(Native.MCL_CURRENT | Native.MCL_FUTURE | Native.MCL_ONFAULT);
                Native.mlockall({|KAPI2001:K.Current | K.Bogus|});
            }
        }
        """);

    [Fact]
    public async Task Constants_from_another_assembly()
    {
        var test = new FlagsTest(Sources.Native, """
            class C
            {
                void M()
                {
                    Native.mlockall(Lib.Flags.Current | Lib.Flags.Future);
                    Native.mlockall({|KAPI2001:Lib.Flags.Huge|});
                }
            }
            """);
        test.WithRuntimeIdentifier(X64);
        test.TestState.AdditionalProjects["Lib"].Sources.Add("""
            namespace Lib
            {
                public static class Flags
                {
                    public const int Current = 1;
                    public const int Future = 2;
                    public const int Huge = 0x100;
                }
            }
            """);
        test.TestState.AdditionalProjects["Lib"].AdditionalReferences.AddRange(TestReferences.Net100);
        test.TestState.AdditionalProjectReferences.Add("Lib");
        await test.RunAsync();
    }

    [Fact]
    public Task Const_locals() => Run("""
        class C
        {
            void M()
            {
                const int MclCurrent = 1;
                const int Bad = 16;
                Native.mlockall(MclCurrent);
                Native.mlockall({|KAPI2001:Bad|});
            }
        }
        """);

    [Fact]
    public Task Enum_members_and_casts() => Run("""
        using System.Runtime.InteropServices;

        [System.Flags]
        enum LockFlags : uint { Current = 1, Future = 2, OnFault = 4, Bogus = 0x80 }

        static class N
        {
            [DllImport("libc")]
            public static extern int mlockall(LockFlags flags);
        }

        class C
        {
            void M()
            {
                Native.mlockall((int)LockFlags.Current);
                Native.mlockall((int)(LockFlags.Current | LockFlags.Future));
                Native.mlockall({|KAPI2001:(int)LockFlags.Bogus|});
                N.mlockall(LockFlags.Future);
                N.mlockall({|KAPI2001:LockFlags.Future | LockFlags.Bogus|});
                N.mlockall({|KAPI2001:(LockFlags)0x100|});
            }
        }
        """);

    [Fact]
    public Task Bitwise_operators_and_shifts() => Run("""
        class C
        {
            void M()
            {
                Native.mlockall(1 << 1);
                Native.mlockall((1 << 1) | 1);
                Native.mlockall(0xFF & 3);
                Native.mlockall(7 ^ 4);
                Native.mlockall(0x30 >> 4);
                Native.mlockall({|KAPI2001:1 << 3|});
                Native.mlockall({|KAPI2001:~(Native.MCL_CURRENT | Native.MCL_FUTURE)|});
                Native.mlockall({|KAPI2001:-1|});
            }
        }
        """);

    [Fact]
    public Task Named_arguments() => Run("""
        class C
        {
            void M()
            {
                Native.mlockall(flags: 3);
                Native.mlockall(flags: {|KAPI2001:8|});
                Native.mlock2(flags: {|KAPI2001:2|}, len: System.UIntPtr.Zero, start: System.IntPtr.Zero);
            }
        }
        """);

    [Fact]
    public Task Using_static() => Run("""
        using static Native;

        class C
        {
            void M()
            {
                mlockall(MCL_CURRENT | MCL_FUTURE);
                mlockall({|KAPI2001:MCL_CURRENT | 64|});
            }
        }
        """);

    [Fact]
    public Task Locals_with_every_assignment_provable() => Run("""
        class C
        {
            void M(bool pin, bool onFault)
            {
                int flags = Native.MCL_CURRENT;
                if (pin) flags = Native.MCL_CURRENT | Native.MCL_FUTURE;
                if (onFault) flags |= Native.MCL_ONFAULT;
                Native.mlockall(flags);

                var other = 1;
                if (pin) other = 0x20;
                Native.mlockall({|KAPI2001:other|});

                int late;
                if (pin) late = 2; else late = 3;
                Native.mlockall(late);
            }
        }
        """);

    [Fact]
    public Task Locals_that_cannot_be_proven() => Run("""
        class C
        {
            void M(string text)
            {
                int parsed = int.Parse(text);
                Native.mlockall({|KAPI2004:parsed|});

                int counter = 1;
                for (int i = 0; i < text.Length; i++) counter++;
                Native.mlockall({|KAPI2004:counter|});

                int byRef = 1;
                Touch(ref byRef);
                Native.mlockall({|KAPI2004:byRef|});

                int.TryParse(text, out var outVar);
                Native.mlockall({|KAPI2004:outVar|});
            }

            static void Touch(ref int value) => value = 8;
        }
        """);

    [Fact]
    public Task Switch_expressions() => Run("""
        class C
        {
            const int McLockCurrent = 1, McLockFuture = 2;

            void M(string mode)
            {
                int flags = mode switch
                {
                    "current" => McLockCurrent,
                    "all" => McLockCurrent | McLockFuture,
                    "none" => throw new System.ArgumentException(mode),
                    _ => McLockFuture,
                };
                Native.mlockall(flags);

                Native.mlockall({|KAPI2001:mode switch { "x" => 1, _ => 0x40 }|});
                Native.mlockall(mode == "a" ? 1 : 2);
                Native.mlockall({|KAPI2001:mode == "a" ? 1 : 9|});
            }
        }
        """);

    [Fact]
    public Task Static_readonly_fields() => Run("""
        class C
        {
            static readonly int Good = Native.MCL_CURRENT | Native.MCL_FUTURE;
            static readonly int Bad = Native.MCL_CURRENT | 0x10;
            static readonly int FromCtor;
            static readonly int Mutable = 1;
            static int NotReadonly = 1;

            static C() { FromCtor = 0x100; }

            void M()
            {
                Native.mlockall(Good);
                Native.mlockall({|KAPI2001:Bad|});
                Native.mlockall({|KAPI2001:FromCtor|});
                Native.mlockall(Mutable);
                Native.mlockall({|KAPI2004:NotReadonly|});
            }
        }
        """);

    [Fact]
    public Task Properties_and_methods_returning_constants() => Run("""
        class C
        {
            static int MclCurrent => 1;
            static int MclFuture { get { return 2; } }
            static int Bad => 0x20;
            static int Auto { get; } = 3;
            int Instance => 2;
            static int Settable { get; set; } = 1;

            static int Mode(string m)
            {
                System.Console.WriteLine(m);
                return MclFuture;
            }

            void M(string m)
            {
                Native.mlockall(MclCurrent | MclFuture);
                Native.mlockall({|KAPI2001:Bad|});
                Native.mlockall(Auto);
                Native.mlockall(Instance);
                Native.mlockall(Mode(m));
                Native.mlockall({|KAPI2004:Settable|});
            }
        }
        """);

    [Fact]
    public Task Parameters_are_not_provable() => Run("""
        class C
        {
            void M(int flags) => Native.mlockall({|KAPI2004:flags|});
        }
        """);

    [Fact]
    public async Task Unprovable_message_says_why()
    {
        var test = new FlagsTest(Sources.Native, """
            class C
            {
                void M(int flags) => Native.mlockall({|#0:flags|});
            }
            """);
        test.WithRuntimeIdentifier(X64);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(KapiDescriptors.UnprovableFlagValue).WithLocation(0)
            .WithArguments("sys_mlockall", "flags", "it depends on parameter 'flags'"));
        await test.RunAsync();
    }
}
