using Kapi.Lexing;
using Kapi.Syntax;

namespace Kapi.Parsing;

/// <summary>C constant expressions, type names and initializer lists.</summary>
public sealed partial class Parser
{
    private static readonly HashSet<string> s_typeWords = new(StringComparer.Ordinal)
    {
        "const", "volatile", "unsigned", "signed", "int", "long", "short", "char", "void", "_Bool", "bool",
        "struct", "union", "enum", "float", "double",
        "s8", "s16", "s32", "s64", "u8", "u16", "u32", "u64",
        "__s8", "__s16", "__s32", "__s64", "__u8", "__u16", "__u32", "__u64",
        "__le16", "__le32", "__le64", "__be16", "__be32", "__be64", "__user", "__kernel",
    };

    internal ExpressionSyntax ParseExpr()
    {
        using var level = EnterNesting(Current.Span);
        if (!level.Entered)
        {
            return SkipNestingLevel();
        }
        return ParseConditional();
    }

    /// <summary>Past the nesting limit: skips the rest of this nesting level (to its closer or a comma).</summary>
    private MissingExpressionSyntax SkipNestingLevel()
    {
        var span = Current.Span;
        int d = 0;
        while (Current.Kind != TokenKind.EndOfFile)
        {
            var k = Current.Kind;
            if (k is TokenKind.OpenParen or TokenKind.OpenBrace or TokenKind.OpenBracket) d++;
            else if (k is TokenKind.CloseParen or TokenKind.CloseBrace or TokenKind.CloseBracket) { if (d == 0) break; d--; }
            else if (d == 0 && k == TokenKind.Comma) break;
            Advance();
        }
        return new MissingExpressionSyntax(span);
    }

    private ExpressionSyntax ParseConditional()
    {
        var cond = ParseBinary(0);
        if (Current.Kind == TokenKind.Question)
        {
            Advance();
            var a = ParseExpr();
            if (!Accept(TokenKind.Colon)) Error(Current.Span, "Expected ':' in a conditional expression");
            var b = ParseExpr();
            return new ConditionalExpressionSyntax(cond.Span.Cover(b.Span), cond, a, b);
        }
        return cond;
    }

    private static int Precedence(TokenKind k) => k switch
    {
        TokenKind.BarBar => 1,
        TokenKind.AmpAmp => 2,
        TokenKind.Bar => 3,
        TokenKind.Caret => 4,
        TokenKind.Amp => 5,
        TokenKind.EqualsEquals or TokenKind.BangEquals => 6,
        TokenKind.Less or TokenKind.Greater or TokenKind.LessEquals or TokenKind.GreaterEquals => 7,
        TokenKind.LessLess or TokenKind.GreaterGreater => 8,
        TokenKind.Plus or TokenKind.Minus => 9,
        TokenKind.Star or TokenKind.Slash or TokenKind.Percent => 10,
        _ => -1,
    };

    private ExpressionSyntax ParseBinary(int minPrec)
    {
        var left = ParseUnary();
        while (true)
        {
            var op = Current.Kind;
            int prec = Precedence(op);
            if (prec < 0 || prec <= minPrec - 1 || prec < minPrec) break;
            Advance();
            var right = ParseBinary(prec + 1);
            left = new BinaryExpressionSyntax(left.Span.Cover(right.Span), op, left, right);
        }
        return left;
    }

