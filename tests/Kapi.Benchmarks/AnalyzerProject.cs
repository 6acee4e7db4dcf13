using System.Globalization;
using System.Text;

namespace Kapi.Benchmarks;

/// <summary>
/// The analyzer benchmark's project: <see cref="FileCount"/> files with <see cref="CallsPerFile"/> mlockall calls each
/// (10,000 in all), a third each through the file's own <c>[DllImport("libc")]</c> with <c>const int</c> flags, through the
/// Kapi-generated binding (<c>Syscalls.Mlockall(MlockallFlags)</c>, <c>[KapiFlags]</c> on the parameter) and through
/// Tmds.LibC (<c>LibC.mlockall(LibC.MCL_*)</c>, whose constants are properties). Every 100th call is invalid
/// (MCL_ONFAULT alone, or an unknown bit), as in a real code base where most calls are right.
/// </summary>
public static class AnalyzerProject
{
    public const int FileCount = 200;
    public const int CallsPerFile = 50;
    public const int MethodsPerFile = 10;
    public const int TotalCalls = FileCount * CallsPerFile;

    /// <summary>Calls written invalid on purpose (the analyzer must report each).</summary>
    public static int InvalidCalls => Enumerable.Range(0, TotalCalls).Count(IsInvalid);

    public static IReadOnlyList<(string Path, string Text)> Files { get; } = Enumerable.Range(0, FileCount).Select(f => ($"/calls/Calls{f:D3}.cs", File(f, syscall: false))).ToList();

    /// <summary>
    /// The same project with the own-P/Invoke third made through raw syscall(2) (<c>syscall(SYS_mlockall, flags)</c>,
    /// the number chosen on <c>RuntimeInformation.ProcessArchitecture</c> in a <c>static readonly</c> field): the cost
    /// of the syscall path (<c>trace telemetry 5 syscall</c>). Not part of the BenchmarkDotNet suite.
    /// </summary>
    public static IReadOnlyList<(string Path, string Text)> SyscallFiles { get; } = Enumerable.Range(0, FileCount).Select(f => ($"/calls/Calls{f:D3}.cs", File(f, syscall: true))).ToList();

    private static bool IsInvalid(int call) => call % 100 == 99;

    private static string File(int f, bool syscall)
    {
        var w = new StringBuilder();
        w.AppendLine("using System;");
        w.AppendLine("using System.Runtime.InteropServices;");
        w.AppendLine("using Kapi.Generated;");
        w.AppendLine("using Tmds.Linux;");
        w.AppendLine();
        w.AppendLine("namespace Bench.Calls;");
        w.AppendLine();
        w.AppendLine(CultureInfo.InvariantCulture, $"internal static class Calls{f:D3}");
        w.AppendLine("{");
        w.AppendLine("    private const int MCL_CURRENT = 1, MCL_FUTURE = 2, MCL_ONFAULT = 4;");
        w.AppendLine();
        w.AppendLine("    [DllImport(\"libc\", SetLastError = true)]");
        w.AppendLine("    private static extern int mlockall(int flags);");
        if (syscall)
        {
            w.AppendLine();
            w.AppendLine("    private static readonly nint SYS_mlockall = RuntimeInformation.ProcessArchitecture switch");
            w.AppendLine("    {");
            w.AppendLine("        Architecture.X64 => 151,");
            w.AppendLine("        Architecture.Arm64 => 230,");
            w.AppendLine("        _ => throw new PlatformNotSupportedException(),");
            w.AppendLine("    };");
            w.AppendLine();
            w.AppendLine("    [DllImport(\"libc\", SetLastError = true)]");
            w.AppendLine("    private static extern nint syscall(nint number, nint flags);");
        }
        int perMethod = CallsPerFile / MethodsPerFile;
        for (int m = 0; m < MethodsPerFile; m++)
        {
            w.AppendLine();
            w.AppendLine(CultureInfo.InvariantCulture, $"    public static int Lock{m}(bool future)");
            w.AppendLine("    {");
            w.AppendLine("        int rc = 0;");
            for (int k = 0; k < perMethod; k++)
            {
                int call = (f * CallsPerFile) + (m * perMethod) + k;
                string text = Call(call);
                // the own P/Invoke's calls through syscall(2) instead
                if (syscall && call % 3 == 0) text = text.Replace("mlockall(", "(int)syscall(SYS_mlockall, ", StringComparison.Ordinal);
                w.Append("        ").AppendLine(text);
            }
            w.AppendLine("        return rc;");
            w.AppendLine("    }");
        }
        w.AppendLine("}");
        return w.ToString();
    }

    private static string Call(int call)
    {
        int shape = (call / 3) % 4;
        bool invalid = IsInvalid(call);
        return (call % 3) switch
        {
            // The file's own P/Invoke, constants of its own.
            0 when invalid => "rc |= mlockall(MCL_ONFAULT);",
            0 => shape switch
            {
                0 => "rc |= mlockall(MCL_CURRENT | MCL_ONFAULT);",
                1 => "rc |= mlockall(future ? MCL_FUTURE : MCL_CURRENT | MCL_ONFAULT);",
                2 => "{ int flags = MCL_FUTURE | MCL_ONFAULT; rc |= mlockall(flags); }",
                _ => "if (mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT) != 0) rc = Marshal.GetLastPInvokeError();",
            },
            // The Kapi-generated binding.
            1 when invalid => "rc |= Syscalls.Mlockall(MlockallFlags.MCL_ONFAULT).Errno;",
            1 => shape switch
            {
                0 => "rc |= Syscalls.Mlockall(MlockallFlags.MCL_CURRENT | MlockallFlags.MCL_ONFAULT).Errno;",
                1 => "if (Syscalls.Mlockall(future ? MlockallFlags.MCL_FUTURE : MlockallFlags.MCL_CURRENT | MlockallFlags.MCL_ONFAULT).IsError) rc++;",
                2 => "{ var flags = MlockallFlags.MCL_FUTURE | MlockallFlags.MCL_ONFAULT; rc |= Syscalls.Mlockall(flags).Errno; }",
                _ => "rc |= Syscalls.Mlockall(3).Errno;",
            },
            // Tmds.LibC: constants are static properties.
            _ when invalid => "rc |= LibC.mlockall(8);",
            _ => shape switch
            {
                0 => "rc |= LibC.mlockall(LibC.MCL_CURRENT | LibC.MCL_ONFAULT);",
                1 => "rc |= LibC.mlockall(future ? LibC.MCL_FUTURE : LibC.MCL_CURRENT | LibC.MCL_ONFAULT);",
                2 => "{ int flags = LibC.MCL_FUTURE; rc |= LibC.mlockall(flags); }",
                _ => "if (LibC.mlockall(LibC.MCL_CURRENT | LibC.MCL_FUTURE) != 0) rc = Marshal.GetLastPInvokeError();",
            },
        };
    }
}
