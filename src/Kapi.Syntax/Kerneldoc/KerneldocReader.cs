namespace Kapi.Kerneldoc;

/// <summary>
/// Finds the KAPI specs written as kernel-doc comments in a file (a C source, a header, or a <c>.kapi</c>/<c>.kdoc</c>
/// file holding the comment and its <c>SYSCALL_DEFINEn</c>) and reads each into <see cref="KerneldocSpecSyntax"/>.
/// A comment is a spec when it is followed by a <c>SYSCALL_DEFINEn</c> and has at least one KAPI key, or when it
/// has at least two KAPI keys (the rule of upstream's generator from RFC PATCH v4 on). Ordinary kernel-doc
/// (<c>Return:</c>, <c>Context:</c>, <c>@arg:</c>) and code are never read further than a scan for a colon, and
/// never give a diagnostic.
/// </summary>
/// <remarks>
/// The line model is kernel-doc's: each line loses its leading blanks, one <c>*</c> and one space. A line whose
/// text starts at most one column in and reads <c>key: value</c> starts a top-level entry; an indented
/// <c>key:</c> line starts a sub-entry of an item (<c>param:</c>, <c>error:</c> …) when it is at the item's sub-key
/// indentation, and nests once more under a <c>struct:</c>'s <c>field:</c>; every other line continues the value
/// of the innermost open entry (prose keeps its paragraphs and an example its lines).
/// </remarks>
public static class KerneldocReader
{
    private static readonly HashSet<string> s_indicators = new(SpecMarkers.IndicatorKeys, StringComparer.Ordinal);

    /// <summary>Keys whose value is an item with indented sub-keys.</summary>
    internal static readonly HashSet<string> ItemKeys = new(StringComparer.Ordinal)
    {
        "param", "return", "error", "lock", "signal", "side-effect", "state-trans", "capability", "constraint", "struct",
        "validation-group",
    };

    /// <summary>Sub-keys that hold sub-keys of their own (a struct's fields).</summary>
    private static readonly HashSet<string> s_containerSubKeys = new(StringComparer.Ordinal) { "field" };

