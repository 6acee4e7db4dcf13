using System;
using System.IO;
using System.Linq;
using Kapi.Conformance;

namespace Kapi.Cli.Commands;

/// <summary>
/// <c>kapi conform [API_NAME]</c>: runs the conformance cases of the built-in spec library (kapi/) against the running
/// kernel through the generated bindings and prints syscall, case, expected, actual and verdict.
/// </summary>
internal static class ConformCommand
{
    public static int Execute(string? api, string[]? child, TextWriter stdout, TextWriter stderr)
    {
        if (child is { Length: 3 })
        {
            return ConformanceChild.Run(child[0], child[1], child[2], stdout);
        }
        if (!OperatingSystem.IsLinux())
        {
            stderr.WriteLine("kapi conform: needs Linux (it calls the running kernel).");
            return 1;
        }
        var specs = ConformanceRunner.Specs;
        if (api is not null && !specs.Any(s => s.Name == api || s.Name == "sys_" + api))
        {
            stderr.WriteLine($"kapi conform: no spec named '{api}' in the built-in library ({string.Join(", ", specs.Select(s => s.Name))}).");
            return 1;
        }
        var runner = new ConformanceRunner(ChildLauncher());
        var results = runner.Run(api).ToList();
        if (api is null || api is "sys_mlockall" or "mlockall")
        {
            results.AddRange(runner.RunPrivilegeCases());
        }
        stdout.Write(ConformanceTable.Format(results));
        int pass = results.Count(r => r.Verdict == ConformanceVerdict.Pass);
        int fail = results.Count(r => r.Verdict == ConformanceVerdict.Fail);
        int known = results.Count(r => r.Verdict == ConformanceVerdict.KnownDisagreement);
        int skipped = results.Count(r => r.Verdict == ConformanceVerdict.Skipped);
        stdout.WriteLine($"{results.Count} cases: {pass} pass, {fail} fail, {known} known disagreements (context the spec cannot express), {skipped} skipped");
        foreach (var r in results.Where(r => r.Verdict == ConformanceVerdict.Fail))
        {
            stderr.WriteLine("disagreement: " + r.Describe());
        }
        return fail == 0 ? 0 : 1;
    }

    /// <summary>Children re-enter this CLI: through its own apphost when running as `kapi`, else `dotnet kapi.dll`
    /// (also when the CLI is hosted in-process by another program, such as a test runner).</summary>
    private static ChildProcessLauncher ChildLauncher()
    {
        string? host = Environment.ProcessPath;
        string kapiDll = typeof(ConformCommand).Assembly.Location;
        if (host is not null && Path.GetFileNameWithoutExtension(host) == "kapi")
        {
            return new ChildProcessLauncher(host, "conform", "--child");
        }
        string dotnet = host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        return new ChildProcessLauncher(dotnet, kapiDll, "conform", "--child");
    }
}
