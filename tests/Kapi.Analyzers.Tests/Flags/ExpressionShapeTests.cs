using System.Threading.Tasks;
using Kapi.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Kapi.Analyzers.Tests.Flags;

/// <summary>
/// Values are proven through every shape of C# expression that can carry a flag word: parentheses, checked/unchecked,
/// casts with sign and zero extension, enum casts, ~, shifts, conditional and switch expressions, compound assignments.
/// A recognised call whose value cannot be proven gets KAPI2004, never silence. Pinned to linux-x64.
/// </summary>
public class ExpressionShapeTests
{
    private const string X64 = "linux-x64";

    private static Task Run(string code) => FlagsTest.RunAsync(X64, Sources.Native, code);

    [Fact]
    public Task Parentheses_checked_and_unchecked() => Run("""
        class C
        {
            void M()
            {
                Native.mlockall({|KAPI2001:(1 | 8)|});
                Native.mlockall({|KAPI2001:((8))|});
                Native.mlockall({|KAPI2001:checked(8)|});
                Native.mlockall({|KAPI2001:unchecked(1 | 8)|});
                Native.mlockall({|KAPI2001:checked((Native.MCL_CURRENT) | (8))|});
                Native.mlockall((Native.MCL_CURRENT | Native.MCL_FUTURE));
                Native.mlockall(checked(Native.MCL_CURRENT));
            }
        }
        """);

    [Fact]
    public Task Casts_with_sign_and_zero_extension() => FlagsTest.RunAsync(X64, """
        using System.Runtime.InteropServices;

        class C
        {
            [DllImport("libc", EntryPoint = "mlockall")] static extern int Lock(uint flags);
            [DllImport("libc", EntryPoint = "mlockall")] static extern int LockWide(long flags);
            [DllImport("libc", EntryPoint = "mlockall")] static extern int LockByte(byte flags);

            void M()
            {
                Lock({|KAPI2001:unchecked((uint)-1)|});
                Lock({|KAPI2001:0xFFFFFFFF|});
                Lock(unchecked((uint)(byte)0x101));
                LockWide({|KAPI2001:(long)(int)-1|});
                LockWide({|KAPI2001:(long)0xFFFFFFFFu|});
                LockWide((long)(sbyte)3);
                LockByte(unchecked((byte)0x103));
                LockByte({|KAPI2001:unchecked((byte)0x108)|});
                Lock({|KAPI2001:unchecked((uint)(ushort)(short)-8)|});
            }
        }
        """);

    [Fact]
    public Task Enum_casts_complement_and_shifts() => Run("""
        enum Wide : long { Current = 1, High = 0x100000000 }
        enum Small : byte { Future = 2, Top = 0x80 }

        class C
        {
            void M()
            {
                Native.mlockall((int)Wide.Current);
                Native.mlockall(unchecked((int)(Wide.High | Wide.Current)));
                Native.mlockall({|KAPI2001:(int)Small.Top|});
                Native.mlockall((int)(Small.Future | (Small)1));
                Native.mlockall(~~3);
                Native.mlockall({|KAPI2001:~0|});
                Native.mlockall({|KAPI2001:~7 & 0xF|});
                Native.mlockall(32 >> 4);
                Native.mlockall({|KAPI2001:(int)(1u << 35)|});
                Native.mlockall({|KAPI2001:-8 >>> 28|});
                Native.mlockall(-8 >> 28 & 3);
            }
        }
        """);

    [Fact]
    public Task Conditional_and_switch_expressions() => Run("""
        class C
        {
            void M(bool onFault, int mode)
            {
                Native.mlockall(onFault ? 5 : 1);
                Native.mlockall({|KAPI2001:onFault ? 1 : 8|});
                Native.mlockall({|KAPI2001:(onFault ? 1 : 2) | (mode > 0 ? 0 : 0x10)|});
                Native.mlockall(mode switch { 0 => 1, 1 => 2, _ => 3 });
                Native.mlockall({|KAPI2001:mode switch { 0 => 1, _ => (mode > 5 ? 2 : 0x20) }|});
                Native.mlockall({|KAPI2004:onFault ? 1 : mode|});
            }
        }
        """);

