using System.Globalization;
using System.Text;

namespace Kapi.Generators.Emitting;

/// <summary>
/// Escaping for every place spec text lands in generated C#: string literals, XML documentation comments,
/// identifiers, hint names. Spec text is untrusted input: nothing from a spec may end a comment line,
/// break out of a literal or produce malformed XML.
/// </summary>
internal static class CSharp
{
    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>A C# string literal (regular, double-quoted) for any text; null becomes <c>null</c>.</summary>
    public static string Literal(string? text)
    {
        if (text is null) return "null";
        var sb = new StringBuilder(text.Length + 2);
        sb.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                default:
                    if (c < 0x20 || c > 0x7E)
                    {
                        // Everything outside printable ASCII as \uXXXX: no line terminators (U+0085, U+2028/9),
                        // no lone surrogates in the emitted text, and the file stays pure ASCII.
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>
    /// Text for the inside of an XML doc element, on one line: XML-escaped, control characters and line
    /// terminators turned into spaces, lone surrogates replaced, invisible format characters (bidi controls such as
    /// U+202E, zero-width characters such as U+200B and U+FEFF) written as character references, so that the generated
    /// source shows them instead of being reordered or hidden by them ("Trojan Source") while the documentation text
    /// stays the same.
    /// </summary>
    public static string Xml(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(text!.Length);
        bool lastSpace = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            string? piece = null;
            bool space = false;
            switch (c)
            {
                case '&': piece = "&amp;"; break;
                case '<': piece = "&lt;"; break;
                case '>': piece = "&gt;"; break;
                default:
                    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFFFE' || c == '\uFFFF')
                    {
                        space = true;
                    }
                    else if (char.IsHighSurrogate(c))
                    {
                        if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                        {
                            // Invisible supplementary characters (tag characters U+E0000–U+E007F …) as references too.
                            if (CharUnicodeInfo.GetUnicodeCategory(text, i) == UnicodeCategory.Format)
                            {
                                sb.Append("&#x").Append(char.ConvertToUtf32(c, text[i + 1]).ToString("X", CultureInfo.InvariantCulture)).Append(';');
                            }
                            else
                            {
                                sb.Append(c).Append(text[i + 1]);
                            }
                            i++;
                            lastSpace = false;
                            continue;
                        }
                        piece = "\uFFFD";
                    }
                    else if (char.IsLowSurrogate(c))
                    {
                        piece = "\uFFFD";
                    }
                    else if (IsInvisibleFormat(c))
                    {
                        piece = "&#x" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + ";";
                    }
                    break;
            }
            if (space)
            {
                if (!lastSpace) sb.Append(' ');
                lastSpace = true;
                continue;
            }
            lastSpace = false;
            if (piece is not null) sb.Append(piece);
            else sb.Append(c);
        }
        return sb.ToString().Trim();
    }

    /// <summary>
    /// Text for a <c>//</c> comment: one line, no control characters or line terminators, invisible format characters
    /// (bidi controls, zero-width characters) written as <c>\uXXXX</c>.
    /// </summary>
    public static string Comment(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(text!.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == '\u2028' || c == '\u2029') sb.Append(' ');
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(text, i) == UnicodeCategory.Format) sb.Append("\\U").Append(char.ConvertToUtf32(c, text[i + 1]).ToString("X8", CultureInfo.InvariantCulture));
                else sb.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c)) sb.Append('\uFFFD');
            else if (IsInvisibleFormat(c)) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Unicode format characters (category Cf): bidi embeddings, overrides and isolates, zero-width characters, BOM, soft hyphen.</summary>
    private static bool IsInvisibleFormat(char c) =>
        c >= 0x80 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>Splits multi-line spec text (examples, long descriptions) into XML-escaped lines.</summary>
    public static IEnumerable<string> XmlLines(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        var lines = text!.Replace("\r\n", "\n").Split('\n', '\r', '\u2028', '\u2029', '\u0085');
        foreach (var line in lines)
        {
            yield return Xml(line);
        }
    }

    /// <summary>A valid C# identifier from arbitrary text (C identifiers stay as they are; keywords get <c>@</c>).</summary>
    public static string Identifier(string? text, string fallback = "_")
    {
        string s = Sanitize(text);
        if (s.Length == 0) s = fallback;
        return s_keywords.Contains(s) ? "@" + s : s;
    }

    /// <summary>
    /// The longest name made from spec text. Longer names are cut and get a hash of the whole text, so that they stay
    /// distinct and every name built from them (type + parameter + "Info", "__x_FromErrno…") stays far below the
    /// metadata limit of 1023 UTF-8 bytes (CS7013).
    /// </summary>
    internal const int MaxNameLength = 200;

    /// <summary>
    /// A string literal for an attribute argument. Attribute arguments are stored as UTF-8 in metadata, where a lone
    /// surrogate cannot be represented: it becomes U+FFFD here, deterministically, instead of whatever the compiler's
    /// encoder makes of it. (String literals in code are UTF-16 and keep every character: see <see cref="Literal"/>.)
    /// </summary>
    public static string AttributeLiteral(string? text)
    {
        if (text is null) return "null";
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { sb.Append(c).Append(text[++i]); }
            else if (char.IsSurrogate(c)) sb.Append('\uFFFD');
            else sb.Append(c);
        }
        return Literal(sb.ToString());
    }

    private static string Limit(string name, string? text)
    {
        if (name.Length <= MaxNameLength) return name;
        // FNV-1a over the whole text: stable across processes and platforms.
        uint hash = 2166136261;
        foreach (char c in text ?? string.Empty)
        {
            hash ^= c;
            hash *= 16777619;
        }
        return name.Substring(0, MaxNameLength - 9) + "_" + hash.ToString("X8", CultureInfo.InvariantCulture);
    }

    /// <summary>A PascalCase identifier: <c>epoll_create1</c> becomes <c>EpollCreate1</c>.</summary>
    public static string Pascal(string? text, string fallback = "Api")
    {
        var sb = new StringBuilder();
        bool upper = true;
        foreach (char c in text ?? string.Empty)
        {
            if (IsAsciiLetterOrDigit(c))
            {
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }
        if (sb.Length == 0) return fallback;
        if (char.IsDigit(sb[0])) sb.Insert(0, fallback);
        return Limit(sb.ToString(), text);
    }

    /// <summary>Keeps ASCII letters, digits and underscores; anything else becomes <c>_</c>; a leading digit gets <c>_</c>.</summary>
    public static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(text!.Length);
        foreach (char c in text)
        {
            sb.Append(IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }
        if (char.IsDigit(sb[0])) sb.Insert(0, '_');
        return Limit(sb.ToString(), text);
    }

    private static bool IsAsciiLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

    /// <summary>A C# integer literal of type <c>long</c>: hex for masks (<c>0x7L</c>), decimal otherwise.</summary>
    public static string Long(long value, bool hex = false)
    {
        if (hex && value >= 0) return "0x" + value.ToString("X", CultureInfo.InvariantCulture) + "L";
        if (value == long.MinValue) return "long.MinValue";
        return value.ToString(CultureInfo.InvariantCulture) + "L";
    }

    /// <summary>A nullable long as a literal (<c>null</c> or <c>5L</c>).</summary>
    public static string NullableLong(long? value) => value is long v ? Long(v) : "null";

    /// <summary>A constant of the given integral type, as an expression that always compiles (unchecked casts where needed).</summary>
    public static string Constant(long value, string type)
    {
        bool fits = type switch
        {
            "int" => value >= int.MinValue && value <= int.MaxValue,
            "uint" => value >= 0 && value <= uint.MaxValue,
            "short" => value >= short.MinValue && value <= short.MaxValue,
            "ushort" => value >= 0 && value <= ushort.MaxValue,
            "sbyte" => value >= sbyte.MinValue && value <= sbyte.MaxValue,
            "byte" => value >= 0 && value <= byte.MaxValue,
            "ulong" => value >= 0,
            _ => true,
        };
        if (value == long.MinValue) return fits ? "long.MinValue" : $"unchecked(({type})long.MinValue)";
        string plain = value >= 0
            ? "0x" + value.ToString("X", CultureInfo.InvariantCulture)
            : value.ToString(CultureInfo.InvariantCulture);
        if (fits) return plain;
        return value >= 0 ? $"unchecked(({type}){plain}L)" : $"unchecked(({type})({plain}L))";
    }
}