    private ExpressionSyntax ParseUnary()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Minus:
            case TokenKind.Plus:
            case TokenKind.Tilde:
            case TokenKind.Bang:
                {
                    Advance();
                    using var level = EnterNesting(t.Span);
                    if (!level.Entered)
                    {
                        return new MissingExpressionSyntax(t.Span);
                    }
                    var operand = ParseUnary();
                    return new UnaryExpressionSyntax(t.Span.Cover(operand.Span), t.Kind, operand);
                }
            case TokenKind.OpenParen:
                {
                    // cast or compound literal?
                    int save = _pos;
                    Advance();
                    var type = TryParseTypeName(TokenKind.CloseParen);
                    if (type is not null && Current.Kind == TokenKind.CloseParen)
                    {
                        var close = Advance();
                        if (Current.Kind == TokenKind.OpenBrace)
                        {
                            var init = ParseInitializerList();
                            return new CompoundLiteralSyntax(t.Span.Cover(init.Span), type, init);
                        }
                        using var level = EnterNesting(t.Span);
                        if (!level.Entered)
                        {
                            return new MissingExpressionSyntax(t.Span);
                        }
                        var operand = ParseUnary();
                        _ = close;
                        return new CastExpressionSyntax(t.Span.Cover(operand.Span), type, operand);
                    }
                    _pos = save;
                    break;
                }
        }
        return ParsePrimary();
    }

    private ExpressionSyntax ParsePrimary()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new NumberLiteralSyntax(t.Span, t.Text, t.Number, t.IsUnsigned, t.IsValid);
            case TokenKind.Char:
                Advance();
                return new CharLiteralSyntax(t.Span, t.Number);
            case TokenKind.String:
                {
                    Advance();
                    if (Current.Kind != TokenKind.String) return new StringLiteralSyntax(t.Span, t.Value ?? string.Empty);
                    // adjacent literals concatenate ("a" "b")
                    var sb = StringBuilderCache.Acquire().Append(t.Value);
                    var span = t.Span;
                    while (Current.Kind == TokenKind.String)
                    {
                        var s = Advance();
                        sb.Append(s.Value);
                        span = span.Cover(s.Span);
                    }
                    return new StringLiteralSyntax(span, StringBuilderCache.ToStringAndRelease(sb));
                }
            case TokenKind.Identifier:
                {
                    Advance();
                    if (t.Text is "sizeof" or "__alignof__" or "_Alignof" or "alignof" or "__alignof")
                    {
                        if (Current.Kind == TokenKind.OpenParen)
                        {
                            int save = _pos;
                            Advance();
                            var type = TryParseTypeName(TokenKind.CloseParen);
                            if (type is not null && Current.Kind == TokenKind.CloseParen)
                            {
                                var close = Advance();
                                return new SizeofExpressionSyntax(TextSpan.FromBounds(t.Span.Start, close.Span.End), t.Text, type);
                            }
                            _pos = save;
                        }
                        var operand = ParseUnary();
                        return new SizeofExpressionSyntax(t.Span.Cover(operand.Span), t.Text, operand);
                    }
                    if (Current.Kind == TokenKind.OpenParen)
                    {
                        var open = Advance();
                        var args = new List<ExpressionSyntax>();
                        if (Current.Kind != TokenKind.CloseParen)
                        {
                            while (true)
                            {
                                // offsetof(struct x, f) and similar take type names
                                var type = TryTypeArgument();
                                args.Add(type is not null ? type : ParseExpr());
                                if (Accept(TokenKind.Comma)) continue;
                                break;
                            }
                        }
                        var endSpan = Current.Span;
                        if (!Accept(TokenKind.CloseParen))
                        {
                            Error(open.Span, $"Unclosed '(' after '{t.Text}'");
                            endSpan = args.Count > 0 ? args[args.Count - 1].Span : open.Span;
                        }
                        return new CallExpressionSyntax(TextSpan.FromBounds(t.Span.Start, endSpan.End), t.Text, t.Span, args.ToEquatableArray());
                    }
                    return new IdentifierSyntax(t.Span, t.Text);
                }
            case TokenKind.OpenParen:
                {
                    var open = Advance();
                    var inner = ParseExpr();
                    var close = Current;
                    if (!Accept(TokenKind.CloseParen))
                    {
                        Error(open.Span, "Unclosed '('");
                        return new ParenthesizedExpressionSyntax(open.Span.Cover(inner.Span), inner);
                    }
                    return new ParenthesizedExpressionSyntax(TextSpan.FromBounds(open.Span.Start, close.Span.End), inner);
                }
            case TokenKind.OpenBrace:
                return ParseInitializerList();
            default:
                Error(t.Span.Length == 0 ? t.Span : t.Span, $"Expected a value, found {Describe(t)}");
                // do not consume structural tokens; consume anything else to make progress
                if (t.Kind is not (TokenKind.EndOfFile or TokenKind.Comma or TokenKind.CloseParen or TokenKind.CloseBrace or TokenKind.CloseBracket or TokenKind.Semicolon))
                {
                    Advance();
                }
                return new MissingExpressionSyntax(PointBefore(t.Span));
        }
    }

    private TypeNameSyntax? TryTypeArgument()
    {
        if (Current.Kind != TokenKind.Identifier) return null;
        if (!(Current.Text is "struct" or "union" or "enum")) return null;
        int save = _pos;
        var type = TryParseTypeName(TokenKind.Comma);
        if (type is not null && (Current.Kind == TokenKind.Comma || Current.Kind == TokenKind.CloseParen)) return type;
        _pos = save;
        return null;
    }

    private static bool IsTypeWord(string s) => s_typeWords.Contains(s) || (s.EndsWith("_t", StringComparison.Ordinal) && s.Length > 2);

    /// <summary>Tries to read a type name up to (not including) <paramref name="terminator"/>.</summary>
    private TypeNameSyntax? TryParseTypeName(TokenKind terminator)
    {
        int save = _pos;
        if (Current.Kind != TokenKind.Identifier || !IsTypeWord(Current.Text))
        {
            return null;
        }
        var start = Current.Span;
        var end = start;
        var sb = StringBuilderCache.Acquire();
        bool expectTag = false;
        while (true)
        {
            var t = Current;
            if (t.Kind == TokenKind.Identifier && (expectTag || IsTypeWord(t.Text) || sb.Length == 0))
            {
                if (sb.Length > 0) sb.Append(' ');
                sb.Append(t.Text);
                expectTag = t.Text is "struct" or "union" or "enum";
                end = t.Span;
                Advance();
                continue;
            }
            if (t.Kind == TokenKind.Star)
            {
                sb.Append('*');
                end = t.Span;
                Advance();
                continue;
            }
            if (t.Kind == TokenKind.OpenBracket)
            {
                Advance();
                if (Current.Kind == TokenKind.Number) Advance();
                if (Current.Kind != TokenKind.CloseBracket)
                {
                    _pos = save;
                    return null;
                }
                end = Advance().Span;
                sb.Append("[]");
                continue;
            }
            break;
        }
        if (expectTag || (Current.Kind != terminator && Current.Kind != TokenKind.CloseParen))
        {
            _pos = save;
            return null;
        }
        return new TypeNameSyntax(TextSpan.FromBounds(start.Start, end.End), StringBuilderCache.ToStringAndRelease(sb));
    }

    private InitializerListSyntax ParseInitializerList()
    {
        var open = Advance(); // {
        var elements = new List<ExpressionSyntax>();
        using var level = EnterNesting(open.Span);
        if (!level.Entered)
        {
            _pos--;
            SkipBalanced();
            return new InitializerListSyntax(open.Span, EquatableArray<ExpressionSyntax>.Empty);
        }
        while (Current.Kind != TokenKind.CloseBrace && Current.Kind != TokenKind.EndOfFile)
        {
            int before = _pos;
            if (Current.Kind == TokenKind.Dot && PeekToken().Kind == TokenKind.Identifier)
            {
                var dot = Advance();
                var field = Advance();
                string designator = field.Text;
                if (Accept(TokenKind.OpenBracket))
                {
                    var idx = ParseExpr();
                    Accept(TokenKind.CloseBracket);
                    designator += "[" + (idx is NumberLiteralSyntax n ? n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?") + "]";
                }
                if (!Accept(TokenKind.Equals)) Error(Current.Span, $"Expected '=' after '.{field.Text}'");
                var v = ParseExpr();
                elements.Add(new DesignatedElementSyntax(dot.Span.Cover(v.Span), designator, v));
            }
            else if (Current.Kind == TokenKind.OpenBracket)
            {
                var ob = Advance();
                var idx = ParseExpr();
                Accept(TokenKind.CloseBracket);
                Accept(TokenKind.Equals);
                var v = ParseExpr();
                elements.Add(new DesignatedElementSyntax(ob.Span.Cover(v.Span), "[" + (idx is NumberLiteralSyntax n ? n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?") + "]", v));
            }
            else
            {
                elements.Add(ParseExpr());
            }
            if (!Accept(TokenKind.Comma))
            {
                if (Current.Kind != TokenKind.CloseBrace)
                {
                    Error(Current.Span, $"Expected ',' or '}}' in an initializer list, found {Describe(Current)}");
                    if (_pos == before) Advance();
                    // resynchronise on the closing brace or a comma
                    while (Current.Kind is not (TokenKind.CloseBrace or TokenKind.Comma or TokenKind.EndOfFile)) Advance();
                    Accept(TokenKind.Comma);
                }
            }
        }
        var close = Current;
        if (!Accept(TokenKind.CloseBrace))
        {
            Error(open.Span, "Unclosed '{'");
            return new InitializerListSyntax(open.Span, elements.ToEquatableArray());
        }
        return new InitializerListSyntax(TextSpan.FromBounds(open.Span.Start, close.Span.End), elements.ToEquatableArray());
    }
}
