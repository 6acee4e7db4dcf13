using System.IO;
using Kapi.Cli.Input;

namespace Kapi.Cli.Commands;

/// <summary>
/// <c>kapi check PATH…</c>: prints every error and warning as <c>file(line,col): severity KAPInnnn: message</c>
/// (paths as given), then a summary line; exit code 1 when any error was found, 0 otherwise.
/// </summary>
internal static class CheckCommand
{
    public static int Execute(IReadOnlyList<string> paths, TextWriter stdout)
    {
        var files = SpecLoader.Load(paths);
        var printer = new DiagnosticPrinter();
        foreach (var f in files) printer.Print(f, stdout, includeWarnings: true);
        int fileCount = files.Count(f => f.IsFile);
        stdout.Write($"{Plural(fileCount, "file")}, {Plural(printer.Errors, "error")}, {Plural(printer.Warnings, "warning")}\n");
        return printer.Errors > 0 ? 1 : 0;
    }

    internal static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
