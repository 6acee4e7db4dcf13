using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Kapi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Kapi.Analyzers.Tests.Flags;

/// <summary>
/// The seven valid call patterns real C# projects use for mlockall (own P/Invokes, constants, wrappers), rewritten synthetically (no third-party
/// code). All are valid on the generic ABI their projects target, so pinned to linux-x64 or linux-arm64 they produce
/// nothing at all; unpinned, each gets exactly one KAPI2003 (info) because 1/2/3 are EINVAL on ppc64le.
/// </summary>
public class RealWorldPatternTests
{
    public static TheoryData<string> Patterns => new(s_patterns.Keys);

    private static readonly Dictionary<string, string[]> s_patterns = new()
    {
        // 1: operands in reverse order, private consts, guarded by an OS check and a command-line switch
        ["1 reverse operands"] =
        [
            """
            using System.Runtime.InteropServices;

            internal static class PrinterGc
            {
                private const int MCL_CURRENT = 1;
                private const int MCL_FUTURE = 2;

                [DllImport("libc", SetLastError = true, EntryPoint = "mlockall")]
                private static extern int mlockall(int flags);

                public static void Configure(bool noPaging)
                {
                    if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && noPaging)
                    {
                        if (mlockall({|KAPI2003:MCL_FUTURE | MCL_CURRENT|}) != 0)
                            throw new System.InvalidOperationException("mlockall failed: " + Marshal.GetLastWin32Error());
                    }
                }
            }
            """,
        ],
        // 2: a local set by a switch expression over an environment variable; the default arm calls a method
        ["2 switch over environment"] =
        [
            """
            using System;
            using System.Runtime.InteropServices;

            internal static class MemoryLock
            {
                private const int McLockCurrent = 1;
                private const int McLockFuture = 2;

                [DllImport("libc", SetLastError = true)]
                private static extern int mlockall(int flags);

                public static void Apply()
                {
                    var mode = Environment.GetEnvironmentVariable("APP_MLOCK_ALL_MODE") ?? "future";
                    int flags = mode switch
                    {
                        "current" => McLockCurrent,
                        "all" => McLockCurrent | McLockFuture,
                        "future" => McLockFuture,
                        _ => LogInvalidMode(mode),
                    };
                    var rc = mlockall({|KAPI2003:flags|});
                    if (rc != 0) Console.Error.WriteLine("mlockall: " + Marshal.GetLastWin32Error());
                }

                private static int LogInvalidMode(string mode)
                {
                    Console.Error.WriteLine("unknown mode " + mode);
                    return McLockFuture;
                }
            }
            """,
        ],
        // 3: constants in another file with a multi-declarator, call from top-level statements with qualified names
        ["3 top-level statements"] =
        [
            """
            using System.Runtime.InteropServices;

            public static class Native
            {
                public const int MCL_CURRENT = 1, MCL_FUTURE = 2;
                [DllImport("libc", SetLastError = true)] public static extern int mlockall(int flags);
            }
            """,
            """
            Native.mlockall({|KAPI2003:Native.MCL_CURRENT | Native.MCL_FUTURE|});
            System.Console.WriteLine("locked");
            """,
        ],
        // 4: two P/Invokes in one namespace, `using static`, result discarded, named argument decides the call
        ["4 using static and a twin declaration"] =
        [
            """
            using System.Runtime.InteropServices;

            namespace App
            {
                public static class Syscalls
                {
                    public const int MCL_CURRENT = 1, MCL_FUTURE = 2;
                    [DllImport("libc", SetLastError = true)] public static extern int mlockall(int flags);
                }

                internal static class Index
                {
                    [DllImport("libc", SetLastError = true)] private static extern int mlockall(int flags);

                    public static void Load(string path, bool pin = false)
                    {
                        if (pin) mlockall({|KAPI2003:Syscalls.MCL_CURRENT | Syscalls.MCL_FUTURE|});
                    }
                }
            }
            """,
            """
            using static App.Syscalls;

            namespace App
            {
                internal static class Server
                {
                    public static void Start(string path)
                    {
                        Index.Load(path, pin: true);
                        _ = mlockall({|KAPI2003:MCL_CURRENT | MCL_FUTURE|});
                    }
                }
            }
            """,
        ],
        // 5: PascalCase constant far from the call, implicitly typed result
        ["5 PascalCase constant"] =
        [
            """
            using System.Runtime.InteropServices;

            internal sealed partial class HttpServer
            {
                private const int MclCurrent = 1;

                [DllImport("libc", SetLastError = true)]
                private static extern int mlockall(int flags);
            }
            """,
            """
            internal sealed partial class HttpServer
            {
                public void Run()
                {
                    var rc = mlockall({|KAPI2003:MclCurrent|});
                    if (rc != 0) System.Console.Error.WriteLine("mlockall failed");
                }
            }
            """,
        ],
        // 6: managed name differs from the entry point; the call is in a nested class's static readonly initializer
        ["6 entry point and static initializer"] =
        [
            """
            using System.Runtime.InteropServices;

            public static class Memory
            {
                private const int MCL_CURRENT = 1;
                private const int MCL_FUTURE = 2;

                [DllImport("libc", SetLastError = true, EntryPoint = "mlockall")]
                private static extern int LinuxMlockall(int flags);

                private static class Locker
                {
                    internal static readonly int Result = LinuxMlockall({|KAPI2003:MCL_CURRENT | MCL_FUTURE|});
                }

                public static int Lock() => Locker.Result;
            }
            """,
        ],
        // 7: NativeAOT direct P/Invoke ("*")
        ["7 NativeAOT star library"] =
        [
            """
            using System.Runtime.InteropServices;

            internal static class NativeProcessTuning
            {
                private const int MclCurrent = 1;
                private const int MclFuture = 2;

                [DllImport("*", EntryPoint = "mlockall", SetLastError = true)]
                private static extern int mlockall(int flags);

                public static bool LockMemory() => mlockall({|KAPI2003:MclCurrent | MclFuture|}) == 0;
            }
            """,
        ],
    };

