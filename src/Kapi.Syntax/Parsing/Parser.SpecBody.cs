using Kapi.Lexing;
using Kapi.Syntax;

namespace Kapi.Parsing;

/// <summary>Spec bodies: statements (macro invocations, designated initializers, braces) and macro arguments.</summary>
public sealed partial class Parser
{
    /// <summary>
    /// Parses statements up to the spec's terminator (<c>KAPI_END_SPEC;</c> or <c>};</c>), the next entry form or the
    /// end of the tokens. <paramref name="statementsEnd"/> is where the last statement ends (a helper invocation
    /// counts even when it expands to nothing), -1 if there is none.
    /// </summary>
    private List<StatementSyntax> ParseSpecBody(out bool terminated, out TextSpan terminator, out int statementsEnd)
    {
        var body = new List<StatementSyntax>();
        terminated = false;
        terminator = default;
        statementsEnd = -1;
        bool recovering = false;
        while (true)
        {
            var t = Current;
            switch (t.Kind)
            {
                case TokenKind.EndOfFile:
                    return body;
                case TokenKind.Identifier when _expansion is not null && (IsSpecTerminator(t.Text) || IsEntryName(t.Text)):
                    // a helper's expansion can neither end the spec nor start another one
                    SkipUnexpected(t, ref recovering);
                    break;
                case TokenKind.Identifier:
                    if (IsSpecTerminator(t.Text))
                    {
                        Advance();
                        var endSpan = t.Span;
                        if (Current.Kind == TokenKind.Semicolon) endSpan = endSpan.Cover(Advance().Span);
                        terminated = true;
                        terminator = endSpan;
                        return body;
                    }
                    if (IsEntryName(t.Text) || (t.Text == "static" && _cSource))
                    {
                        return body; // a new spec starts: this one is unterminated
                    }
                    statementsEnd = ParseMacroStatement(body).End;
                    recovering = false;
                    break;
                case TokenKind.Dot:
                    {
                        var stmt = ParseDesignatedStatement();
                        if (stmt is not null)
                        {
                            body.Add(stmt);
                            statementsEnd = stmt.Span.End;
                            recovering = false;
                        }
                        break;
                    }
                case TokenKind.CloseBrace:
                    Advance();
                    if (Current.Kind == TokenKind.Semicolon && _expansion is null)
                    {
                        var semi = Advance();
                        terminated = true;
                        terminator = TextSpan.FromBounds(t.Span.Start, semi.Span.End);
                        return body;
                    }
                    Accept(TokenKind.Comma);
                    body.Add(new CloseBraceSyntax(t.Span));
                    statementsEnd = t.Span.End;
                    recovering = false;
                    break;
                case TokenKind.Comma:
                case TokenKind.Semicolon:
                    Advance();
                    break;
                default:
                    SkipUnexpected(t, ref recovering);
                    break;
            }
        }
    }

    private static bool IsSpecTerminator(string name) => name is "KAPI_END_SPEC" or "KAPI_END_IOCTL_SPEC" or "KAPI_IOCTL_END_SPEC";

    /// <summary>Skips a token that starts no statement, reporting the first of a run.</summary>
    private void SkipUnexpected(Token t, ref bool recovering)
    {
        if (!recovering && t.Kind != TokenKind.Bad)
        {
            Error(t.Span, $"Unexpected {Describe(t)} in a spec: expected a KAPI macro, a '.field = value,' initializer or '}}'");
        }
        recovering = true;
        Advance();
    }

