using System.Globalization;
using System.Runtime.CompilerServices;

namespace Kapi.Lexing;

/// <summary>
/// Lexer for the C subset that KAPI specs use: identifiers, integer literals (decimal, hex, octal, binary; U/L
/// suffixes), string and char literals with escapes, block and line comments, backslash line continuations
/// and preprocessor lines. Never throws; every problem becomes a located diagnostic. Linear in the input.
/// </summary>
public sealed class Lexer
{
    private readonly string _text;
    private readonly List<KapiDiagnostic> _diagnostics;
    private int _pos;
    private bool _atLineStart = true;
    private bool _inDirective;

    private Lexer(string text, List<KapiDiagnostic> diagnostics)
    {
        _text = text;
        _diagnostics = diagnostics;
    }

    public static List<Token> Lex(string text, List<KapiDiagnostic> diagnostics)
    {
        var tokens = new List<Token>(Math.Min(1 << 20, (text?.Length ?? 0) / 10 + 16));
        Lex(text, diagnostics, tokens);
        return tokens;
    }

    /// <summary><see cref="Lex(string, List{KapiDiagnostic})"/> into <paramref name="tokens"/> (appended).</summary>
    internal static void Lex(string? text, List<KapiDiagnostic> diagnostics, List<Token> tokens)
    {
        var lexer = new Lexer(text ?? string.Empty, diagnostics);
        while (true)
        {
            var token = lexer.Next();
            tokens.Add(token);
            if (token.Kind == TokenKind.EndOfFile) break;
        }
    }

    private char Peek(int offset = 0)
    {
        int p = _pos + offset;
        return p < _text.Length ? _text[p] : '\0';
    }

    private bool AtEnd => _pos >= _text.Length;

    private static bool IsNewLine(char c) => c == '\n' || c == '\r';

    /// <summary>Length of a backslash-newline continuation at position p, or 0.</summary>
    private int ContinuationLength(int p)
    {
        if (p < _text.Length && _text[p] == '\\')
        {
            int q = p + 1;
            // tolerate trailing spaces after the backslash, as GCC does (with a warning)
            while (q < _text.Length && (_text[q] == ' ' || _text[q] == '\t')) q++;
            if (q < _text.Length && _text[q] == '\r') return (q + 1 < _text.Length && _text[q + 1] == '\n' ? q + 2 : q + 1) - p;
            if (q < _text.Length && _text[q] == '\n') return q + 1 - p;
            if (q >= _text.Length && q > p + 1) return q - p;
        }
        return 0;
    }

