using Kapi.Lexing;

namespace Kapi.Syntax;

/// <summary>A C constant expression as written in a spec, with its span.</summary>
public abstract record ExpressionSyntax(TextSpan Span);

public sealed record NumberLiteralSyntax(TextSpan Span, string Text, ulong Value, bool IsUnsigned, bool IsValid) : ExpressionSyntax(Span);

/// <summary>One or more adjacent string literals, concatenated.</summary>
public sealed record StringLiteralSyntax(TextSpan Span, string Value) : ExpressionSyntax(Span);

public sealed record CharLiteralSyntax(TextSpan Span, ulong Value) : ExpressionSyntax(Span);

public sealed record IdentifierSyntax(TextSpan Span, string Name) : ExpressionSyntax(Span);

public sealed record UnaryExpressionSyntax(TextSpan Span, TokenKind Operator, ExpressionSyntax Operand) : ExpressionSyntax(Span);

public sealed record BinaryExpressionSyntax(TextSpan Span, TokenKind Operator, ExpressionSyntax Left, ExpressionSyntax Right) : ExpressionSyntax(Span);

public sealed record ConditionalExpressionSyntax(TextSpan Span, ExpressionSyntax Condition, ExpressionSyntax WhenTrue, ExpressionSyntax WhenFalse) : ExpressionSyntax(Span);

public sealed record ParenthesizedExpressionSyntax(TextSpan Span, ExpressionSyntax Inner) : ExpressionSyntax(Span);

/// <summary>A C type name such as <c>const s64</c>, <c>struct epoll_event</c>, <c>unsigned long</c>, <c>s64[]</c>.</summary>
public sealed record TypeNameSyntax(TextSpan Span, string Text) : ExpressionSyntax(Span)
{
    /// <summary>The struct/union tag when the type is <c>struct X</c> or <c>union X</c>.</summary>
    public string? Tag
    {
        get
        {
            var parts = Text.Replace("const", string.Empty).Replace("volatile", string.Empty).Trim().Split(' ');
            return parts.Length == 2 && (parts[0] == "struct" || parts[0] == "union") ? parts[1] : null;
        }
    }
}

public sealed record CastExpressionSyntax(TextSpan Span, TypeNameSyntax Type, ExpressionSyntax Operand) : ExpressionSyntax(Span);

/// <summary><c>sizeof(type)</c>, <c>sizeof expr</c>, <c>__alignof__(type)</c>, <c>_Alignof(type)</c>.</summary>
public sealed record SizeofExpressionSyntax(TextSpan Span, string Keyword, ExpressionSyntax Operand) : ExpressionSyntax(Span);

/// <summary>A function-like macro call inside a value: <c>BIT(3)</c>, <c>ARRAY_SIZE(x)</c>, <c>offsetof(struct s, f)</c>, <c>_IOR(...)</c>.</summary>
public sealed record CallExpressionSyntax(TextSpan Span, string Name, TextSpan NameSpan, EquatableArray<ExpressionSyntax> Arguments) : ExpressionSyntax(Span);

/// <summary><c>{ a, b, c }</c> (designators inside are kept as raw assignments).</summary>
public sealed record InitializerListSyntax(TextSpan Span, EquatableArray<ExpressionSyntax> Elements) : ExpressionSyntax(Span);

/// <summary><c>(const s64[]){ a, b }</c>.</summary>
public sealed record CompoundLiteralSyntax(TextSpan Span, TypeNameSyntax Type, InitializerListSyntax Initializer) : ExpressionSyntax(Span);

/// <summary>A designated element inside an initializer list: <c>.name = value</c> or <c>[i] = value</c>.</summary>
public sealed record DesignatedElementSyntax(TextSpan Span, string Designator, ExpressionSyntax Value) : ExpressionSyntax(Span);

/// <summary>Stands in for a missing or unparsable expression (already reported).</summary>
public sealed record MissingExpressionSyntax(TextSpan Span) : ExpressionSyntax(Span);