    [Fact]
    public Task Compound_assignments() => Run("""
        class C
        {
            void M(bool a, int n)
            {
                int sum = 1;
                sum += 1;
                Native.mlockall(sum);

                int shifted = 1;
                shifted <<= 3;
                Native.mlockall({|KAPI2001:shifted|});

                int once = 2;
                once++;
                Native.mlockall(once);

                int decremented = 1;
                decremented--;
                Native.mlockall({|KAPI2002:decremented|});

                int grown = 1;
                if (a) grown *= 16;
                Native.mlockall({|KAPI2001:grown|});

                int masked = 0xFF;
                masked &= 3;
                Native.mlockall({|KAPI2001:masked|});

                int sub = 12;
                sub -= 4;
                Native.mlockall({|KAPI2001:sub|});
            }
        }
        """);

    [Fact]
    public Task Updates_that_repeat_reach_a_fixed_point_or_are_unprovable() => Run("""
        class C
        {
            void M(int n, System.Action<int> use)
            {
                // | then & in a loop: (x & 3) | 8 needs two passes
                int bits = 1;
                for (int i = 0; i < n; i++) { bits |= 8; bits &= 3; }
                Native.mlockall({|KAPI2001:bits|});

                int ored = 1;
                while (n-- > 0) ored |= 2;
                Native.mlockall(ored);

                int counted = 1;
                for (int i = 0; i < n; i++) counted += 1;
                Native.mlockall({|KAPI2004:counted|});

                // a lambda may run any number of times: 1, 2, 4 … 0x80000000, 0
                int doubled = 1;
                System.Action twice = () => doubled <<= 1;
                Native.mlockall({|KAPI2001:doubled|});

                int stepped = 1;
                System.Action step = () => stepped += 3;
                Native.mlockall({|KAPI2004:stepped|});
            }
        }
        """);

    [Fact]
    public Task Choices_on_the_architecture_are_taken_per_architecture() => Task.WhenAll(
        // x86: only the 32-bit branches run (before, the values of every branch counted on every architecture)
        RunFor("x86", """
            using System;
            using System.Runtime.InteropServices;

            class C
            {
                void M()
                {
                    Native.mlockall(Environment.Is64BitProcess ? 8 : 1);
                    Native.mlockall(IntPtr.Size == 8 ? 8 : 2);
                    Native.mlockall(RuntimeInformation.ProcessArchitecture switch
                    {
                        Architecture.X86 or Architecture.Arm => 1,
                        >= Architecture.Arm64 and not Architecture.Wasm => 2,
                        _ => 8,
                    });
                    Native.mlockall(!(RuntimeInformation.ProcessArchitecture is Architecture.X64) && IntPtr.Size < 8 ? 1 : 8);
                    Native.mlockall({|KAPI2001:RuntimeInformation.ProcessArchitecture != Architecture.X86 ? 1 : 8|});
                }
            }
            """),
        // x64: only the 64-bit ones
        RunFor("x64", """
            using System;
            using System.Runtime.InteropServices;

            class C
            {
                void M()
                {
                    Native.mlockall({|KAPI2001:Environment.Is64BitProcess ? 8 : 1|});
                    Native.mlockall({|KAPI2001:IntPtr.Size == 8 ? 8 : 2|});
                    Native.mlockall({|KAPI2001:RuntimeInformation.ProcessArchitecture switch
                    {
                        Architecture.X86 or Architecture.Arm => 1,
                        >= Architecture.Arm64 and not Architecture.Wasm => 2,
                        _ => 8,
                    }|});
                    Native.mlockall({|KAPI2001:!(RuntimeInformation.ProcessArchitecture is Architecture.X64) && IntPtr.Size < 8 ? 1 : 8|});
                    Native.mlockall(RuntimeInformation.ProcessArchitecture != Architecture.X86 ? 1 : 8);
                    // a guard may or may not hold: the later arms count too
                    Native.mlockall({|KAPI2001:RuntimeInformation.ProcessArchitecture switch { Architecture.X64 when DateTime.Now.Year > 2000 => 1, _ => 8 }|});
                    // OSArchitecture is not the process's: both branches count
                    Native.mlockall({|KAPI2001:RuntimeInformation.OSArchitecture == Architecture.X64 ? 1 : 8|});
                }
            }
            """));

    private static Task RunFor(string architectures, string code)
    {
        var test = new FlagsTest(Sources.Native, code);
        test.BuildProperties["KapiTargetArchitectures"] = architectures;
        return test.RunAsync();
    }
}
