using System.Collections.Generic;
using Kapi.Diagnostics;
using Kapi.Lexing;
using Kapi.Syntax;
using Kapi.Text;

namespace Kapi.Parsing;

/// <summary>
/// Helper macros (<see cref="HelperMacroTable"/>) expanded at the token level: the argument tokens (and
/// <c>#parameter</c> as a string) are substituted into the helper's template tokens and the result is parsed as
/// statements of the same spec body. Every token of an expansion carries the span of the invocation written in
/// the file, so whatever is reported about it lands on the call site; problems inside an expansion are reported
/// once, there. Helpers nest (through their arguments) up to <see cref="HelperMacroTable.MaxDepth"/> levels.
/// </summary>
public sealed partial class Parser
{
    /// <summary>One helper invocation written in the file, with every helper expanded inside it.</summary>
    /// <param name="name">The helper written in the file.</param>
    /// <param name="callSite">Where it is written: the span of every token of the expansion.</param>
    private sealed class HelperExpansion(string name, TextSpan callSite)
    {
        /// <summary>The helper written in the file.</summary>
        public string Name => name;

        /// <summary>Where it is written: the span of every token of the expansion.</summary>
        public TextSpan CallSite => callSite;

        /// <summary>What the expansion's parse reported; the first is reported at the call site.</summary>
        public List<KapiDiagnostic> Errors { get; } = new();

        /// <summary>The report of a helper nested too deep, if that happened.</summary>
        public KapiDiagnostic? TooDeep { get; set; }
    }

    /// <summary>Appends the statements <paramref name="helper"/> expands to (with these arguments) to <paramref name="body"/>.</summary>
    private void ExpandHelper(HelperMacro helper, Token name, TextSpan span, List<MacroArgumentSyntax>? arguments, List<(int Start, int End)> argumentTokens, List<StatementSyntax> body)
    {
        int count = arguments?.Count ?? 0;
        if (helper.TakesParentheses && arguments is null)
        {
            _diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.WrongArgumentCount, name.Span, helper.Name, helper.ParameterCount, 0));
            return;
        }
        if (!helper.TakesParentheses && arguments is not null)
        {
            _diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.WrongArgumentCount, span, helper.Name, 0, count));
            return;
        }
        if (count != helper.ParameterCount || argumentTokens.Count != count)
        {
            _diagnostics.Add(KapiDiagnostic.Create(KapiDiagnostics.WrongArgumentCount, span, helper.Name, helper.ParameterCount, count));
            return;
        }
        if (_expansionDepth >= HelperMacroTable.MaxDepth)
        {
            var tooDeep = KapiDiagnostic.Create(KapiDiagnostics.NestingTooDeep, span, HelperMacroTable.MaxDepth);
            _diagnostics.Add(tooDeep);
            if (_expansion is not null) _expansion.TooDeep ??= tooDeep;
            return;
        }

        var expansion = _expansion ?? new HelperExpansion(helper.Name, span);
        var tokens = Substitute(helper, arguments, argumentTokens, expansion.CallSite);
        var parser = new Parser(tokens, expansion.Errors, cSource: false, _helpers, expansion, _expansionDepth + 1);
        body.AddRange(parser.ParseSpecBody(out _, out _, out _));
        if (_expansion is null) ReportExpansionErrors(expansion);
    }

    /// <summary>The helper's template tokens with the arguments substituted, all located at <paramref name="callSite"/>.</summary>
    private List<Token> Substitute(HelperMacro helper, List<MacroArgumentSyntax>? arguments, List<(int Start, int End)> argumentTokens, TextSpan callSite)
    {
        var tokens = new List<Token>(helper.Template.Count + 16);
        foreach (var piece in helper.Template)
        {
            WorkCounter.Tick();
            if (piece.Parameter < 0 || arguments is null || piece.Parameter >= argumentTokens.Count)
            {
                tokens.Add(piece.Token with { Span = callSite });
            }
            else if (piece.Stringify)
            {
                tokens.Add(StringToken(arguments[piece.Parameter].RawText, callSite));
            }
            else
            {
                var (start, end) = argumentTokens[piece.Parameter];
                for (int i = start; i < end && i < _tokens.Count; i++)
                {
                    WorkCounter.Tick();
                    tokens.Add(_tokens[i] with { Span = callSite });
                }
            }
        }
        tokens.Add(new Token(TokenKind.EndOfFile, callSite, string.Empty));
        return tokens;
    }

    /// <summary><c>#parameter</c>: the argument's text as a string literal.</summary>
    private static Token StringToken(string value, TextSpan span) =>
        new(TokenKind.String, span, "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"", value);

    /// <summary>Reports the first problem found inside an expansion, once, at the call site.</summary>
    private void ReportExpansionErrors(HelperExpansion expansion)
    {
        if (expansion.Errors.Count == 0) return;
        var first = expansion.Errors[0];
        _diagnostics.Add(ReferenceEquals(first, expansion.TooDeep)
            ? first
            : KapiDiagnostic.Create(KapiDiagnostics.SyntaxError, expansion.CallSite, $"'{expansion.Name}' expands to invalid text: {first.Message}"));
    }
}
