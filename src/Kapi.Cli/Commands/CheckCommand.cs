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
        // each file printed (into a string) by the reader that loaded it: its text and model are not kept
        var files = SpecLoader.Load(paths, static f => DiagnosticPrinter.Render(f, includeWarnings: true));
        int errors = 0, warnings = 0, fileCount = 0;
        foreach (var f in files)
        {
            stdout.Write(f.Text);
            errors += f.Errors;
            warnings += f.Warnings;
            if (f.IsFile) fileCount++;
        }
        stdout.Write($"{Plural(fileCount, "file")}, {Plural(errors, "error")}, {Plural(warnings, "warning")}\n");
        return errors > 0 ? 1 : 0;
    }

    internal static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
