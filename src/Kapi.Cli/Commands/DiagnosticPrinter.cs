using System.IO;
using System.Text;
using Kapi.Cli.Input;
using Kapi.Diagnostics;

namespace Kapi.Cli.Commands;

/// <summary>Prints diagnostics as <c>file(line,col): error|warning KAPInnnn: message</c> and counts them.</summary>
internal sealed class DiagnosticPrinter
{
    /// <summary>At most this many lines per file; the rest are counted and summarised in one line.</summary>
    public const int MaxPerFile = 500;

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public static IEnumerable<KapiDiagnostic> Reportable(SpecFile file, bool includeWarnings) =>
        file.Diagnostics
            .Where(d => d.Severity == KapiSeverity.Error || (includeWarnings && d.Severity == KapiSeverity.Warning))
            .OrderBy(d => d.Span.Start); // stable: equal positions keep the front end's order

    public void Print(SpecFile file, TextWriter writer, bool includeWarnings)
    {
        var printed = Render(file, includeWarnings);
        writer.Write(printed.Text);
        Errors += printed.Errors;
        Warnings += printed.Warnings;
    }

    /// <summary>One file's diagnostics as <see cref="Print"/> writes them, and their counts.</summary>
    public readonly record struct Printed(string Text, int Errors, int Warnings, bool IsFile);

    /// <summary>What <see cref="Print"/> writes for <paramref name="file"/> (thread-safe: nothing shared is touched).</summary>
    public static Printed Render(SpecFile file, bool includeWarnings)
    {
        int errors = 0, warnings = 0, shown = 0, hidden = 0;
        StringBuilder? text = null;
        foreach (var d in Reportable(file, includeWarnings))
        {
            if (d.IsError) errors++;
            else warnings++;
            if (shown < MaxPerFile)
            {
                (text ??= new StringBuilder()).Append(file.Format(d)).Append('\n');
                shown++;
            }
            else
            {
                hidden++;
            }
        }
        if (hidden > 0)
        {
            text!.Append($"{file.DisplayPath}: {hidden} more diagnostic(s) not shown\n");
        }
        return new Printed(text?.ToString() ?? string.Empty, errors, warnings, file.IsFile);
    }
}
