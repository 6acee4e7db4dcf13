using System;
using System.Collections.Generic;
using Kapi.Collections;
using Kapi.Lexing;
using Kapi.Syntax;
using Kapi.Text;

namespace Kapi.Parsing;

/// <summary>Spec bodies: statements (macro invocations, designated initializers, braces) and macro arguments.</summary>
public sealed partial class Parser
{
    private List<StatementSyntax> ParseSpecBody(SpecEntryForm form, out bool terminated, out TextSpan terminator)
    {
        var body = new List<StatementSyntax>();
        terminated = false;
        terminator = default;
        bool recovering = false;
        while (true)
        {
            var t = Current;
            switch (t.Kind)
            {
                case TokenKind.EndOfFile:
                    return body;
                case TokenKind.Identifier:
                    if (t.Text is "KAPI_END_SPEC" or "KAPI_END_IOCTL_SPEC" or "KAPI_IOCTL_END_SPEC")
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
                    {
                        var name = Advance();
                        EquatableArray<MacroArgumentSyntax>? args = null;
                        var span = name.Span;
                        if (Current.Kind == TokenKind.OpenParen)
                        {
                            var list = ParseMacroArguments();
                            args = list.ToEquatableArray();
                            span = TextSpan.FromBounds(name.Span.Start, _tokens[Math.Max(0, _pos - 1)].Span.End);
                        }
                        if (Current.Kind is TokenKind.Semicolon or TokenKind.Comma) Advance();
                        body.Add(new MacroInvocationSyntax(span, name.Text, name.Span, args));
                        recovering = false;
                    }
                    break;
                case TokenKind.Dot:
                    {
                        var stmt = ParseDesignatedStatement();
                        if (stmt is not null)
                        {
                            body.Add(stmt);
                            recovering = false;
                        }
                        break;
                    }
                case TokenKind.CloseBrace:
                    Advance();
                    if (Current.Kind == TokenKind.Semicolon)
                    {
                        var semi = Advance();
                        terminated = true;
                        terminator = TextSpan.FromBounds(t.Span.Start, semi.Span.End);
                        return body;
                    }
                    Accept(TokenKind.Comma);
                    body.Add(new CloseBraceSyntax(t.Span));
                    recovering = false;
                    break;
                case TokenKind.Comma:
                case TokenKind.Semicolon:
                    Advance();
                    break;
                default:
                    if (!recovering && t.Kind != TokenKind.Bad)
                    {
                        Error(t.Span, $"Unexpected {Describe(t)} in a spec: expected a KAPI macro, a '.field = value,' initializer or '}}'");
                    }
                    recovering = true;
                    Advance();
                    break;
            }
        }
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
            && !(Current.Kind == TokenKind.Identifier && (Current.Text.EndsWith("_END", StringComparison.Ordinal) || Current.Text is "KAPI_END_SPEC" or "KAPI_END_IOCTL_SPEC" or "KAPI_IOCTL_END_SPEC")))
        {
            Error(new TextSpan(value.Span.End, 0), $"Expected ',' after the value of '.{field.Text}', found {Describe(Current)}");
        }
        return new FieldAssignmentSyntax(span, field.Text, field.Span, index, value);
    }

    /// <summary>Parses '(' arg, arg, … ')' where each argument is a balanced token run.</summary>
    private List<MacroArgumentSyntax> ParseMacroArguments()
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
                if (depth > MaxDepth)
                {
                    ReportDepth(Current.Span);
                }
                Advance();
            }
            int end = _pos;
            args.Add(MakeArgument(start, end));
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

    private MacroArgumentSyntax MakeArgument(int start, int end)
    {
        if (end <= start)
        {
            var at = new TextSpan(Current.Span.Start, 0);
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
            var sb = new System.Text.StringBuilder();
            for (int i = start; i < end; i++)
            {
                if (i > start) sb.Append(' ');
                sb.Append(_tokens[i].Text);
            }
            raw = sb.ToString();
        }

        // Parse the argument in place, silently (the binder reports when it needs the value): tokens from `end` on
        // read as end of file, diagnostics go to a scratch list.
        int savedPos = _pos, savedLimit = _limit;
        var savedToken = _limitToken;
        var savedDiagnostics = _diagnostics;
        _pos = start;
        _limit = end;
        _limitToken = new Token(TokenKind.EndOfFile, new TextSpan(span.End, 0), string.Empty);
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
