using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;

namespace Kapi.Testing;

// Linked into two projects, one with implicit usings and one without: System names are written in full.

/// <summary>One mutation of a kerneldoc spec: what to do, where (a fraction of the candidates) and with what (an index into a pool).</summary>
internal readonly record struct KerneldocMutation(KerneldocMutator.Kind Kind, double Where, int Pick)
{
    public override string ToString() => $"{Kind}@{Where.ToString("0.###", CultureInfo.InvariantCulture)}#{Pick}";
}

/// <summary>
/// Structure-aware mutations of a kernel-doc spec comment and its <c>SYSCALL_DEFINEn</c>: the edits a person or a mail
/// client makes (a misspelt key, a deleted or doubled line, indentation changed, a missing <c>*/</c>, CRLF, tabs) and
/// the blunt ones (byte flips, truncation, unicode). Shared by tests/Kapi.FrontEnd.Tests (front end) and
/// tests/Kapi.Robustness.Tests (generator); mutations are drawn from fixed CsCheck seeds, so every run sees the same inputs.
/// </summary>
internal static class KerneldocMutator
{
    public enum Kind
    {
        FlipChars,
        DeleteLine,
        DuplicateLine,
        SwapLines,
        Indent,
        Truncate,
        RenameKey,
        RemoveCommentEnd,
        RemoveSignature,
        NestInCode,
        NestedComment,
        LineEnds,
        Tabs,
        Unicode,
        UnbalancedParen,
        DuplicateItem,
        EmptyValue,
        ValueContent,
    }

    private static readonly (int Weight, Kind Kind)[] s_kinds =
    {
        (2, Kind.FlipChars), (3, Kind.DeleteLine), (3, Kind.DuplicateLine), (2, Kind.SwapLines), (4, Kind.Indent),
        (2, Kind.Truncate), (4, Kind.RenameKey), (1, Kind.RemoveCommentEnd), (1, Kind.RemoveSignature), (1, Kind.NestInCode),
        (1, Kind.NestedComment), (2, Kind.LineEnds), (2, Kind.Tabs), (2, Kind.Unicode), (2, Kind.UnbalancedParen),
        (3, Kind.DuplicateItem), (2, Kind.EmptyValue), (4, Kind.ValueContent),
    };

    public static readonly Gen<KerneldocMutation> MutationGen =
        Gen.Select(Gen.Frequency(System.Array.ConvertAll(s_kinds, k => (k.Weight, k.Kind))), Gen.Double[0, 1], Gen.Int[0, 1000])
            .Select((kind, where, pick) => new KerneldocMutation(kind, where, pick));

    /// <summary>1 to 4 mutations.</summary>
    public static readonly Gen<KerneldocMutation[]> MutationsGen = MutationGen.Array[1, 4];

    /// <summary>Draws <paramref name="count"/> values from <paramref name="gen"/> with a fixed CsCheck PCG (deterministic).</summary>
    public static System.Collections.Generic.List<T> Draw<T>(Gen<T> gen, int count, uint stream, ulong seed)
    {
        var pcg = new PCG(stream, seed);
        var list = new System.Collections.Generic.List<T>(count);
        for (int i = 0; i < count; i++) list.Add(gen.Generate(pcg, null!, out _));
        return list;
    }

    public static string Apply(string text, System.Collections.Generic.IEnumerable<KerneldocMutation> mutations)
    {
        foreach (var m in mutations) text = Apply(text, m);
        return text;
    }

    // ------------------------------------------------------------------ pools

    /// <summary>Misspellings and other keys a key may be renamed to.</summary>
    private static readonly string[] s_keys =
    {
        "parm", "params", "eror", "error-codes", "long-descr", "contexts", "context-flags", "param-typ", "retrun", "return",
        "desc", "type", "flags", "constraint-type", "Description", "lock", "signal", "x", "param-count", "arch-mask",
        "field", "struct", "KEY", "key_with_underscore", "long-desc", "notes",
    };

    private static readonly string[] s_unicode =
    {
        "\u00e9", "\u6f22\u5b57", "\U0001F600", "\u200B", "\uFEFF", "\u202E", "\u0301", "\uD800", "\uDC00", "\u2028", "\u0085",
        "\u00A0", "\u3000", "\uFFFD", "\u0000", "\u0130", "\u212A",
    };

    private static readonly string[] s_values =
    {
        "", " ", "(", ")", "((((", "))))", ",", ",,,", "0x", "0x" + new string('f', 40), "99999999999999999999999", "1 <<", "<< 1",
        "KAPI_", "KAPI_TYPE_", "mask(", "range(1)", "range(1, 2, 3)", "enum()", "custom()", "\"", "'", "/*", "*/", "//", "\\",
        "@x:", "x - y", "= =", "yes", "maybe", ">=", "<= -1", "-", "-EINVAL, EINVAL", "process, sleepable", "foo | bar",
        "SIGKILL", "powerpc = 1", "= 1", "{1, 2", "1 / 0", "1 % 0", "1 << 99", new string('x', 3000),
    };