    /// <summary>
    /// <c>NAME</c> or <c>NAME(args)</c>, optionally followed by ';' or ','. The invocation of a helper macro is
    /// replaced by the statements of its expansion. Returns the invocation's span.
    /// </summary>
    private TextSpan ParseMacroStatement(List<StatementSyntax> body)
    {
        var name = Advance();
        var helper = _helpers.TryGet(name.Text, out var found) ? found : null;
        var argumentTokens = helper is null ? null : new List<(int Start, int End)>();
        List<MacroArgumentSyntax>? arguments = null;
        var span = name.Span;
        if (Current.Kind == TokenKind.OpenParen)
        {
            arguments = ParseMacroArguments(argumentTokens);
            span = TextSpan.FromBounds(name.Span.Start, _tokens[Math.Max(0, _pos - 1)].Span.End);
        }
        if (Current.Kind is TokenKind.Semicolon or TokenKind.Comma) Advance();
        if (helper is not null)
        {
            ExpandHelper(helper, name, span, arguments, argumentTokens!, body);
            return span;
        }
        body.Add(new MacroInvocationSyntax(span, name.Text, name.Span, arguments?.ToEquatableArray()));
        return span;
    }

    private StatementSyntax? ParseDesignatedStatement()
    {
        var dot = Advance();
        if (Current.Kind != TokenKind.Identifier)
        {
            Error(Current.Span, $"Expected a field name after '.', found {Describe(Current)}");
            return null;
        }
        var field = Advance();
        ExpressionSyntax? index = null;
        if (Accept(TokenKind.OpenBracket))
        {
            index = ParseExpr();
            if (!Accept(TokenKind.CloseBracket)) Error(Current.Span, $"Expected ']' after the index of '.{field.Text}'");
        }
        if (!Accept(TokenKind.Equals))
        {
            Error(Current.Span, $"Expected '=' after '.{field.Text}', found {Describe(Current)}");
            return null;
        }
        if (Current.Kind == TokenKind.OpenBrace)
        {
            var brace = Advance();
            return new FieldScopeOpenSyntax(TextSpan.FromBounds(dot.Span.Start, brace.Span.End), field.Text, field.Span, index);
        }
        var value = ParseExpr();
        var span = TextSpan.FromBounds(dot.Span.Start, value.Span.End);
        // A comma may be omitted before a closer: '*_END' and KAPI_END_SPEC expand to '},' / '};'.
        if (!Accept(TokenKind.Comma) && Current.Kind != TokenKind.CloseBrace
            && !(Current.Kind == TokenKind.Identifier && (Current.Text.EndsWith("_END", StringComparison.Ordinal) || IsSpecTerminator(Current.Text))))
        {
            Error(PointAfter(value.Span), $"Expected ',' after the value of '.{field.Text}', found {Describe(Current)}");
        }
        return new FieldAssignmentSyntax(span, field.Text, field.Span, index, value);
    }

    /// <summary>
    /// Parses '(' arg, arg, … ')' where each argument is a balanced token run; <paramref name="argumentTokens"/>, if
    /// given, receives the range of each argument's tokens.
    /// </summary>
    private List<MacroArgumentSyntax> ParseMacroArguments(List<(int Start, int End)>? argumentTokens = null)
    {
        var open = Advance(); // (
        var args = new List<MacroArgumentSyntax>();
        if (Current.Kind == TokenKind.CloseParen)
        {
            Advance();
            return args;
        }
        while (true)
        {
            int start = _pos;
            int depth = 0;
            while (true)
            {
                var k = Current.Kind;
                if (k == TokenKind.EndOfFile) break;
                if (depth == 0 && (k == TokenKind.Comma || k == TokenKind.CloseParen)) break;
                if (k is TokenKind.OpenParen or TokenKind.OpenBrace or TokenKind.OpenBracket) depth++;
                else if (k is TokenKind.CloseParen or TokenKind.CloseBrace or TokenKind.CloseBracket) depth--;
                // A macro argument list never spans a new entry form: stop at one to recover.
                if (k == TokenKind.Identifier && IsEntryName(Current.Text)) break;
                if (depth == 0 && StartsStatementOnNewLine())
                {
                    // a ')' is missing: the next line starts a statement of its own; end the arguments here
                    int last = _pos - 1;
                    args.Add(MakeArgument(start, _pos));
                    argumentTokens?.Add((start, _pos));
                    Error(PointAfter(_tokens[last].Span), "Missing ')': the next line starts a new statement, so the macro's arguments end here");
                    return args;
                }
                if (depth > MaxDepth)
                {
                    ReportDepth(Current.Span);
                }
                Advance();
            }
            int end = _pos;
            args.Add(MakeArgument(start, end));
            argumentTokens?.Add((start, end));
            if (Current.Kind == TokenKind.Comma)
            {
                Advance();
                continue;
            }
            if (Current.Kind == TokenKind.CloseParen)
            {
                Advance();
                return args;
            }
            Error(open.Span, "Unclosed '(' in a macro invocation");
            return args;
        }
    }

