using Kapi.Kerneldoc;
using Kapi.Lexing;
using Kapi.Syntax;

namespace Kapi.Parsing;

/// <summary>C expressions written as values of a kerneldoc spec (masks, ranges, sizes, error codes).</summary>
public sealed partial class Parser
{
    /// <summary>
    /// Parses a value of a kerneldoc comment as one C expression. The value's text has lost the comment's line prefixes,
    /// so tokens and diagnostics are mapped back through the value's runs to their place in the file.
    /// </summary>
    public static ExpressionSyntax ParseExpression(KerneldocText value, List<KapiDiagnostic> diagnostics)
    {
        var lexed = new List<KapiDiagnostic>();
        var tokens = TokenListPool.Rent(value.Value.Length / 4);
        Lexer.Lex(value.Value, lexed, tokens);
        // the lexer's diagnostics carry value-relative spans; the parser's use the mapped tokens
        foreach (var d in lexed) diagnostics.Add(d with { Span = value.SourceSpan(d.Span.Start, d.Span.Length) });
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            tokens[i] = t with { Span = value.SourceSpan(t.Span.Start, t.Span.Length) };
        }
        var parser = new Parser(tokens, diagnostics, false, HelperMacroTable.Kernel);
        var e = parser.ParseExpr();
        if (parser.Current.Kind != TokenKind.EndOfFile)
        {
            parser.Error(parser.Current.Span, $"Unexpected '{Lexer.Truncate(parser.Current.Text)}' after the expression");
        }
        TokenListPool.Return(tokens);
        return e;
    }
}
