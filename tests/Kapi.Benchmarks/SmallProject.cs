using System.Globalization;
using System.Text;

namespace Kapi.Benchmarks;

/// <summary>
/// The "small project" of the generator benchmarks: a console-app-sized library of ordinary C# (records, LINQ,
/// generics, async, pattern matching) that does not depend on Kapi, so that it compiles with and without it.
/// </summary>
public static class SmallProject
{
    public const int FileCount = 12;

    /// <summary>(path, text) of every file; deterministic.</summary>
    public static IReadOnlyList<(string Path, string Text)> Files { get; } = Enumerable.Range(0, FileCount).Select(i => ($"/small/Feature{i:D2}.cs", File(i, edit: 0))).ToList();

    /// <summary>File <paramref name="index"/> after an unrelated edit (a changed method body), numbered by <paramref name="edit"/>.</summary>
    public static string EditedFile(int index, int edit) => File(index, edit);

    public static int LineCount => Files.Sum(f => f.Text.Split('\n').Length);

    private static string File(int i, int edit)
    {
        var w = new StringBuilder();
        string ns = "Small.App";
        w.AppendLine("using System;");
        w.AppendLine("using System.Collections.Generic;");
        w.AppendLine("using System.Linq;");
        w.AppendLine("using System.Threading;");
        w.AppendLine("using System.Threading.Tasks;");
        w.AppendLine();
        w.AppendLine(CultureInfo.InvariantCulture, $"namespace {ns};");
        w.AppendLine();
        w.AppendLine(CultureInfo.InvariantCulture, $"/// <summary>An order line of feature {i}.</summary>");
        w.AppendLine(CultureInfo.InvariantCulture, $"public sealed record Line{i}(string Sku, int Quantity, decimal Price)");
        w.AppendLine("{");
        w.AppendLine("    public decimal Total => Quantity * Price;");
        w.AppendLine("}");
        w.AppendLine();
        w.AppendLine(CultureInfo.InvariantCulture, $"public enum State{i} {{ New, Open, Held, Closed }}");
        w.AppendLine();
        w.AppendLine(CultureInfo.InvariantCulture, $"/// <summary>Feature {i}: a small service with the usual shapes of application code.</summary>");
        w.AppendLine(CultureInfo.InvariantCulture, $"public sealed class Feature{i}Service");
        w.AppendLine("{");
        w.AppendLine(CultureInfo.InvariantCulture, $"    private readonly List<Line{i}> _lines = new();");
        w.AppendLine("    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);");
        w.AppendLine(CultureInfo.InvariantCulture, $"    private State{i} _state = State{i}.New;");
        w.AppendLine();
        w.AppendLine(CultureInfo.InvariantCulture, $"    public IReadOnlyList<Line{i}> Lines => _lines;");
        w.AppendLine();
        w.AppendLine(CultureInfo.InvariantCulture, $"    public void Add(Line{i} line)");
        w.AppendLine("    {");
        w.AppendLine("        ArgumentNullException.ThrowIfNull(line);");
        w.AppendLine("        if (_index.TryGetValue(line.Sku, out int at)) _lines[at] = line with { Quantity = _lines[at].Quantity + line.Quantity };");
        w.AppendLine("        else { _index[line.Sku] = _lines.Count; _lines.Add(line); }");
        w.AppendLine(CultureInfo.InvariantCulture, $"        _state = State{i}.Open;");
        w.AppendLine("    }");
        w.AppendLine();
        w.AppendLine("    public decimal Total() => _lines.Sum(l => l.Total);");
        w.AppendLine();
        w.AppendLine("    public IEnumerable<string> Report(int top)");
        w.AppendLine("    {");
        w.AppendLine("        return _lines.Where(l => l.Quantity > 0)");
        w.AppendLine("            .OrderByDescending(l => l.Total)");
        w.AppendLine("            .ThenBy(l => l.Sku, StringComparer.Ordinal)");
        w.AppendLine("            .Take(top)");
        w.AppendLine("            .Select((l, n) => $\"{n + 1}. {l.Sku} x{l.Quantity} = {l.Total:F2}\");");
        w.AppendLine("    }");
        w.AppendLine();
        w.AppendLine("    public string Describe() => _state switch");
        w.AppendLine("    {");
        w.AppendLine(CultureInfo.InvariantCulture, $"        State{i}.New => \"new\",");
        w.AppendLine(CultureInfo.InvariantCulture, $"        State{i}.Open when _lines.Count > {10 + i} => \"open (large)\",");
        w.AppendLine(CultureInfo.InvariantCulture, $"        State{i}.Open => \"open\",");
        w.AppendLine(CultureInfo.InvariantCulture, $"        State{i}.Held => \"held\",");
        w.AppendLine("        _ => \"closed\",");
        w.AppendLine("    };");
        w.AppendLine();
        w.AppendLine("    public async Task<int> FlushAsync(Func<string, CancellationToken, Task> sink, CancellationToken ct)");
        w.AppendLine("    {");
        w.AppendLine("        int n = 0;");
        w.AppendLine("        foreach (var line in _lines)");
        w.AppendLine("        {");
        w.AppendLine("            ct.ThrowIfCancellationRequested();");
        w.AppendLine("            await sink(line.Sku, ct).ConfigureAwait(false);");
        w.AppendLine("            n++;");
        w.AppendLine("        }");
        w.AppendLine(CultureInfo.InvariantCulture, $"        _state = State{i}.Closed;");
        w.AppendLine("        return n;");
        w.AppendLine("    }");
        w.AppendLine();
        w.AppendLine("    public static Dictionary<TKey, List<T>> GroupInto<T, TKey>(IEnumerable<T> items, Func<T, TKey> key) where TKey : notnull");
        w.AppendLine("    {");
        w.AppendLine("        var result = new Dictionary<TKey, List<T>>();");
        w.AppendLine("        foreach (var item in items)");
        w.AppendLine("        {");
        w.AppendLine("            if (!result.TryGetValue(key(item), out var list)) result[key(item)] = list = new List<T>();");
        w.AppendLine("            list.Add(item);");
        w.AppendLine("        }");
        w.AppendLine("        return result;");
        w.AppendLine("    }");
        w.AppendLine();
        w.AppendLine("    public static int Checksum(ReadOnlySpan<char> text)");
        w.AppendLine("    {");
        w.AppendLine(CultureInfo.InvariantCulture, $"        int h = {17 + i + (edit * 1000)};");
        w.AppendLine("        foreach (char c in text) h = unchecked(h * 31 + c);");
        w.AppendLine("        return h;");
        w.AppendLine("    }");
        w.AppendLine("}");
        return w.ToString();
    }
}