    // ------------------------------------------------------------------ candidates

    private static readonly Regex s_key = new(@"(?m)^[ \t]*\*[ \t]*([a-z][a-z0-9_-]*)[ \t]*:(?!:)", RegexOptions.CultureInvariant);
    private static readonly Regex s_value = new(@"(?m)^[ \t]*\*[ \t]*[a-z][a-z0-9_-]*[ \t]*:(?!:)[ \t]*([^\r\n]*)$", RegexOptions.CultureInvariant);
    private static readonly Regex s_item = new(@"(?m)^[ \t]*\*[ \t]?(param|error|lock|signal|capability|side-effect|state-trans|constraint|struct):[^\n]*\n(?:[ \t]*\*[ \t]{2,}[^\n]*\n)*", RegexOptions.CultureInvariant);
    private static readonly Regex s_signature = new(@"SYSCALL_DEFINE\d+\s*\([^)]*\)", RegexOptions.CultureInvariant);

    /// <summary>The keys of the spec comments (top-level and indented): where each name starts and its length.</summary>
    public static System.Collections.Generic.List<(int Index, int Length)> Keys(string text) => Groups(s_key, text);

    /// <summary>The non-empty values after <c>key:</c> on the key's own line.</summary>
    public static System.Collections.Generic.List<(int Index, int Length)> Values(string text) => Groups(s_value, text);

    private static System.Collections.Generic.List<(int Index, int Length)> Groups(Regex regex, string text)
    {
        var result = new System.Collections.Generic.List<(int Index, int Length)>();
        foreach (Match m in regex.Matches(text))
        {
            if (m.Groups[1].Length > 0) result.Add((m.Groups[1].Index, m.Groups[1].Length));
        }
        return result;
    }

