using Kapi.Lexing;
using Kapi.Syntax;

namespace Kapi.Parsing;

/// <summary>
/// Parses the token stream of a spec file into <see cref="KapiFileSyntax"/>. Recognises the entry forms
/// (<c>DEFINE_KERNEL_API_SPEC</c>, <c>DEFINE_KAPI_IOCTL_SPEC</c>, <c>DEFINE_SYSFS_API_SPEC</c>,
/// <c>DEFINE_IOCTL_API_SPEC</c>, the RFC v1 <c>static const struct kapi_ioctl_spec</c> initializer),
/// file-scope arrays and #define lines. Never throws; recovers and reports located diagnostics.
/// </summary>
/// <remarks>
/// Split by concern, the way Roslyn splits its parser: this file holds the entry points, the token cursor and
/// the one nesting guard; <c>Parser.FileItems.cs</c> the entry forms, <c>static</c> declarations and #define
/// lines; <c>Parser.SpecBody.cs</c> the statements of a spec body and macro arguments;
/// <c>Parser.Expressions.cs</c> C expressions, type names and initializer lists;
/// <c>Parser.HelperExpansion.cs</c> the expansion of helper macros in a spec body.
/// </remarks>
public sealed partial class Parser
{
    public const int MaxDepth = 128;

    private readonly List<Token> _tokens;
    private List<KapiDiagnostic> _diagnostics;
    private readonly List<KapiDiagnostic> _scratch = new();

    // While a macro argument is parsed in place, tokens at or after _limit read as end of file.
    private int _limit = int.MaxValue;
    private Token _limitToken;
    private readonly bool _cSource;
    // The file's text (null for a helper's expansion and standalone expressions): tells where lines break.
    private readonly string? _text;
    private int _pos;
    private int _depth;
    private bool _depthReported;

    private readonly HelperMacroTable _helpers;
    // Set while the tokens are a helper's expansion (see Parser.HelperExpansion.cs), with how many expansions deep
    // they are; null and 0 for a file's own tokens.
    private readonly HelperExpansion? _expansion;
    private readonly int _expansionDepth;

    private Parser(List<Token> tokens, List<KapiDiagnostic> diagnostics, bool cSource, HelperMacroTable helpers, HelperExpansion? expansion = null, int expansionDepth = 0, string? text = null)
        => (_text, _tokens, _diagnostics, _cSource, _helpers, _expansion, _expansionDepth) = (text, tokens, diagnostics, cSource, helpers, expansion, expansionDepth);

    /// <summary>Lexes and parses <paramref name="text"/>.</summary>
    /// <param name="cSource">True for C sources and headers: text outside spec blocks is skipped silently.</param>
    public static KapiFileSyntax Parse(KapiSourceText text, List<KapiDiagnostic> diagnostics, bool cSource = false) =>
        Parse(text, diagnostics, cSource, HelperMacroTable.Kernel);

    /// <summary>Lexes and parses <paramref name="text"/>, expanding the helper macros of <paramref name="helpers"/>.</summary>
    internal static KapiFileSyntax Parse(KapiSourceText text, List<KapiDiagnostic> diagnostics, bool cSource, HelperMacroTable helpers)
    {
        // the lexer's tokens are garbage once the preprocessor has copied them, and the preprocessor's once the file is
        // parsed (syntax nodes copy the tokens they keep): both lists are reused per thread
        var raw = TokenListPool.Rent(text.Text.Length / 10);
        Lexer.Lex(text.Text, diagnostics, raw);
        var defines = new List<Preprocessor.DirectiveLine>();
        var tokens = raw;
        if (HasDirective(raw))
        {
            tokens = TokenListPool.Rent(raw.Count);
            Preprocessor.Run(raw, diagnostics, defines, tokens);
            TokenListPool.Return(raw);
        }
        var parser = new Parser(tokens, diagnostics, cSource, helpers, text: text.Text);
        var items = parser.ParseFile(defines);
        TokenListPool.Return(tokens);
        return new KapiFileSyntax(items.ToEquatableArray());
    }

