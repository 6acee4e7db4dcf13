using Kapi.Lexing;

namespace Kapi.Parsing;

/// <summary>
/// Removes preprocessor lines from the token stream. <c>#define</c>/<c>#undef</c> lines become file items;
/// conditional blocks keep their first branch (<c>#if…</c>) and drop <c>#else</c>/<c>#elif</c> branches;
/// <c>#include</c>/<c>#pragma</c> are ignored; other directives get a warning.
/// </summary>
internal static class Preprocessor
{
    internal sealed record DirectiveLine(Token Directive, List<Token> Tokens, int InsertionIndex);

    /// <summary>Copies <paramref name="tokens"/> without directives and skipped conditional blocks into <paramref name="output"/>.</summary>
    public static void Run(List<Token> tokens, List<KapiDiagnostic> diagnostics, List<DirectiveLine> defines, List<Token> output)
    {
        // stack of "skipping" flags for conditional blocks
        var skipStack = new Stack<bool>();
        bool skipping = false;
        int i = 0;
        while (i < tokens.Count)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Directive)
            {
                if (!skipping || t.Kind == TokenKind.EndOfFile) output.Add(t);
                i++;
                continue;
            }

            // gather the directive's tokens
            var line = new List<Token>();
            i++;
            while (i < tokens.Count && tokens[i].Kind != TokenKind.EndOfDirective && tokens[i].Kind != TokenKind.EndOfFile)
            {
                line.Add(tokens[i]);
                i++;
            }
            if (i < tokens.Count && tokens[i].Kind == TokenKind.EndOfDirective) i++;

            switch (t.Text)
            {
                case "if":
                case "ifdef":
                case "ifndef":
                    skipStack.Push(skipping);
                    break;
                case "elif":
                case "else":
                    if (skipStack.Count == 0)
                    {
                        diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.SyntaxError, t.Span, $"#{t.Text} without #if"));
                    }
                    else
                    {
                        skipping = true;
                    }
                    break;
                case "endif":
                    if (skipStack.Count == 0)
                    {
                        diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.SyntaxError, t.Span, "#endif without #if"));
                    }
                    else
                    {
                        skipping = skipStack.Pop();
                    }
                    break;
                case "define":
                case "undef":
                    if (!skipping) defines.Add(new DirectiveLine(t, line, output.Count));
                    break;
                case "include":
                case "pragma":
                case "":
                    break;
                default:
                    if (!skipping)
                    {
                        diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.UnknownDirective, t.Span, Lexer.Truncate(t.Text)));
                    }
                    break;
            }
        }
        if (skipStack.Count > 0)
        {
            diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.SyntaxError, new TextSpan(output.Count > 0 ? output[output.Count - 1].Span.Start : 0, 0), "#if without #endif"));
        }
    }
}