    /// <summary>
    /// Where truncation is most interesting: every line start, <c>/**</c>, <c>*/</c>, every colon, comma and parenthesis,
    /// <c>SYSCALL_DEFINE</c>, and the end of each of them.
    /// </summary>
    public static System.Collections.Generic.List<int> StructuralPoints(string text)
    {
        var points = new System.Collections.Generic.SortedSet<int>();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n') { points.Add(i); points.Add(i + 1); }
            else if (c is ':' or ',' or '(' or ')' or '@') { points.Add(i); points.Add(i + 1); }
            else if (c == '*' && i + 1 < text.Length && text[i + 1] == '/') { points.Add(i); points.Add(i + 1); points.Add(i + 2); }
            else if (c == '/' && i + 2 < text.Length && text[i + 1] == '*' && text[i + 2] == '*') { points.Add(i); points.Add(i + 3); }
        }
        foreach (Match m in s_signature.Matches(text)) { points.Add(m.Index); points.Add(m.Index + 14); }
        points.RemoveWhere(p => p > text.Length);
        return new System.Collections.Generic.List<int>(points);
    }

    private static T At<T>(System.Collections.Generic.IReadOnlyList<T> items, double where) => items[System.Math.Min(items.Count - 1, (int)(where * items.Count))];

    private static string Replace(string text, int index, int length, string replacement) =>
        text.Substring(0, index) + replacement + text.Substring(index + length);

    private static string Apply(string text, KerneldocMutation m)
    {
        if (text.Length == 0) return text;
        switch (m.Kind)
        {
            case Kind.FlipChars:
                {
                    var chars = text.ToCharArray();
                    var r = new System.Random(m.Pick);
                    for (int i = 0; i < 1 + m.Pick % 4; i++) chars[r.Next(chars.Length)] = (char)r.Next(0, 0x3000);
                    return new string(chars);
                }
            case Kind.DeleteLine:
            case Kind.DuplicateLine:
            case Kind.SwapLines:
                {
                    var lines = new System.Collections.Generic.List<string>(text.Split('\n'));
                    int a = System.Math.Min(lines.Count - 1, (int)(m.Where * lines.Count));
                    if (m.Kind == Kind.DeleteLine) lines.RemoveAt(a);
                    else if (m.Kind == Kind.DuplicateLine) lines.Insert(a, lines[a]);
                    else
                    {
                        int b = System.Math.Min(lines.Count - 1, a + 1 + m.Pick % 3);
                        (lines[a], lines[b]) = (lines[b], lines[a]);
                    }
                    return string.Join('\n', lines);
                }
            case Kind.Indent:
                {
                    // change the indentation after " * " of one line: deeper, shallower, none, or a tab
                    var lines = new System.Collections.Generic.List<string>(text.Split('\n'));
                    int a = System.Math.Min(lines.Count - 1, (int)(m.Where * lines.Count));
                    var line = Regex.Match(lines[a], @"^([ \t]*\*)([ \t]*)(.*)$");
                    if (!line.Success) return text;
                    string indent = line.Groups[2].Value;
                    string changed = (m.Pick % 5) switch
                    {
                        0 => indent + "  ",
                        1 => indent.Length > 2 ? indent.Substring(2) : string.Empty,
                        2 => string.Empty,
                        3 => "\t",
                        _ => " " + new string(' ', 1 + m.Pick % 12),
                    };
                    lines[a] = line.Groups[1].Value + changed + line.Groups[3].Value;
                    return string.Join('\n', lines);
                }
            case Kind.Truncate:
                {
                    var points = StructuralPoints(text);
                    return points.Count == 0 ? text : text.Substring(0, At(points, m.Where));
                }
            case Kind.RenameKey:
                {
                    var keys = Keys(text);
                    if (keys.Count == 0) return text;
                    var (index, length) = At(keys, m.Where);
                    return Replace(text, index, length, s_keys[m.Pick % s_keys.Length]);
                }
            case Kind.RemoveCommentEnd:
                {
                    int end = text.IndexOf("*/", text.IndexOf("/**", System.StringComparison.Ordinal) + 1, System.StringComparison.Ordinal);
                    return end < 0 ? text : text.Remove(end, 2);
                }
            case Kind.RemoveSignature:
                {
                    var s = s_signature.Match(text);
                    return s.Success ? text.Remove(s.Index, s.Length) : text;
                }
            case Kind.NestInCode:
                {
                    // the spec comment inside the signature's parentheses, or inside a function body after it
                    int start = text.IndexOf("/**", System.StringComparison.Ordinal);
                    int end = start < 0 ? -1 : text.IndexOf("*/", start, System.StringComparison.Ordinal);
                    if (end < 0) return text;
                    string comment = text.Substring(start, end + 2 - start);
                    var s = s_signature.Match(text);
                    if (m.Pick % 2 == 0 && s.Success)
                    {
                        int open = text.IndexOf('(', s.Index);
                        return text.Insert(open + 1, comment + "\n");
                    }
                    return text + "\n{\n\tint x = 0;\n\t" + comment.Replace("\n", "\n\t") + "\n\treturn x;\n}\n";
                }
            case Kind.NestedComment:
                {
                    // a comment opener or closer inside the spec comment
                    var lines = new System.Collections.Generic.List<string>(text.Split('\n'));
                    int a = System.Math.Min(lines.Count - 1, (int)(m.Where * lines.Count));
                    string[] nested = { " /* nested */ ", " /** nested ", " */ ", " // line ", "/**/", " /*" };
                    lines[a] += nested[m.Pick % nested.Length];
                    return string.Join('\n', lines);
                }
            case Kind.LineEnds:
                return (m.Pick % 4) switch
                {
                    0 => text.Replace("\n", "\r\n"),
                    1 => text.Replace("\n", "\r"),
                    2 => text.Replace("\n", "\u2028"),
                    _ => text.Replace("\n", "\n\r"),
                };
            case Kind.Tabs:
                return (m.Pick % 3) switch
                {
                    0 => Regex.Replace(text, "(?m)^ \\*   ", " *\t"),
                    1 => text.Replace("  ", "\t"),
                    _ => text.Replace(" * ", "\t*\t"),
                };
            case Kind.Unicode:
                {
                    string u = s_unicode[m.Pick % s_unicode.Length];
                    var keys = Keys(text);
                    if (m.Pick % 2 == 0 && keys.Count > 0)
                    {
                        var (index, length) = At(keys, m.Where);
                        return text.Insert(index + (m.Pick / 2) % (length + 1), u);
                    }
                    return text.Insert((int)(m.Where * text.Length), u);
                }
            case Kind.UnbalancedParen:
                {
                    var values = Values(text);
                    if (values.Count == 0) return text;
                    var (index, length) = At(values, m.Where);
                    return (m.Pick % 3) switch
                    {
                        0 => text.Insert(index, "("),
                        1 => text.Insert(index + length, ")"),
                        _ => text.Insert(index + length / 2, "("),
                    };
                }
            case Kind.DuplicateItem:
                {
                    var items = s_item.Matches(text);
                    if (items.Count == 0) return text;
                    var item = items[System.Math.Min(items.Count - 1, (int)(m.Where * items.Count))];
                    return text.Insert(item.Index + item.Length, item.Value);
                }
            case Kind.EmptyValue:
            case Kind.ValueContent:
                {
                    var values = Values(text);
                    if (values.Count == 0) return text;
                    var (index, length) = At(values, m.Where);
                    return Replace(text, index, length, m.Kind == Kind.EmptyValue ? string.Empty : s_values[m.Pick % s_values.Length]);
                }
            default:
                return text;
        }
    }
}