    /// <summary>True when the preprocessor has something to do (without a directive it would copy every token as is).</summary>
    private static bool HasDirective(List<Token> tokens)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Directive) return true;
        }
        return false;
    }

    /// <summary>Parses a standalone C expression (used by tests and tools).</summary>
    public static ExpressionSyntax ParseExpression(string text, List<KapiDiagnostic> diagnostics)
    {
        var tokens = Lexer.Lex(text, diagnostics);
        var parser = new Parser(tokens, diagnostics, false, HelperMacroTable.Kernel);
        var e = parser.ParseExpr();
        if (parser.Current.Kind != TokenKind.EndOfFile)
        {
            parser.Error(parser.Current.Span, $"Unexpected '{Lexer.Truncate(parser.Current.Text)}' after the expression");
        }
        return e;
    }

    private Token Current => _pos >= _limit ? _limitToken : _tokens[Math.Min(_pos, _tokens.Count - 1)];

    private Token PeekToken(int n = 1) => _pos + n >= _limit ? _limitToken : _tokens[Math.Min(_pos + n, _tokens.Count - 1)];

    private Token Advance()
    {
        WorkCounter.Tick();
        var t = Current;
        if (_pos < _tokens.Count - 1 && _pos < _limit) _pos++;
        return t;
    }

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind == kind)
        {
            Advance();
            return true;
        }
        return false;
    }

    private void Error(TextSpan span, string message) =>
        _diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.SyntaxError, span, message));

    /// <summary>
    /// An empty span at the start of <paramref name="span"/>. Inside a helper's expansion every token stands for the
    /// whole invocation, so there it is the invocation's span: what is reported lands on the call site.
    /// </summary>
    private TextSpan PointBefore(TextSpan span) => _expansion?.CallSite ?? new TextSpan(span.Start, 0);

    /// <summary>An empty span at the end of <paramref name="span"/> (inside an expansion: the invocation's span).</summary>
    private TextSpan PointAfter(TextSpan span) => _expansion?.CallSite ?? new TextSpan(span.End, 0);

    private static string Describe(Token t) => t.Kind switch
    {
        TokenKind.EndOfFile => "end of file",
        TokenKind.String => "string literal",
        _ => $"'{Lexer.Truncate(t.Text)}'",
    };

    /// <summary>Skips a balanced ( … ) group starting at the current '('.</summary>
    private void SkipBalanced()
    {
        int depth = 0;
        do
        {
            var k = Current.Kind;
            if (k == TokenKind.OpenParen || k == TokenKind.OpenBrace || k == TokenKind.OpenBracket) depth++;
            else if (k == TokenKind.CloseParen || k == TokenKind.CloseBrace || k == TokenKind.CloseBracket) depth--;
            else if (k == TokenKind.EndOfFile) return;
            Advance();
        }
        while (depth > 0);
    }

    // ------------------------------------------------------------------ nesting guard

    /// <summary>
    /// Enters one level of recursion (an expression, an operand, an initializer list). Past <see cref="MaxDepth"/>
    /// levels it reports once per parse and returns a level that is not entered; the caller then skips the
    /// construct. Use as <c>using var level = EnterNesting(span); if (!level.Entered) …</c>.
    /// </summary>
    private NestingLevel EnterNesting(TextSpan at)
    {
        if (_depth >= MaxDepth)
        {
            ReportDepth(at);
            return default;
        }
        _depth++;
        return new NestingLevel(this);
    }

    /// <summary>One entered level of recursion, left when disposed; <c>default</c> stands for a level not entered.</summary>
    private readonly struct NestingLevel : IDisposable
    {
        private readonly Parser? _parser;

        public NestingLevel(Parser parser) => _parser = parser;

        public bool Entered => _parser is not null;

        public void Dispose()
        {
            if (_parser is not null) _parser._depth--;
        }
    }

    private void ReportDepth(TextSpan span)
    {
        if (!_depthReported)
        {
            _depthReported = true;
            _diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.NestingTooDeep, span, MaxDepth));
        }
    }
}