    private Token Next()
    {
        WorkCounter.Tick();
        // skip trivia
        while (!AtEnd)
        {
            char c = _text[_pos];
            if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\uFEFF' && _pos == 0)
            {
                _pos++;
            }
            else if (IsNewLine(c))
            {
                if (_inDirective)
                {
                    _inDirective = false;
                    _atLineStart = true;
                    return new Token(TokenKind.EndOfDirective, new TextSpan(_pos, 0), string.Empty);
                }
                _pos++;
                _atLineStart = true;
            }
            else if (c == '\\' && ContinuationLength(_pos) > 0)
            {
                _pos += ContinuationLength(_pos);
            }
            else if (c == '/' && Peek(1) == '*')
            {
                int start = _pos;
                int end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    _diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.UnterminatedComment, new TextSpan(start, 2)));
                    _pos = _text.Length;
                }
                else
                {
                    _pos = end + 2;
                }
            }
            else if (c == '/' && Peek(1) == '/')
            {
                // a line comment runs to the end of the line (continuations included)
                while (!AtEnd && !IsNewLine(_text[_pos]))
                {
                    int cont = ContinuationLength(_pos);
                    _pos += cont > 0 ? cont : 1;
                }
            }
            else
            {
                break;
            }
        }

        if (AtEnd)
        {
            if (_inDirective)
            {
                _inDirective = false;
                return new Token(TokenKind.EndOfDirective, new TextSpan(_pos, 0), string.Empty);
            }
            return new Token(TokenKind.EndOfFile, new TextSpan(_text.Length, 0), string.Empty);
        }

        int tokenStart = _pos;
        char ch = _text[_pos];
        bool lineStart = _atLineStart;
        _atLineStart = false;

        if (ch == '#' && lineStart && !_inDirective)
        {
            _pos++;
            while (!AtEnd && (_text[_pos] == ' ' || _text[_pos] == '\t')) _pos++;
            int nameStart = _pos;
            while (!AtEnd && IsIdentPart(_text[_pos])) _pos++;
            _inDirective = true;
            string name = _text.Substring(nameStart, _pos - nameStart);
            return new Token(TokenKind.Directive, TextSpan.FromBounds(tokenStart, _pos), name);
        }

        if (IsIdentStart(ch))
        {
            while (!AtEnd && IsIdentPart(_text[_pos])) _pos++;
            // L"..." / u8"..." prefixes are not used by specs; treat as identifiers.
            return new Token(TokenKind.Identifier, TextSpan.FromBounds(tokenStart, _pos), _text.Substring(tokenStart, _pos - tokenStart));
        }

        if (ch >= '0' && ch <= '9')
        {
            return LexNumber(tokenStart);
        }

        if (ch == '"' || ch == '\'')
        {
            return LexQuoted(tokenStart, ch);
        }

        _pos++;
        char n = Peek();
        switch (ch)
        {
            case '(':
                return Punct(TokenKind.OpenParen, tokenStart);
            case ')':
                return Punct(TokenKind.CloseParen, tokenStart);
            case '{':
                return Punct(TokenKind.OpenBrace, tokenStart);
            case '}':
                return Punct(TokenKind.CloseBrace, tokenStart);
            case '[':
                return Punct(TokenKind.OpenBracket, tokenStart);
            case ']':
                return Punct(TokenKind.CloseBracket, tokenStart);
            case ',':
                return Punct(TokenKind.Comma, tokenStart);
            case ';':
                return Punct(TokenKind.Semicolon, tokenStart);
            case '.':
                if (n == '.' && Peek(1) == '.') { _pos += 2; return Punct(TokenKind.Ellipsis, tokenStart); }
                return Punct(TokenKind.Dot, tokenStart);
            case '=':
                if (n == '=') { _pos++; return Punct(TokenKind.EqualsEquals, tokenStart); }
                return Punct(TokenKind.Equals, tokenStart);
            case '|':
                if (n == '|') { _pos++; return Punct(TokenKind.BarBar, tokenStart); }
                return Punct(TokenKind.Bar, tokenStart);
            case '&':
                if (n == '&') { _pos++; return Punct(TokenKind.AmpAmp, tokenStart); }
                return Punct(TokenKind.Amp, tokenStart);
            case '^':
                return Punct(TokenKind.Caret, tokenStart);
            case '~':
                return Punct(TokenKind.Tilde, tokenStart);
            case '!':
                if (n == '=') { _pos++; return Punct(TokenKind.BangEquals, tokenStart); }
                return Punct(TokenKind.Bang, tokenStart);
            case '<':
                if (n == '<') { _pos++; return Punct(TokenKind.LessLess, tokenStart); }
                if (n == '=') { _pos++; return Punct(TokenKind.LessEquals, tokenStart); }
                return Punct(TokenKind.Less, tokenStart);
            case '>':
                if (n == '>') { _pos++; return Punct(TokenKind.GreaterGreater, tokenStart); }
                if (n == '=') { _pos++; return Punct(TokenKind.GreaterEquals, tokenStart); }
                return Punct(TokenKind.Greater, tokenStart);
            case '+':
                return Punct(TokenKind.Plus, tokenStart);
            case '-':
                if (n == '>') { _pos++; return Punct(TokenKind.Arrow, tokenStart); }
                return Punct(TokenKind.Minus, tokenStart);
            case '*':
                return Punct(TokenKind.Star, tokenStart);
            case '/':
                return Punct(TokenKind.Slash, tokenStart);
            case '%':
                return Punct(TokenKind.Percent, tokenStart);
            case '?':
                return Punct(TokenKind.Question, tokenStart);
            case ':':
                return Punct(TokenKind.Colon, tokenStart);
            case '#':
                if (n == '#') { _pos++; return Punct(TokenKind.HashHash, tokenStart); }
                return Punct(TokenKind.Hash, tokenStart);
        }

        // A run of characters that start no token: one diagnostic for the whole run.
        while (!AtEnd && IsBadStart(_text[_pos])) _pos++;
        var span = TextSpan.FromBounds(tokenStart, _pos);
        _diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.InvalidCharacter, span, Describe(_text[tokenStart])));
        return new Token(TokenKind.Bad, span, _text.Substring(span.Start, span.Length), IsValid: false);
    }

    private static bool IsBadStart(char c) =>
        !(IsIdentPart(c) || c == '"' || c == '\'' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '\\'
          || "(){}[],;.=|&^~!<>+-*%?:#".IndexOf(c) >= 0);

    internal static string Describe(char c)
    {
        string name = c switch
        {
            '\0' => "NUL",
            '\u200B' => "ZERO WIDTH SPACE",
            '\u200C' => "ZERO WIDTH NON-JOINER",
            '\u200D' => "ZERO WIDTH JOINER",
            '\uFEFF' => "BYTE ORDER MARK (invisible)",
            '\u00A0' => "NO-BREAK SPACE",
            '\uFFFD' => "REPLACEMENT CHARACTER (the file is not valid UTF-8)",
            _ => string.Empty,
        };
        string code = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        if (name.Length > 0) return $"{code} {name}";
        if (c < ' ' || char.IsControl(c)) return $"{code} (control character)";
        return $"'{c}' ({code})";
    }

    private static readonly string?[] s_punctuation = BuildPunctuation();

    private static string?[] BuildPunctuation()
    {
        var t = new string?[(int)TokenKind.Bad + 1];
        t[(int)TokenKind.OpenParen] = "(";
        t[(int)TokenKind.CloseParen] = ")";
        t[(int)TokenKind.OpenBrace] = "{";
        t[(int)TokenKind.CloseBrace] = "}";
        t[(int)TokenKind.OpenBracket] = "[";
        t[(int)TokenKind.CloseBracket] = "]";
        t[(int)TokenKind.Comma] = ",";
        t[(int)TokenKind.Semicolon] = ";";
        t[(int)TokenKind.Dot] = ".";
        t[(int)TokenKind.Equals] = "=";
        t[(int)TokenKind.Bar] = "|";
        t[(int)TokenKind.Amp] = "&";
        t[(int)TokenKind.Minus] = "-";
        t[(int)TokenKind.Plus] = "+";
        t[(int)TokenKind.Star] = "*";
        t[(int)TokenKind.Tilde] = "~";
        return t;
    }

    // single-character punctuation shares one string per kind; the rest is cut from the text
    private Token Punct(TokenKind kind, int start) =>
        new(kind, TextSpan.FromBounds(start, _pos), _pos - start == 1 && s_punctuation[(int)kind] is string p ? p : _text.Substring(start, _pos - start));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsIdentStart(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsIdentPart(char c) => IsIdentStart(c) || c is >= '0' and <= '9';

    private Token LexNumber(int start)
    {
        // consume a C "pp-number": digits, letters, dots, and exponent signs
        while (!AtEnd)
        {
            char c = _text[_pos];
            if (IsIdentPart(c) || c == '.')
            {
                _pos++;
            }
            else if ((c == '+' || c == '-') && _pos > start && (_text[_pos - 1] is 'e' or 'E' or 'p' or 'P') && !IsHexPrefix(start))
            {
                _pos++;
            }
            else
            {
                break;
            }
        }
        string text = _text.Substring(start, _pos - start);
        var span = TextSpan.FromBounds(start, _pos);
        if (TryParseInteger(text, out ulong value, out bool unsigned, out string? error))
        {
            return new Token(TokenKind.Number, span, text, Number: value, IsUnsigned: unsigned);
        }
        _diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.BadNumber, span, Truncate(text), error));
        return new Token(TokenKind.Number, span, text, IsValid: false);
    }

    private bool IsHexPrefix(int start) => start + 1 < _text.Length && _text[start] == '0' && (_text[start + 1] == 'x' || _text[start + 1] == 'X');

    internal static string Truncate(string s) => s.Length > 40 ? s.Substring(0, 40) + "…" : s;

    /// <summary>Parses a C integer literal with optional U/L suffixes.</summary>
    public static bool TryParseInteger(string text, out ulong value, out bool unsigned, out string? error)
    {
        value = 0;
        unsigned = false;
        error = null;
        int end = text.Length;
        // suffix
        int suffixStart = end;
        while (suffixStart > 0 && text[suffixStart - 1] is 'u' or 'U' or 'l' or 'L') suffixStart--;
        string suffix = text.Substring(suffixStart).ToUpperInvariant();
        if (suffix.Length > 0)
        {
            if (suffix is not ("U" or "L" or "UL" or "LU" or "LL" or "ULL" or "LLU"))
            {
                error = "invalid suffix";
                return false;
            }
            unsigned = suffix.IndexOf('U') >= 0;
        }
        string digits = text.Substring(0, suffixStart);
        int radix = 10;
        int i = 0;
        if (digits.Length > 1 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) { radix = 16; i = 2; }
        else if (digits.Length > 1 && digits[0] == '0' && (digits[1] == 'b' || digits[1] == 'B')) { radix = 2; i = 2; }
        else if (digits.Length > 1 && digits[0] == '0') { radix = 8; i = 1; }
        if (i >= digits.Length && radix != 8)
        {
            error = "no digits";
            return false;
        }
        ulong v = 0;
        for (; i < digits.Length; i++)
        {
            char c = digits[i];
            int d = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : 99;
            if (d >= radix)
            {
                error = c == '.' || c == 'e' || c == 'E' ? "floating-point literals are not allowed" : $"invalid digit '{c}' in a base-{radix} literal";
                return false;
            }
            ulong next = unchecked(v * (ulong)radix + (ulong)d);
            if (v > (ulong.MaxValue - (ulong)d) / (ulong)radix)
            {
                error = "the value does not fit in 64 bits";
                return false;
            }
            v = next;
        }
        value = v;
        return true;
    }

    private static readonly char[] s_stringStops = { '"', '\\', '\n', '\r' };
    private static readonly char[] s_charStops = { '\'', '\\', '\n', '\r' };

    private Token LexQuoted(int start, char quote)
    {
        _pos++; // opening quote
        // Most literals hold no escape, continuation or line break: the value is the text between the quotes, found
        // with the vectorized IndexOfAny instead of copied character by character.
        int stop = _text.IndexOfAny(quote == '"' ? s_stringStops : s_charStops, _pos);
        if (stop >= 0 && _text[stop] == quote)
        {
            string value = _text.Substring(_pos, stop - _pos);
            _pos = stop + 1;
            return Quoted(quote, start, value, terminated: true);
        }
        var sb = StringBuilderCache.Acquire();
        bool terminated = false;
        while (!AtEnd)
        {
            char c = _text[_pos];
            if (c == quote)
            {
                _pos++;
                terminated = true;
                break;
            }
            if (IsNewLine(c)) break;
            if (c == '\\')
            {
                int cont = ContinuationLength(_pos);
                if (cont > 0) { _pos += cont; continue; }
                _pos++;
                if (AtEnd) break;
                char e = _text[_pos];
                _pos++;
                switch (e)
                {
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'a': sb.Append('\a'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'v': sb.Append('\v'); break;
                    case '\\': sb.Append('\\'); break;
                    case '\'': sb.Append('\''); break;
                    case '"': sb.Append('"'); break;
                    case '?': sb.Append('?'); break;
                    case 'x':
                        {
                            int v = 0, n = 0;
                            while (!AtEnd && n < 8 && Uri.IsHexDigit(_text[_pos])) { v = v * 16 + Convert.ToInt32(_text[_pos].ToString(), 16); _pos++; n++; }
                            if (n == 0) _diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.BadEscape, TextSpan.FromBounds(_pos - 2, _pos), "\\x"));
                            else sb.Append((char)(v & 0xFF));
                            break;
                        }
                    default:
                        if (e >= '0' && e <= '7')
                        {
                            int v = e - '0', n = 1;
                            while (!AtEnd && n < 3 && _text[_pos] >= '0' && _text[_pos] <= '7') { v = v * 8 + (_text[_pos] - '0'); _pos++; n++; }
                            sb.Append((char)(v & 0xFF));
                        }
                        else
                        {
                            if (IsNewLine(e)) { _pos--; break; }
                            _diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.BadEscape, TextSpan.FromBounds(_pos - 2, _pos), "\\" + e));
                            sb.Append(e);
                        }
                        break;
                }
                continue;
            }
            sb.Append(c);
            _pos++;
        }
        if (!terminated)
        {
            _diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.UnterminatedString, TextSpan.FromBounds(start, _pos), quote == '"' ? "string" : "character"));
        }
        return Quoted(quote, start, StringBuilderCache.ToStringAndRelease(sb), terminated);
    }

    /// <summary>The literal from <paramref name="start"/> to the current position, its value decoded; a character literal's number is its first character.</summary>
    private Token Quoted(char quote, int start, string value, bool terminated)
    {
        var span = TextSpan.FromBounds(start, _pos);
        string raw = _text.Substring(start, _pos - start);
        return quote == '"'
            ? new Token(TokenKind.String, span, raw, value, IsValid: terminated)
            : new Token(TokenKind.Char, span, raw, value, value.Length > 0 ? value[0] : 0UL, IsValid: terminated);
    }
}
