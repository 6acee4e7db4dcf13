using System.Diagnostics.CodeAnalysis;
using System.IO;
using Kapi.Cli.Input;
using Kapi.Conformance;

namespace Kapi.Cli.Commands;

/// <summary>
/// <c>kapi conform [API_NAME]</c>: runs the conformance cases of the built-in spec library (kapi/) against the running
/// kernel through the generated bindings and prints syscall, case, expected, actual and verdict.
/// </summary>
internal static class ConformCommand
{
    public static int Execute(string? api, string? source, string[]? child, TextWriter stdout, TextWriter stderr)
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
        var runner = new ConformanceRunner(ChildLauncher());
        List<ConformanceResult> results;
        if (source is null)
        {
            var specs = ConformanceRunner.Specs;
            if (api is not null && !specs.Any(s => s.Name == api || s.Name == "sys_" + api))
            {
                stderr.WriteLine($"kapi conform: no spec named '{api}' in the built-in library ({string.Join(", ", specs.Select(s => s.Name))}).");
                return 1;
            }
            results = runner.Run(api).ToList();
            if (api is null || api is "sys_mlockall" or "mlockall")
            {
                results.AddRange(runner.RunPrivilegeCases());
            }
        }
        else if (FromSource(source, api, runner, stdout, stderr) is { } fromSource)
        {
            results = fromSource;
        }
        else
        {
            return 1;
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

    /// <summary>
    /// The cases of the syscall specs read from <paramref name="source"/> (each file's own, in path order; a spec
    /// defined in several files — sys_open in five upstream series — is run once per file, the file named in the
    /// syscall column). Null, with the reason on stderr, when nothing can be run.
    /// </summary>
    private static List<ConformanceResult>? FromSource(string source, string? api, ConformanceRunner runner, TextWriter stdout, TextWriter stderr)
    {
        var files = SpecLoader.Load(new[] { source });
        var printer = new DiagnosticPrinter();
        foreach (var f in files) printer.Print(f, stderr, includeWarnings: false);
        var located = files.Where(f => f.Model is not null)
            .SelectMany(f => f.Model!.Specs.Where(s => s.Kind == ApiKind.Function && (api is null || ApiNames.Matches(s, api))).Select(s => (Spec: s, File: f)))
            .ToList();
        if (located.Count == 0)
        {
            stderr.WriteLine(api is null ? $"kapi conform: no syscall spec in {source}." : $"kapi conform: no spec named '{api}' in {source}.");
            return null;
        }
        bool several = located.Select(l => l.File.DisplayPath).Distinct(StringComparer.Ordinal).Count() > 1;
        var results = new List<ConformanceResult>();
        foreach (var (spec, file) in located)
        {
            foreach (var r in runner.Run(new[] { ConformanceSpecs.FromModel(spec) }))
            {
                results.Add(several ? r with { Case = r.Case with { Api = $"{r.Case.Api} ({Path.GetFileName(file.DisplayPath)})" } } : r);
            }
        }
        if (printer.Errors > 0) stdout.WriteLine($"note: {printer.Errors} error(s) while reading {source} (on stderr); specs with errors are still run as far as they were read");
        return results;
    }

    /// <summary>Children re-enter this CLI: through its own apphost when running as `kapi`, else `dotnet kapi.dll`
    /// (also when the CLI is hosted in-process by another program, such as a test runner).</summary>
    /// <remarks>A native (ahead-of-time compiled) `kapi` always takes the first branch: it is its own apphost.</remarks>
    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "Assembly.Location is read only when the CLI runs as kapi.dll under dotnet, never in a single-file or native kapi")]
    private static ChildProcessLauncher ChildLauncher()
    {
        string? host = Environment.ProcessPath;
        if (host is not null && Path.GetFileNameWithoutExtension(host) == "kapi")
        {
            return new ChildProcessLauncher(host, "conform", "--child");
        }
        string kapiDll = typeof(ConformCommand).Assembly.Location;
        string dotnet = host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        return new ChildProcessLauncher(dotnet, kapiDll, "conform", "--child");
    }
}