    /// <summary>Keys whose value is prose: continuation lines keep paragraph breaks.</summary>
    private static readonly HashSet<string> s_proseKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "long-desc", "notes", "note", "description", "context", "return", "returns",
    };

    /// <summary>Keys whose value is code: continuation lines keep their line breaks.</summary>
    private static readonly HashSet<string> s_codeKeys = new(StringComparer.OrdinalIgnoreCase) { "examples", "example" };

    /// <summary>How many lines after a comment the signature may start (upstream's tool looks 10 lines ahead).</summary>
    private const int SignatureLookahead = 10;

    /// <summary>The spec comments of <paramref name="text"/>, in file order.</summary>
    public static List<KerneldocSpecSyntax> Read(KapiSourceText text)
    {
        var specs = new List<KerneldocSpecSyntax>();
        string s = text.Text;
        int pos = 0;
        while (pos < s.Length)
        {
            int start = s.IndexOf("/**", pos, StringComparison.Ordinal);
            if (start < 0) break;
            WorkCounter.Tick();
            if (start + 3 < s.Length && s[start + 3] == '/')
            {
                pos = start + 4; // "/**/"
                continue;
            }
            int end = s.IndexOf("*/", start + 3, StringComparison.Ordinal);
            if (end < 0) break;
            pos = end + 2;
            if (!HasIndicator(s, start + 3, end)) continue;
            var spec = ReadComment(text, start, end + 2);
            if (spec is not null) specs.Add(spec);
        }
        return specs;
    }

    /// <summary>True when some <c>word:</c> in the comment is a KAPI key (one pass over the colons).</summary>
    private static bool HasIndicator(string s, int from, int to)
    {
        int i = from;
        while (i < to)
        {
            int colon = s.IndexOf(':', i, to - i);
            if (colon < 0) return false;
            int j = colon;
            while (j > from && (char.IsLower(s[j - 1]) || s[j - 1] == '-')) j--;
            if (j < colon && s_indicators.Contains(s.Substring(j, colon - j))) return true;
            i = colon + 1;
        }
        return false;
    }

    // ------------------------------------------------------------------ one comment

    private readonly struct CommentLine
    {
        public CommentLine(int start, int length, int indent)
        {
            Start = start;
            Length = length;
            Indent = indent;
        }

        /// <summary>Where the text after the indentation starts in the file.</summary>
        public int Start { get; }

        /// <summary>The text's length (trailing blanks excluded).</summary>
        public int Length { get; }

        /// <summary>Columns of indentation after the <c>*</c> and its space (a tab counts 8).</summary>
        public int Indent { get; }

        public bool IsBlank => Length == 0;
    }

    private static KerneldocSpecSyntax? ReadComment(KapiSourceText text, int start, int end)
    {
        string s = text.Text;
        var lines = SplitLines(s, start, end);
        var entries = new List<EntryBuilder>();
        var arguments = new List<(string Name, TextSpan Span, KerneldocText.Builder Text)>();
        string? headlineName = null;
        TextSpan headlineSpan = default;
        KerneldocText.Builder? headlineSummary = null; // the headline's text
        KerneldocText.Builder? summary = null;         // the same while continuation lines may extend it

        EntryBuilder? entry = null;   // the open top-level entry
        EntryBuilder? sub = null;     // its open sub-entry
        EntryBuilder? nested = null;  // the open sub-entry of a container sub-entry
        KerneldocText.Builder? argument = null;
        int subIndent = -1;
        bool seenContent = false;
        bool pendingBreak = false;

        foreach (var line in lines)
        {
            WorkCounter.Tick();
            if (line.IsBlank)
            {
                pendingBreak = seenContent;
                argument = null;
                summary = null; // the headline is one paragraph
                continue;
            }
            bool blankBefore = pendingBreak;
            pendingBreak = false;

            if (!seenContent)
            {
                seenContent = true;
                if (TryHeadline(s, line) is (var name, var nameSpan, var summaryStart))
                {
                    headlineName = name;
                    headlineSpan = nameSpan;
                    summary = headlineSummary = new KerneldocText.Builder(summaryStart);
                    summary.Append(s, summaryStart, line.Start + line.Length - summaryStart);
                    continue;
                }
            }

            if (line.Indent <= 1 && s[line.Start] == '@' && TryArgument(s, line) is (var argName, var argSpan, var argText))
            {
                entry = sub = nested = null;
                summary = null;
                argument = new KerneldocText.Builder(argText);
                argument.Append(s, argText, line.Start + line.Length - argText);
                arguments.Add((argName, argSpan, argument));
                continue;
            }

            if (line.Indent <= 1 && TryKey(s, line) is (var key, var keySpan, var valueStart))
            {
                summary = null;
                argument = null;
                entry = new EntryBuilder(key, keySpan, line.Indent, valueStart);
                entry.AppendValue(s, valueStart, line.Start + line.Length - valueStart);
                entries.Add(entry);
                sub = nested = null;
                subIndent = -1;
                continue;
            }

            if (entry is not null && line.Indent >= 2 && ItemKeys.Contains(entry.Key) && TryKey(s, line) is (var subKey, var subKeySpan, var subValue))
            {
                var item = entry;
                if (sub is not null && s_containerSubKeys.Contains(sub.Key) && line.Indent > subIndent)
                {
                    nested = new EntryBuilder(subKey, subKeySpan, line.Indent, subValue);
                    nested.AppendValue(s, subValue, line.Start + line.Length - subValue);
                    sub.Children.Add(nested);
                    continue;
                }
                if (subIndent < 0 || line.Indent <= subIndent)
                {
                    subIndent = line.Indent;
                    sub = new EntryBuilder(subKey, subKeySpan, line.Indent, subValue);
                    sub.AppendValue(s, subValue, line.Start + line.Length - subValue);
                    item.Children.Add(sub);
                    nested = null;
                    continue;
                }
            }

            // a continuation line of the innermost open value
            if (argument is not null)
            {
                argument.Separator(" ");
                argument.Append(s, line.Start, line.Length);
            }
            else if (summary is not null)
            {
                summary.Separator(" ");
                summary.Append(s, line.Start, line.Length);
            }
            else if ((nested ?? sub ?? entry) is { } open)
            {
                string separator = s_codeKeys.Contains(open.Key) ? "\n" : blankBefore && s_proseKeys.Contains(open.Key) ? "\n\n" : " ";
                open.Separator(separator);
                open.AppendValue(s, line.Start, line.Length);
            }
        }

        int keyCount = 0;
        foreach (var e in entries)
        {
            if (s_indicators.Contains(e.Key) && (e.Key != "return" || e.Children.Count > 0)) keyCount++;
        }
        var signature = ReadSignature(text, end);
        bool isSpec = keyCount >= 2 || (keyCount >= 1 && signature is { IsSyscall: true });
        if (!isSpec) return null;

        var argumentSyntax = new List<KerneldocArgument>();
        foreach (var (name, span, builder) in arguments) argumentSyntax.Add(new KerneldocArgument(name, span, builder.Build().Trim()));
        var entrySyntax = new List<KerneldocEntry>();
        foreach (var e in entries) entrySyntax.Add(e.Build());
        var commentSpan = TextSpan.FromBounds(start, end);
        return new KerneldocSpecSyntax(
            signature is null ? commentSpan : commentSpan.Cover(signature.Span),
            commentSpan,
            headlineName,
            headlineSpan,
            headlineSummary?.Build().Trim(),
            argumentSyntax.ToEquatableArray(),
            entrySyntax.ToEquatableArray(),
            signature);
    }

    private sealed class EntryBuilder
    {
        private readonly KerneldocText.Builder _value;

        public EntryBuilder(string key, TextSpan keySpan, int indent, int valueStart)
        {
            Key = key;
            KeySpan = keySpan;
            Indent = indent;
            _value = new KerneldocText.Builder(valueStart);
        }

        public string Key { get; }

        public TextSpan KeySpan { get; }

        public int Indent { get; }

        public List<EntryBuilder> Children { get; } = new();

        public void AppendValue(string s, int start, int length) => _value.Append(s, start, length);

        public void Separator(string separator) => _value.Separator(separator);

        public KerneldocEntry Build()
        {
            var children = new List<KerneldocEntry>(Children.Count);
            foreach (var c in Children) children.Add(c.Build());
            return new KerneldocEntry(Key, KeySpan, _value.Build().Trim(), children.ToEquatableArray(), Indent);
        }
    }

    /// <summary>The comment's lines without <c>/**</c>, <c>*/</c>, leading blanks, one <c>*</c> and one space.</summary>
    private static List<CommentLine> SplitLines(string s, int start, int end)
    {
        var lines = new List<CommentLine>();
        int lineStart = start + 3;
        bool first = true;
        while (lineStart < end)
        {
            // the line break, found with the vectorized IndexOfAny (comments are long)
            int lineEnd = lineStart < end ? s.IndexOfAny(KapiSourceText.LineBreaks, lineStart, end - lineStart) : end;
            if (lineEnd < 0) lineEnd = end;
            int contentEnd = Math.Min(lineEnd, end - 2); // the last line stops at "*/"
            int i = lineStart;
            if (!first)
            {
                while (i < contentEnd && (s[i] == ' ' || s[i] == '\t')) i++;
                if (i < contentEnd && s[i] == '*') i++;
                if (i < contentEnd && s[i] == ' ') i++;
            }
            first = false;
            int indent = 0;
            while (i < contentEnd && (s[i] == ' ' || s[i] == '\t'))
            {
                indent += s[i] == '\t' ? 8 : 1;
                i++;
            }
            int e = contentEnd;
            while (e > i && char.IsWhiteSpace(s[e - 1])) e--;
            lines.Add(new CommentLine(i, Math.Max(0, e - i), indent));
            lineStart = lineEnd;
            if (lineStart < end && s[lineStart] == '\r') lineStart++;
            if (lineStart < end && s[lineStart] == '\n') lineStart++;
        }
        return lines;
    }

    /// <summary>What starts a comment line: a name (headline, <c>@argument</c> or key), where it is, and where the text after it starts.</summary>
    private readonly record struct LineHead(string Name, TextSpan NameSpan, int TextStart);

    private static LineHead Head(string s, int nameStart, int nameEnd, int after, int end)
    {
        while (after < end && s[after] == ' ') after++;
        return new LineHead(s.Substring(nameStart, nameEnd - nameStart), TextSpan.FromBounds(nameStart, nameEnd), after);
    }

    /// <summary><c>name - summary</c> or <c>name() - summary</c>.</summary>
    private static LineHead? TryHeadline(string s, CommentLine line)
    {
        int i = line.Start, end = line.Start + line.Length;
        if (i >= end || !IsIdentifierStart(s[i])) return null;
        int nameStart = i;
        while (i < end && IsIdentifierPart(s[i])) i++;
        int nameEnd = i;
        if (i + 1 < end && s[i] == '(' && s[i + 1] == ')') i += 2;
        while (i < end && s[i] == ' ') i++;
        // 'name - summary': the dash stands alone ('context-flags: …' is a key, not a headline)
        if (i >= end || s[i] != '-' || (i + 1 < end && s[i + 1] != ' ' && s[i + 1] != '\t')) return null;
        return Head(s, nameStart, nameEnd, i + 1, end);
    }

    /// <summary><c>@name: text</c>.</summary>
    private static LineHead? TryArgument(string s, CommentLine line)
    {
        int i = line.Start + 1, end = line.Start + line.Length;
        int nameStart = i;
        while (i < end && (IsIdentifierPart(s[i]) || s[i] == '.')) i++;
        if (i == nameStart || i >= end || s[i] != ':') return null;
        return Head(s, nameStart, i, i + 1, end);
    }

    /// <summary><c>key: value</c>: a key of letters, digits, '-' and '_' followed by one colon (not <c>::</c>).</summary>
    private static LineHead? TryKey(string s, CommentLine line)
    {
        int i = line.Start, end = line.Start + line.Length;
        if (i >= end || !char.IsLetter(s[i])) return null;
        int keyStart = i;
        while (i < end && (char.IsLetterOrDigit(s[i]) || s[i] == '-' || s[i] == '_')) i++;
        int keyEnd = i;
        while (i < end && s[i] == ' ') i++;
        if (i >= end || s[i] != ':' || (i + 1 < end && s[i + 1] == ':')) return null;
        return Head(s, keyStart, keyEnd, i + 1, end);
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    // ------------------------------------------------------------------ the signature after the comment

    /// <summary>
    /// <c>SYSCALL_DEFINEn(name, type, arg, …)</c> within a few lines after the comment, or the C prototype the comment
    /// documents (<c>void *kmalloc(size_t size, gfp_t flags)</c>) on the first line of code after it.
    /// </summary>
    private static KerneldocSignature? ReadSignature(KapiSourceText text, int from)
    {
        string s = text.Text;
        int line = text.GetLinePosition(from).Line;
        int limit = text.GetLineStart(Math.Min(text.LineCount - 1, line + SignatureLookahead + 1));
        if (line + SignatureLookahead + 1 >= text.LineCount) limit = s.Length;
        int i = SkipBlanksAndComments(s, from, limit);
        if (i >= limit) return null;
        if (string.CompareOrdinal(s, i, "SYSCALL_DEFINE", 0, 14) == 0) return ReadSyscallDefine(s, i);
        return ReadPrototype(s, i, limit);
    }

    private static int SkipBlanksAndComments(string s, int i, int limit)
    {
        while (i < limit)
        {
            if (char.IsWhiteSpace(s[i])) { i++; continue; }
            if (i + 1 < s.Length && s[i] == '/' && s[i + 1] == '/')
            {
                while (i < limit && s[i] != '\n') i++;
                continue;
            }
            break;
        }
        return i;
    }

    private static KerneldocSignature? ReadSyscallDefine(string s, int start)
    {
        int i = start + 14;
        int digits = i;
        while (i < s.Length && char.IsDigit(s[i])) i++;
        if (i == digits || i >= s.Length || s[i] != '(') return null;
        int declared = int.Parse(s.Substring(digits, i - digits), System.Globalization.CultureInfo.InvariantCulture);
        var args = SplitArguments(s, i, out int close);
        if (args is null || args.Count == 0) return null;
        var (name, nameSpan) = args[0];
        if (name.Length == 0) return null;
        var parameters = new List<KerneldocSignatureParameter>();
        for (int k = 1; k + 1 < args.Count; k += 2)
        {
            parameters.Add(new KerneldocSignatureParameter(Collapse(args[k].Text), args[k + 1].Text, args[k].Span.Cover(args[k + 1].Span)));
        }
        return new KerneldocSignature(TextSpan.FromBounds(start, close + 1), true, name, nameSpan, parameters.ToEquatableArray(), declared);
    }

    private static KerneldocSignature? ReadPrototype(string s, int start, int limit)
    {
        // the declaration up to its parameter list: words, '*' and blanks, the last word being the name
        int i = start;
        int nameStart = -1, nameEnd = -1;
        while (i < limit && i < s.Length && s[i] != '(' && s[i] != ';' && s[i] != '{' && s[i] != '#' && s[i] != '=')
        {
            if (IsIdentifierStart(s[i]))
            {
                int w = i;
                while (i < s.Length && IsIdentifierPart(s[i])) i++;
                nameStart = w;
                nameEnd = i;
                continue;
            }
            if (s[i] is '*' or ' ' or '\t' or '\n' or '\r') { i++; continue; }
            return null;
        }
        if (i >= s.Length || s[i] != '(' || nameStart < 0) return null;
        var args = SplitArguments(s, i, out int close);
        if (args is null) return null;
        var parameters = new List<KerneldocSignatureParameter>();
        foreach (var (arg, span) in args)
        {
            if (arg.Length == 0 || arg == "void" || arg == "...") continue;
            int j = arg.Length;
            while (j > 0 && (IsIdentifierPart(arg[j - 1]) || arg[j - 1] == ']' || arg[j - 1] == '[')) j--;
            string pname = arg.Substring(j).TrimEnd(']', '[');
            string ptype = Collapse(arg.Substring(0, j));
            if (pname.Length == 0 || ptype.Length == 0) continue;
            parameters.Add(new KerneldocSignatureParameter(ptype, pname, span));
        }
        string name = s.Substring(nameStart, nameEnd - nameStart);
        return new KerneldocSignature(TextSpan.FromBounds(start, close + 1), false, name, TextSpan.FromBounds(nameStart, nameEnd), parameters.ToEquatableArray(), parameters.Count);
    }

    /// <summary>The comma-separated arguments of the parentheses at <paramref name="open"/> (nested parentheses kept), trimmed, with their spans.</summary>
    private static List<(string Text, TextSpan Span)>? SplitArguments(string s, int open, out int close)
    {
        var args = new List<(string, TextSpan)>();
        int depth = 0, argStart = open + 1;
        for (int i = open; i < s.Length && i < open + 4096; i++)
        {
            char c = s[i];
            if (c == '(') depth++;
            else if (c == ')')
            {
                depth--;
                if (depth == 0)
                {
                    Add(argStart, i);
                    close = i;
                    return args;
                }
            }
            else if (c == ',' && depth == 1)
            {
                Add(argStart, i);
                argStart = i + 1;
            }
            else if (c is ';' or '{' or '}') break;
        }
        close = open;
        return null;

        void Add(int from, int to)
        {
            while (from < to && char.IsWhiteSpace(s[from])) from++;
            while (to > from && char.IsWhiteSpace(s[to - 1])) to--;
            args.Add((s.Substring(from, to - from), TextSpan.FromBounds(from, to)));
        }
    }

    /// <summary>Blanks and line breaks inside a C type collapsed to single spaces.</summary>
    private static string Collapse(string type)
    {
        var sb = new System.Text.StringBuilder(type.Length);
        bool space = false;
        foreach (char c in type)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
