using System.IO;
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
        int shown = 0, hidden = 0;
        foreach (var d in Reportable(file, includeWarnings))
        {
            if (d.IsError) Errors++;
            else Warnings++;
            if (shown < MaxPerFile)
            {
                writer.Write(file.Format(d));
                writer.Write('\n');
                shown++;
            }
            else
            {
                hidden++;
            }
        }
        if (hidden > 0)
        {
            writer.Write($"{file.DisplayPath}: {hidden} more diagnostic(s) not shown\n");
        }
    }
}
