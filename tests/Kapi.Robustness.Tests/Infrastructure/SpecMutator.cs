using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using CsCheck;

namespace Kapi.Robustness.Tests.Infrastructure;

/// <summary>One mutation: what to do, where (a fraction of the candidates) and with which replacement (an index into a pool).</summary>
internal readonly record struct Mutation(SpecMutator.Kind Kind, double Where, int Pick)
{
    public override string ToString() => $"{Kind}@{Where.ToString("0.###", CultureInfo.InvariantCulture)}#{Pick}";
}

/// <summary>
/// Structure-aware mutations of KAPI spec text (C-macro form). Most keep the file bindable, so that the generator's
/// output for odd-but-valid specs gets compiled; a few are the blunt front-end kind (truncation, byte flips, line
/// ends, BOMs, NULs). Mutations are described by CsCheck generators and drawn from a fixed seed: every run sees the
/// same inputs, and a failure names the seed file and the mutation list.
/// </summary>
internal static class SpecMutator
{
    public enum Kind
    {
        StringContent,
        Number,
        Constant,
        CType,
        ParamName,
        Index,
        SpecName,
        DeleteLine,
        DuplicateLine,
        SwapLines,
        DuplicateBlock,
        Transplant,
        DeleteToken,
        DuplicateToken,
        Truncate,
        FlipChars,
        LineEnds,
        Bom,
        Nul,
    }

    // Weights: mostly mutations that keep the spec bindable.
    private static readonly (int Weight, Kind Kind)[] s_kinds =
    {
        (6, Kind.StringContent), (6, Kind.Number), (6, Kind.Constant), (5, Kind.CType), (5, Kind.ParamName),
        (3, Kind.Index), (3, Kind.SpecName), (3, Kind.DeleteLine), (3, Kind.DuplicateLine), (2, Kind.SwapLines),
        (4, Kind.DuplicateBlock), (4, Kind.Transplant), (2, Kind.DeleteToken), (2, Kind.DuplicateToken), (1, Kind.Truncate),
        (1, Kind.FlipChars), (2, Kind.LineEnds), (1, Kind.Bom), (1, Kind.Nul),
    };

    public static readonly Gen<Mutation> MutationGen =
        Gen.Select(Gen.Frequency(s_kinds.Select(k => (k.Weight, k.Kind)).ToArray()), Gen.Double[0, 1], Gen.Int[0, 1000])
            .Select((kind, where, pick) => new Mutation(kind, where, pick));

    /// <summary>1 to 4 mutations.</summary>
    public static readonly Gen<Mutation[]> MutationsGen = MutationGen.Array[1, 4];

    /// <summary>
    /// Blocks (KAPI_PARAM … KAPI_PARAM_END, KAPI_ERROR lines) that <see cref="Kind.Transplant"/> copies into other specs:
    /// from the repository's specs and, when present, the corpus. Read by the test, in ordinal path order.
    /// </summary>
    private static readonly Lazy<IReadOnlyList<(string Macro, string Block)>> s_donors = new(() =>
        RepoPaths.RepoSpecFiles().Concat(RepoPaths.CorpusSpecFiles())
            .SelectMany(f => Blocks(System.IO.File.ReadAllText(f)).Select(b => (b.Macro, b.Text)))
            .ToList());

    private static IEnumerable<(int Start, int End, string Macro, string Text)> Blocks(string text)
    {
        foreach (Match b in Regex.Matches(text, @"KAPI_PARAM\s*\(\s*\d+.*?KAPI_PARAM_END", RegexOptions.Singleline))
            yield return (b.Index, b.Index + b.Length, "KAPI_PARAM", b.Value);
        foreach (Match b in Regex.Matches(text, @"KAPI_ERROR\s*\(\s*\d+[^\n]*\)"))
            yield return (b.Index, b.Index + b.Length, "KAPI_ERROR", b.Value);
    }

