using System.IO;
using Kapi.Cli.Input;
using Kapi.Cli.Output;

namespace Kapi.Cli.Commands;

public enum OutputFormat
{
    Plain,
    Json,
    Rst,
}

/// <summary>
/// <c>kapi --source PATH [-f plain|json|rst] [--arch ARCH] [API_NAME]</c>, the upstream tool's source mode:
/// without a name lists every spec grouped by API type with the total, with a name prints the whole spec.
/// Errors found while reading go to stderr (warnings are left to <c>kapi check</c>); exit code 1 when the name is
/// unknown or any input had an error.
/// </summary>
internal static class ShowCommand
{
    public static int Execute(string source, OutputFormat format, KapiArchitecture arch, string? apiName, TextWriter stdout, TextWriter stderr)
    {
        var files = SpecLoader.Load(new[] { source });
        var printer = new DiagnosticPrinter();
        foreach (var f in files) printer.Print(f, stderr, includeWarnings: false);

        var located = new List<(ApiSpec Spec, SpecFile File)>();
        foreach (var f in files)
        {
            if (f.Model is null) continue;
            foreach (var s in f.Model.Specs) located.Add((s, f));
        }

        if (apiName is null)
        {
            var ordered = SpecList.Ordered(located.Select(l => l.Spec));
            stdout.Write(format switch
            {
                OutputFormat.Json => JsonFormatter.List(ordered),
                OutputFormat.Rst => RstFormatter.List(ordered),
                _ => PlainFormatter.List(ordered),
            });
            return printer.Errors > 0 ? 1 : 0;
        }

        // the full name first; a syscall's short name (mlockall) as well, as the generated registry accepts it
        var matches = located.Where(l => l.Spec.Name == apiName).ToList();
        if (matches.Count == 0) matches = located.Where(l => ApiNames.Matches(l.Spec, apiName)).ToList();
        if (matches.Count == 0)
        {
            stderr.Write($"kapi: API '{apiName}' not found in {source}\n");
            var names = located.Select(l => l.Spec.Name).ToList();
            var suggestions = Kapi.Binding.Suggestions.Ranked(apiName, names, normalize: ApiNames.ForComparison);
            if (suggestions.Count > 0)
            {
                stderr.Write($"Did you mean: {string.Join(", ", suggestions)}?\n");
            }
            if (format == OutputFormat.Plain && located.Count > 0)
            {
                stderr.Write("\nAvailable APIs:\n");
                foreach (var line in SpecList.Ordered(located.Select(l => l.Spec)).Select(s => $"  {s.Name} ({ValueText.ApiType(s)})").Distinct())
                {
                    stderr.Write(line + "\n");
                }
            }
            return 1;
        }

        var (spec, file) = matches[0];
        if (matches.Count > 1)
        {
            var others = string.Join(", ", matches.Skip(1).Select(m => m.File.DisplayPath).Distinct());
            stderr.Write($"kapi: note: '{apiName}' is defined {matches.Count} times; showing the one in {file.DisplayPath} (also in {others})\n");
        }
        stdout.Write(format switch
        {
            OutputFormat.Json => JsonFormatter.Details(spec, arch),
            OutputFormat.Rst => RstFormatter.Details(spec, arch),
            _ => PlainFormatter.Details(spec, arch),
        });
        return printer.Errors > 0 ? 1 : 0;
    }
}