    private static readonly Regex s_markup = new(@"\{\|KAPI\d{4}:(.*?)\|\}", RegexOptions.Singleline);

    private static FlagsTest Create(string pattern, bool keepMarkup)
    {
        var test = new FlagsTest();
        foreach (var source in s_patterns[pattern])
        {
            test.TestState.Sources.Add(keepMarkup ? source : s_markup.Replace(source, "$1"));
        }
        if (pattern.StartsWith('3')) test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test;
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public Task Pinned_to_linux_x64_produces_nothing(string pattern) =>
        Create(pattern, keepMarkup: false).WithRuntimeIdentifier("linux-x64").RunAsync();

    [Theory]
    [MemberData(nameof(Patterns))]
    public Task Pinned_to_linux_arm64_produces_nothing(string pattern) =>
        Create(pattern, keepMarkup: false).WithRuntimeIdentifier("linux-arm64").RunAsync();

    [Theory]
    [MemberData(nameof(Patterns))]
    public Task Unpinned_gets_one_architecture_info(string pattern) =>
        Create(pattern, keepMarkup: true).RunAsync();

    [Theory]
    [MemberData(nameof(Patterns))]
    public Task Pinned_to_linux_ppc64le_they_are_all_invalid(string pattern)
    {
        // every pattern passes generic-ABI values: outside ppc64le's mask (0xE000)
        var test = new FlagsTest();
        foreach (var source in s_patterns[pattern]) test.TestState.Sources.Add(source.Replace("{|KAPI2003:", "{|KAPI2001:", System.StringComparison.Ordinal));
        if (pattern.StartsWith('3')) test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.WithRuntimeIdentifier("linux-ppc64le").RunAsync();
    }
}
