using Kapi.Diagnostics;
using Kapi.Lexing;

namespace Kapi.FrontEnd.Tests;

public class LexerTests
{
    private static List<Token> Lex(string text, out List<KapiDiagnostic> diagnostics)
    {
        diagnostics = new List<KapiDiagnostic>();
        return Lexer.Lex(text, diagnostics);
    }

    [Theory]
    [InlineData("42", 42UL, false)]
    [InlineData("0x1F", 0x1FUL, false)]
    [InlineData("0644", 420UL, false)]
    [InlineData("0", 0UL, false)]
    [InlineData("0b101", 5UL, false)]
    [InlineData("1U", 1UL, true)]
    [InlineData("1UL", 1UL, true)]
    [InlineData("1ULL", 1UL, true)]
    [InlineData("1LLU", 1UL, true)]
    [InlineData("7L", 7UL, false)]
    [InlineData("0xffffffffffffffff", ulong.MaxValue, false)]
    public void Integer_literals(string text, ulong value, bool unsigned)
    {
        var tokens = Lex(text, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(TokenKind.Number, tokens[0].Kind);
        Assert.Equal(value, tokens[0].Number);
        Assert.Equal(unsigned, tokens[0].IsUnsigned);
    }

    [Theory]
    [InlineData("09", "invalid digit '9' in a base-8 literal")]
    [InlineData("0x", "no digits")]
    [InlineData("1.5", "floating-point literals are not allowed")]
    [InlineData("1LUL", "invalid suffix")]
    [InlineData("0x1ffffffffffffffff", "the value does not fit in 64 bits")]
    [InlineData("12ab", "invalid digit 'a' in a base-10 literal")]
    public void Bad_integer_literals_are_located(string text, string reason)
    {
        var tokens = Lex("  " + text + " ", out var diagnostics);
        var d = Assert.Single(diagnostics);
        Assert.Equal("KAPI0004", d.Id);
        Assert.Equal(2, d.Span.Start);
        Assert.Equal(text.Length, d.Span.Length);
        Assert.Contains(reason, d.Message);
        Assert.False(tokens[0].IsValid);
    }

    [Fact]
    public void String_escapes_are_decoded()
    {
        var tokens = Lex("\"a\\n\\t\\\\\\\"\\x41\\101\\0\"", out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal("a\n\t\\\"AA\0", tokens[0].Value);
    }

    [Theory]
    [InlineData("\"Lock all pages\"", TokenKind.String, "Lock all pages")]
    [InlineData("\"it's\"", TokenKind.String, "it's")]
    [InlineData("\"\"", TokenKind.String, "")]
    [InlineData("'x'", TokenKind.Char, "x")]
    [InlineData("'\"'", TokenKind.Char, "\"")]
    [InlineData("\"a\" \"b\\n\"", TokenKind.String, "a")]
    public void Literals_without_escapes_keep_their_text_span_and_value(string text, TokenKind kind, string value)
    {
        var tokens = Lex(text, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(kind, tokens[0].Kind);
        Assert.Equal(value, tokens[0].Value);
        Assert.True(tokens[0].IsValid);
        Assert.Equal(new Kapi.Text.TextSpan(0, value.Length + 2), tokens[0].Span);
        Assert.Equal(text[..(value.Length + 2)], tokens[0].Text);
        if (kind == TokenKind.Char) Assert.Equal((ulong)value[0], tokens[0].Number);
    }

    [Fact]
    public void A_literal_after_an_escaped_one_on_the_same_thread_is_not_mixed_with_it()
    {
        // the escaped literal is decoded in the thread's reused StringBuilder; the plain one after it is not
        var tokens = Lex("\"a\\tb\" \"c\" \"d\\ne\"", out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "a\tb", "c", "d\ne" }, tokens.Where(t => t.Kind == TokenKind.String).Select(t => t.Value));
    }

    [Fact]
    public void Invalid_escape_is_a_warning_and_keeps_the_character()
    {
        var tokens = Lex("\"a\\qb\"", out var diagnostics);
        var d = Assert.Single(diagnostics);
        Assert.Equal("KAPI0006", d.Id);
        Assert.Equal(KapiSeverity.Warning, d.Severity);
        Assert.Equal("aqb", tokens[0].Value);
    }

    [Fact]
    public void Unterminated_string_stops_at_the_end_of_the_line()
    {
        var tokens = Lex("\"abc\nKAPI_PARAM_END", out var diagnostics);
        var d = Assert.Single(diagnostics);
        Assert.Equal("KAPI0001", d.Id);
        Assert.Equal(new Kapi.Text.TextSpan(0, 4), d.Span);
        Assert.Equal(TokenKind.Identifier, tokens[1].Kind);
    }

    [Fact]
    public void Unterminated_comment_is_reported_at_its_start()
    {
        Lex("A /* never closed", out var diagnostics);
        var d = Assert.Single(diagnostics);
        Assert.Equal("KAPI0002", d.Id);
        Assert.Equal(2, d.Span.Start);
    }

    [Fact]
    public void Comments_and_line_continuations_are_trivia()
    {
        var tokens = Lex("A /* x */ B // y\nC \\\n D \"s\\\ntr\"", out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "A", "B", "C", "D" }, tokens.Where(t => t.Kind == TokenKind.Identifier).Select(t => t.Text));
        Assert.Equal("str", tokens.Single(t => t.Kind == TokenKind.String).Value);
    }

    [Fact]
    public void Comment_markers_inside_strings_are_text()
    {
        var tokens = Lex("\"mlockall(MCL_CURRENT); // lock /* not a comment */\"", out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal("mlockall(MCL_CURRENT); // lock /* not a comment */", tokens[0].Value);
    }

    [Fact]
    public void Char_literals()
    {
        var tokens = Lex("'b' '\\n'", out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal((ulong)'b', tokens[0].Number);
        Assert.Equal((ulong)'\n', tokens[1].Number);
    }

    [Theory]
    [InlineData("\0", "NUL")]
    [InlineData("\u200B", "ZERO WIDTH SPACE")]
    [InlineData("@", "'@'")]
    [InlineData("\uFFFD", "not valid UTF-8")]
    public void Invalid_characters_are_named(string ch, string expected)
    {
        Lex("A " + ch + ch + " B", out var diagnostics);
        var d = Assert.Single(diagnostics);
        Assert.Equal("KAPI0003", d.Id);
        Assert.Equal(2, d.Span.Start);
        Assert.Equal(2, d.Span.Length);
        Assert.Contains(expected, d.Message);
    }

    [Fact]
    public void Leading_byte_order_mark_is_ignored()
    {
        Lex("\uFEFFDEFINE_KERNEL_API_SPEC", out var diagnostics);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Directives_are_delimited()
    {
        var tokens = Lex("#define X (1 << 2)\nY", out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(TokenKind.Directive, tokens[0].Kind);
        Assert.Equal("define", tokens[0].Text);
        Assert.Contains(tokens, t => t.Kind == TokenKind.EndOfDirective);
        Assert.Equal("Y", tokens[^2].Text);
    }
}