    private static long NextIndex(string text, string macro) =>
        Regex.Matches(text, macro + @"\s*\(\s*(\d{1,9})\b").Select(x => long.Parse(x.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max() + 1;

    private static string Reindex(string block, string macro, long index) =>
        Regex.Replace(block, "^" + macro + @"\s*\(\s*\d+", macro + "(" + index.ToString(CultureInfo.InvariantCulture));

    /// <summary>Draws <paramref name="count"/> values from <paramref name="gen"/> with a fixed CsCheck PCG (deterministic).</summary>
    public static List<T> Draw<T>(Gen<T> gen, int count, uint stream, ulong seed)
    {
        var pcg = new PCG(stream, seed);
        var list = new List<T>(count);
        for (int i = 0; i < count; i++) list.Add(gen.Generate(pcg, null!, out _));
        return list;
    }

    public static string Apply(string text, IEnumerable<Mutation> mutations)
    {
        foreach (var m in mutations) text = Apply(text, m);
        return text;
    }

    // ------------------------------------------------------------------ pools

    private static readonly string[] s_strings =
    {
        "", " ", "\\\"", "a\\nb\\r\\nc", "</summary>", "*/ /* // ", "\\\\", "]]> <![CDATA[", "#endregion", "{ } }",
        "\u202E\u2066 bidi \u200B\uFEFF", "é ñ 漢字 \U0001F600", "class", "__ret", new string('x', 5000), "\\u0022 \\x41 \\101",
    };

    private static readonly string[] s_numbers =
    {
        "0", "1", "-1", "2", "0x7FFFFFFF", "0x80000000", "0xFFFFFFFF", "0x100000000", "0x7FFFFFFFFFFFFFFF", "0x8000000000000000",
        "0xFFFFFFFFFFFFFFFF", "18446744073709551615", "99999999999999999999999", "-9223372036854775808", "(-9223372036854775807 - 1)",
        "2147483648", "07777", "(1ULL << 63)", "(1 << 31)", "~0", "~0UL", "-2147483648", "4096", "3",
    };

    private static readonly string[] s_constants =
    {
        "KAPI_TYPE_FD", "KAPI_TYPE_PATH", "KAPI_TYPE_PTR", "KAPI_TYPE_USER_PTR", "KAPI_TYPE_INT", "KAPI_TYPE_UINT", "KAPI_TYPE_ENUM",
        "KAPI_TYPE_STRUCT", "KAPI_TYPE_VOID", "KAPI_TYPE_BOOL", "KAPI_TYPE_ARRAY", "KAPI_TYPE_FUNC_PTR", "KAPI_TYPE_CUSTOM",
        "KAPI_CONSTRAINT_MASK", "KAPI_CONSTRAINT_ENUM", "KAPI_CONSTRAINT_RANGE", "KAPI_CONSTRAINT_NONE", "KAPI_CONSTRAINT_NONZERO",
        "KAPI_CONSTRAINT_POWER_OF_TWO", "KAPI_CONSTRAINT_PAGE_ALIGNED", "KAPI_CONSTRAINT_ALIGNMENT", "KAPI_CONSTRAINT_USER_PATH",
        "KAPI_CONSTRAINT_USER_STRING", "KAPI_CONSTRAINT_CUSTOM", "KAPI_RETURN_FD", "KAPI_RETURN_ERROR_CHECK", "KAPI_RETURN_RANGE",
        "KAPI_RETURN_NO_RETURN", "KAPI_RETURN_EXACT", "KAPI_RETURN_CUSTOM", "KAPI_PARAM_IN", "KAPI_PARAM_OUT", "KAPI_PARAM_OPTIONAL",
        "KAPI_PARAM_USER", "MCL_CURRENT", "MCL_FUTURE", "MCL_ONFAULT", "O_ACCMODE", "O_RDONLY", "O_WRONLY", "O_RDWR", "O_CREAT",
        "O_DIRECT", "O_LARGEFILE", "O_TMPFILE", "EPOLL_CLOEXEC", "EPOLLIN", "EPOLLET", "PROT_READ", "PROT_EXEC", "MAP_SHARED",
        "MAP_FIXED", "MAP_ANONYMOUS", "MADV_DONTNEED", "EINVAL", "EDEADLOCK", "EAGAIN", "EWOULDBLOCK", "ENOTSUP", "EOPNOTSUPP",
        "INT_MAX", "INT_MIN", "UINT_MAX", "LONG_MIN", "S64_MIN", "S32_MIN", "U32_MAX", "SIZE_MAX", "ULONG_MAX", "LONG_MAX", "S64_MAX", "U64_MAX", "PAGE_SIZE", "PATH_MAX",
        "AT_FDCWD", "SIGKILL", "CAP_IPC_LOCK", "true", "false", "NULL",
    };

    private static readonly string[] s_ctypes =
    {
        "int", "unsigned int", "long", "unsigned long", "size_t", "ssize_t", "__u64", "__s64", "u8", "__u16", "char", "bool",
        "umode_t", "void *", "void", "const char __user *", "struct epoll_event __user *", "struct foo", "int[4]", "",
        "unsigned long long", "loff_t", "float", "double", "pid_t", "int *", "const struct timespec __user *", "__kernel_size_t",
    };

    private static readonly string[] s_paramNames =
    {
        "class", "int", "value", "native", "__ret", "__errno", "__result", "error", "errno", "flags", "flags_info", "", "0abc",
        "a b", "@x", "Syscalls", "KernelApiSpecs", "All", "__v_flags", "v_flags", "result", "r", "v", "architecture", "string",
        "event", "args", "Info", "error_info", "ret", "__Kapi_Native", "p__x", "\\u0041", "é", "x\\ny",
    };

    private static readonly string[] s_indices = { "0", "1", "2", "5", "15", "16", "31", "100", "-1" };

    private static readonly string[] s_specNames =
    {
        "sys_x", "sys_", "sys_class", "sys_all", "sys_find", "sys_get", "sys_try_get", "sys_syscalls", "sys_kernel_api_specs",
        "sys__x", "sys_1", "x", "sys_a_b_c", "sys_event", "sys_error", "sys_x_error", "sys_equals", "sys_to_string", "SYS_X",
        "sys_mlockall", "sys_munlockall", "sys_mlock", "sys_open", "sys_openat", "sys_epoll_ctl", "sys_mmap", "sys_mlock_all",
    };

    // ------------------------------------------------------------------ tokens

    private static readonly Regex s_token = new(
        @"""(?:\\.|[^""\\\n])*""|/\*.*?\*/|//[^\n]*|[A-Za-z_][A-Za-z0-9_]*|0[xX][0-9a-fA-F]+[uUlL]*|[0-9]+[uUlL]*|[^\s]",
        RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly Regex s_number = new(@"^(0[xX][0-9a-fA-F]+|[0-9]+)[uUlL]*$", RegexOptions.CultureInvariant);
    private static readonly Regex s_constant = new(@"^[A-Z][A-Z0-9_]*$", RegexOptions.CultureInvariant);

    private static List<Match> Tokens(string text) => s_token.Matches(text).Cast<Match>().ToList();

    private static T At<T>(IReadOnlyList<T> items, double where) => items[Math.Min(items.Count - 1, (int)(where * items.Count))];

    private static string Replace(string text, int index, int length, string replacement) =>
        text.Substring(0, index) + replacement + text.Substring(index + length);

    /// <summary>The argument strings of the macro invocations named <paramref name="macro"/> (argument number <paramref name="arg"/>, 0-based).</summary>
    private static List<(int Index, int Length)> MacroArguments(string text, string macro, int arg)
    {
        var result = new List<(int, int)>();
        var tokens = Tokens(text);
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Value != macro || tokens[i + 1].Value != "(") continue;
            int depth = 0, current = 0;
            for (int j = i + 1; j < tokens.Count; j++)
            {
                var t = tokens[j].Value;
                if (t == "(") { depth++; continue; }
                if (t == ")") { if (--depth == 0) break; continue; }
                if (depth == 1 && t == ",") { current++; continue; }
                if (depth == 1 && current == arg) { result.Add((tokens[j].Index, tokens[j].Length)); break; }
            }
        }
        return result;
    }

    private static string Apply(string text, Mutation m)
    {
        if (text.Length == 0) return text;
        var tokens = Tokens(text);
        switch (m.Kind)
        {
            case Kind.StringContent:
                {
                    var strings = tokens.Where(t => t.Value.StartsWith('"')).ToList();
                    if (strings.Count == 0) return text;
                    var s = At(strings, m.Where);
                    return Replace(text, s.Index, s.Length, "\"" + s_strings[m.Pick % s_strings.Length] + "\"");
                }
            case Kind.Number:
                {
                    var numbers = tokens.Where(t => s_number.IsMatch(t.Value)).ToList();
                    if (numbers.Count == 0) return text;
                    var n = At(numbers, m.Where);
                    return Replace(text, n.Index, n.Length, s_numbers[m.Pick % s_numbers.Length]);
                }
            case Kind.Constant:
                {
                    // Constants, not macro invocations (an identifier followed by '(').
                    var constants = tokens.Where((t, i) => s_constant.IsMatch(t.Value) && !(i + 1 < tokens.Count && tokens[i + 1].Value == "(")
                        && !t.Value.EndsWith("_END", StringComparison.Ordinal) && !t.Value.StartsWith("KAPI_END", StringComparison.Ordinal)).ToList();
                    if (constants.Count == 0) return text;
                    var c = At(constants, m.Where);
                    return Replace(text, c.Index, c.Length, s_constants[m.Pick % s_constants.Length]);
                }
            case Kind.CType:
                {
                    var args = MacroArguments(text, "KAPI_PARAM", 2).Concat(MacroArguments(text, "KAPI_RETURN", 0)).ToList();
                    if (args.Count == 0) return text;
                    var a = At(args, m.Where);
                    return Replace(text, a.Index, a.Length, "\"" + s_ctypes[m.Pick % s_ctypes.Length] + "\"");
                }
            case Kind.ParamName:
                {
                    var args = MacroArguments(text, "KAPI_PARAM", 1);
                    if (args.Count == 0) return text;
                    var a = At(args, m.Where);
                    return Replace(text, a.Index, a.Length, "\"" + s_paramNames[m.Pick % s_paramNames.Length] + "\"");
                }
            case Kind.Index:
                {
                    var args = MacroArguments(text, "KAPI_PARAM", 0).Concat(MacroArguments(text, "KAPI_ERROR", 0)).ToList();
                    if (args.Count == 0) return text;
                    var a = At(args, m.Where);
                    return Replace(text, a.Index, a.Length, s_indices[m.Pick % s_indices.Length]);
                }
            case Kind.SpecName:
                {
                    var args = MacroArguments(text, "DEFINE_KERNEL_API_SPEC", 0);
                    if (args.Count == 0) return text;
                    var a = At(args, m.Where);
                    return Replace(text, a.Index, a.Length, s_specNames[m.Pick % s_specNames.Length]);
                }
            case Kind.DeleteLine:
            case Kind.DuplicateLine:
            case Kind.SwapLines:
                {
                    var lines = text.Split('\n').ToList();
                    int a = Math.Min(lines.Count - 1, (int)(m.Where * lines.Count));
                    if (m.Kind == Kind.DeleteLine) lines.RemoveAt(a);
                    else if (m.Kind == Kind.DuplicateLine) lines.Insert(a, lines[a]);
                    else
                    {
                        int b = Math.Min(lines.Count - 1, a + 1 + m.Pick % 3);
                        (lines[a], lines[b]) = (lines[b], lines[a]);
                    }
                    return string.Join('\n', lines);
                }
            case Kind.DuplicateBlock:
                {
                    // A KAPI_PARAM … KAPI_PARAM_END block or a KAPI_ERROR line, copied after itself with the next free index.
                    var blocks = Blocks(text).OrderBy(b => b.Start).ToList();
                    if (blocks.Count == 0) return text;
                    var (_, end, macro, block) = At(blocks, m.Where);
                    long next = NextIndex(text, macro);
                    string copy = Reindex(block, macro, next);
                    if (m.Pick % 2 == 0 && macro == "KAPI_PARAM") copy = RenameFirstString(copy, next);
                    return text.Insert(end, "\n\t" + copy);
                }
            case Kind.Transplant:
                {
                    // A block of another spec, inserted after this spec's last block of the same kind (or before the end).
                    var donors = s_donors.Value;
                    if (donors.Count == 0) return text;
                    var (macro, block) = donors[m.Pick * 7919 % donors.Count];
                    var own = Blocks(text).Where(b => b.Macro == macro).OrderBy(b => b.Start).ToList();
                    int at = own.Count > 0 ? own[^1].End : text.IndexOf("KAPI_END_SPEC", StringComparison.Ordinal);
                    if (at < 0) return text;
                    long next = m.Where < 0.2 ? 0 : NextIndex(text, macro);
                    return text.Insert(at, "\n\t" + Reindex(block, macro, next) + "\n");
                }
            case Kind.DeleteToken:
            case Kind.DuplicateToken:
                {
                    var t = At(tokens, m.Where);
                    return m.Kind == Kind.DeleteToken ? Replace(text, t.Index, t.Length, "") : text.Insert(t.Index, t.Value + " ");
                }
            case Kind.Truncate:
                return text.Substring(0, Math.Min(text.Length - 1, (int)(m.Where * text.Length)));
            case Kind.FlipChars:
                {
                    var chars = text.ToCharArray();
                    var r = new Random(m.Pick);
                    for (int i = 0; i < 1 + m.Pick % 4; i++) chars[r.Next(chars.Length)] = (char)r.Next(0, 0x3000);
                    return new string(chars);
                }
            case Kind.LineEnds:
                return (m.Pick % 3) switch { 0 => text.Replace("\n", "\r\n"), 1 => text.Replace("\n", "\r"), _ => text.Replace("\n", "\u2028") };
            case Kind.Bom:
                return "\uFEFF" + (m.Pick % 2 == 0 ? text : text.Insert((int)(m.Where * text.Length), "\uFEFF"));
            case Kind.Nul:
                return text.Insert((int)(m.Where * text.Length), m.Pick % 2 == 0 ? "\0" : "\0\0\0\0");
            default:
                return text;
        }
    }

    /// <summary>Gives a duplicated KAPI_PARAM block a fresh name, so that it is a new parameter rather than a clash.</summary>
    private static string RenameFirstString(string block, long index)
    {
        int q = block.IndexOf('"', StringComparison.Ordinal);
        return q < 0 ? block : block.Insert(q + 1, "dup" + index.ToString(CultureInfo.InvariantCulture) + "_");
    }
}
