using System.Text;
namespace Kapi.Conformance;

/// <summary>
/// The table <c>kapi conform</c> prints: syscall, case, expected, actual, verdict. Every column is as wide as its
/// widest cell, so a long case name (<c>flags = MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT (0x7)</c>) keeps the columns after
/// it aligned; the verdict, last, is not padded.
/// </summary>
public static class ConformanceTable
{
    private static readonly string[] s_header = { "syscall", "case", "expected", "actual", "verdict" };

    public static string Format(IEnumerable<ConformanceResult> results)
    {
        var rows = results.Select(r => new[]
        {
            r.Case.Api,
            $"{r.Case.Parameter} = {r.Case.Label} (0x{r.Case.Value:x})",
            r.Case.Expected,
            r.Actual,
            r.Verdict switch
            {
                ConformanceVerdict.Pass => "pass",
                ConformanceVerdict.Fail => "FAIL",
                ConformanceVerdict.KnownDisagreement => "known: " + r.Note,
                _ => "skipped: " + r.Note,
            },
        }).ToList();
        int last = s_header.Length - 1;
        var widths = s_header.Select((h, i) => i == last ? h.Length : rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var sb = new StringBuilder();
        void Line(IReadOnlyList<string> cells) =>
            sb.Append(string.Join("  ", cells.Select((c, i) => i == last ? c : c.PadRight(widths[i]))).TrimEnd()).Append('\n');
        Line(s_header);
        Line(widths.Select(w => new string('-', w)).ToArray());
        foreach (var r in rows) Line(r);
        return sb.ToString();
    }
}