    /// <summary>
    /// True when the current token starts a line with what can only be a new statement — <c>NAME(</c>, a <c>*_END</c>
    /// closer, <c>KAPI_END_SPEC</c> or <c>.field =</c> — right after a token that ends a value (so not the continuation
    /// of an argument written over several lines, which follows a comma, an operator or an open parenthesis).
    /// </summary>
    private bool StartsStatementOnNewLine()
    {
        if (_text is null || _pos == 0 || _pos >= _limit) return false;
        var previous = _tokens[_pos - 1];
        if (previous.Kind is not (TokenKind.Identifier or TokenKind.Number or TokenKind.String or TokenKind.Char or TokenKind.CloseParen or TokenKind.CloseBracket))
        {
            return false;
        }
        var t = Current;
        bool statement = t.Kind switch
        {
            TokenKind.Identifier => PeekToken().Kind == TokenKind.OpenParen || IsSpecTerminator(t.Text) || t.Text.EndsWith("_END", StringComparison.Ordinal),
            TokenKind.Dot => PeekToken().Kind == TokenKind.Identifier && PeekToken(2).Kind is TokenKind.Equals or TokenKind.OpenBracket,
            _ => false,
        };
        if (!statement) return false;
        int from = Math.Min(previous.Span.End, _text.Length);
        int to = Math.Min(t.Span.Start, _text.Length);
        return from < to && _text.IndexOf('\n', from, to - from) >= 0;
    }

    private MacroArgumentSyntax MakeArgument(int start, int end)
    {
        if (end <= start)
        {
            var at = PointBefore(Current.Span);
            return new MacroArgumentSyntax(at, string.Empty, new MissingExpressionSyntax(at));
        }
        var span = TextSpan.FromBounds(_tokens[start].Span.Start, _tokens[end - 1].Span.End);
        string raw;
        if (end - start == 1)
        {
            raw = _tokens[start].Text;
        }
        else
        {
            var sb = StringBuilderCache.Acquire();
            for (int i = start; i < end; i++)
            {
                if (i > start) sb.Append(' ');
                sb.Append(_tokens[i].Text);
            }
            raw = StringBuilderCache.ToStringAndRelease(sb);
        }

        // Parse the argument in place, silently (the binder reports when it needs the value): tokens from `end` on
        // read as end of file, diagnostics go to a scratch list.
        int savedPos = _pos, savedLimit = _limit;
        var savedToken = _limitToken;
        var savedDiagnostics = _diagnostics;
        _pos = start;
        _limit = end;
        _limitToken = new Token(TokenKind.EndOfFile, PointAfter(span), string.Empty);
        _scratch.Clear();
        _diagnostics = _scratch;
        try
        {
            ExpressionSyntax expr = ParseExpr();
            if (Current.Kind != TokenKind.EndOfFile || _scratch.Count > 0)
            {
                // maybe a type name (struct tag etc.)
                _pos = start;
                var type = TryParseTypeNameUntilEnd();
                expr = type is not null ? type : new MissingExpressionSyntax(span);
            }
            return new MacroArgumentSyntax(span, raw, expr);
        }
        finally
        {
            _pos = savedPos;
            _limit = savedLimit;
            _limitToken = savedToken;
            _diagnostics = savedDiagnostics;
        }
    }

    private TypeNameSyntax? TryParseTypeNameUntilEnd()
    {
        var t = TryParseTypeName(TokenKind.EndOfFile);
        return t is not null && Current.Kind == TokenKind.EndOfFile ? t : null;
    }
}
