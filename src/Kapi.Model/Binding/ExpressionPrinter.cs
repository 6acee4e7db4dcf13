using System.Text;
using Kapi.Lexing;
using Kapi.Syntax;
using Kapi.Text;

namespace Kapi.Binding;

/// <summary>Prints an expression in a canonical form (no comments, normalised spacing): the symbolic text kept in the model.</summary>
public static class ExpressionPrinter
{
    public static string Print(ExpressionSyntax e)
    {
        var sb = StringBuilderCache.Acquire();
        Print(e, sb, 0);
        return StringBuilderCache.ToStringAndRelease(sb);
    }

    private static void Print(ExpressionSyntax e, StringBuilder sb, int depth)
    {
        if (depth > 200)
        {
            sb.Append("…");
            return;
        }
        switch (e)
        {
            case NumberLiteralSyntax n: sb.Append(n.Text); break;
            case StringLiteralSyntax s: sb.Append('"').Append(EscapeC(s.Value)).Append('"'); break;
            case CharLiteralSyntax c: sb.Append('\'').Append(EscapeC(((char)c.Value).ToString())).Append('\''); break;
            case IdentifierSyntax id: sb.Append(id.Name); break;
            case UnaryExpressionSyntax u: sb.Append(Op(u.Operator)); Print(u.Operand, sb, depth + 1); break;
            case BinaryExpressionSyntax b:
                Print(b.Left, sb, depth + 1);
                sb.Append(' ').Append(Op(b.Operator)).Append(' ');
                Print(b.Right, sb, depth + 1);
                break;
            case ConditionalExpressionSyntax c:
                Print(c.Condition, sb, depth + 1); sb.Append(" ? ");
                Print(c.WhenTrue, sb, depth + 1); sb.Append(" : ");
                Print(c.WhenFalse, sb, depth + 1);
                break;
            case ParenthesizedExpressionSyntax p: sb.Append('('); Print(p.Inner, sb, depth + 1); sb.Append(')'); break;
            case TypeNameSyntax t: sb.Append(t.Text); break;
            case CastExpressionSyntax c: sb.Append('(').Append(c.Type.Text).Append(')'); Print(c.Operand, sb, depth + 1); break;
            case SizeofExpressionSyntax s: sb.Append(s.Keyword).Append('('); Print(s.Operand is ParenthesizedExpressionSyntax pp ? pp.Inner : s.Operand, sb, depth + 1); sb.Append(')'); break;
            case CallExpressionSyntax { Name: ConstantEvaluator.ArchitectureFunction, Arguments.Count: 2 } arch:
                // a kernel-doc 'arch-mask: powerpc = BITS' (upstream generates '#ifdef CONFIG_POWERPC | (BITS) #endif')
                sb.Append('(');
                Print(arch.Arguments[1], sb, depth + 1);
                sb.Append(" on ");
                Print(arch.Arguments[0], sb, depth + 1);
                sb.Append(')');
                break;
            case CallExpressionSyntax call:
                sb.Append(call.Name).Append('(');
                for (int i = 0; i < call.Arguments.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Print(call.Arguments[i], sb, depth + 1);
                }
                sb.Append(')');
                break;
            case InitializerListSyntax list:
                sb.Append('{');
                for (int i = 0; i < list.Elements.Count; i++)
                {
                    sb.Append(i > 0 ? ", " : " ");
                    Print(list.Elements[i], sb, depth + 1);
                }
                sb.Append(list.Elements.Count > 0 ? " }" : "}");
                break;
            case CompoundLiteralSyntax cl: sb.Append('(').Append(cl.Type.Text).Append(')'); Print(cl.Initializer, sb, depth + 1); break;
            case DesignatedElementSyntax d: sb.Append(d.Designator.StartsWith("[") ? string.Empty : ".").Append(d.Designator).Append(" = "); Print(d.Value, sb, depth + 1); break;
            case MissingExpressionSyntax: sb.Append("?"); break;
        }
    }

    internal static string Op(TokenKind k) => k switch
    {
        TokenKind.Minus => "-",
        TokenKind.Plus => "+",
        TokenKind.Tilde => "~",
        TokenKind.Bang => "!",
        TokenKind.Bar => "|",
        TokenKind.BarBar => "||",
        TokenKind.Amp => "&",
        TokenKind.AmpAmp => "&&",
        TokenKind.Caret => "^",
        TokenKind.LessLess => "<<",
        TokenKind.GreaterGreater => ">>",
        TokenKind.Less => "<",
        TokenKind.Greater => ">",
        TokenKind.LessEquals => "<=",
        TokenKind.GreaterEquals => ">=",
        TokenKind.EqualsEquals => "==",
        TokenKind.BangEquals => "!=",
        TokenKind.Star => "*",
        TokenKind.Slash => "/",
        TokenKind.Percent => "%",
        _ => k.ToString(),
    };

    private static string EscapeC(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (c < ' ') sb.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }
}
