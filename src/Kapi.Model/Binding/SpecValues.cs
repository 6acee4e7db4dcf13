using Kapi.Architectures;
using Kapi.Diagnostics;
using Kapi.Lexing;
using Kapi.Model;
using Kapi.Syntax;
using Kapi.Text;
using Kapi.Vocabulary;

namespace Kapi.Binding;

/// <summary>
/// Turns the expressions of one spec file into model values: numbers on every architecture (reporting an unknown or
/// bad constant once, at its span), strings, arrays, the named flags of a mask, and vocabulary terms.
/// </summary>
internal sealed class SpecValues
{
    private readonly FileSymbols _symbols;
    private readonly Action<KapiDiagnosticDescriptor, TextSpan, object?[]> _report;
    private readonly ConstantEvaluator[] _evaluators;
    private int _suggestionBudget = 64;

    public SpecValues(FileSymbols symbols, Action<KapiDiagnosticDescriptor, TextSpan, object?[]> report)
    {
        _symbols = symbols;
        _report = report;
        _evaluators = KapiArchitectures.All.Select(a => new ConstantEvaluator(symbols, a)).ToArray();
    }

    public FileSymbols Symbols => _symbols;

    private void Report(KapiDiagnosticDescriptor descriptor, TextSpan span, params object?[] args) => _report(descriptor, span, args);

    // ------------------------------------------------------------------ numbers

    /// <summary>Evaluates an expression on every architecture and reports the first failure once.</summary>
    private readonly long?[] _values = new long?[KapiArchitectures.Count];

    public KapiValue Evaluate(ExpressionSyntax e)
    {
        // the values are copied into the KapiValue: one array per SpecValues (evaluation does not re-enter Evaluate)
        var values = _values;
        Array.Clear(values, 0, values.Length);
        ConstantEvaluator.Failure? failure = null;
        foreach (var arch in KapiArchitectures.All)
        {
            var ev = _evaluators[(int)arch];
            values[(int)arch] = ev.Evaluate(e);
            failure ??= ev.LastFailure;
            if (failure is not null && failure.IsUnknownName) break; // unknown everywhere
            if (arch == KapiArchitecture.X64 && !ev.UsedArchDependentValue && !ev.UndefinedOnArch)
            {
                // nothing architecture-specific was used: the value is the same everywhere
                for (int i = 1; i < values.Length; i++) values[i] = values[0];
                break;
            }
        }
        if (failure is not null)
        {
            if (failure.IsUnknownName)
            {
                ReportUnknownName(failure.Span, failure.Text, string.Empty);
                for (int i = 0; i < values.Length; i++) values[i] = null;
            }
            else
            {
                Report(KapiDiagnostics.BadConstantExpression, failure.Span, Lexer.Truncate(failure.Text), failure.Reason);
            }
        }
        return KapiValue.FromArray(ExpressionPrinter.Print(e), values, IsLiteral(e));
    }

    /// <summary>The value on x86-64 (counts, indexes, booleans), reporting failures as <see cref="Evaluate"/> does.</summary>
    public long? EvaluateX64(ExpressionSyntax e) => Evaluate(e).X64;

    /// <summary>An index: on failure "an index must be an integer constant".</summary>
    public long? EvaluateIndex(ExpressionSyntax e)
    {
        var ev = _evaluators[0];
        var v = ev.Evaluate(e);
        if (v is null)
        {
            var f = ev.LastFailure;
            Report(KapiDiagnostics.BadConstantExpression, f?.Span ?? e.Span, f?.Text ?? ExpressionPrinter.Print(e), "an index must be an integer constant" + (f is null ? string.Empty : $" ({f.Reason})"));
        }
        return v;
    }

    private static bool IsLiteral(ExpressionSyntax e)
    {
        while (e is ParenthesizedExpressionSyntax p) e = p.Inner;
        if (e is UnaryExpressionSyntax { Operator: TokenKind.Minus or TokenKind.Plus } u) e = u.Operand;
        return e is NumberLiteralSyntax or CharLiteralSyntax;
    }

    private void ReportUnknownName(TextSpan span, string name, string hint)
    {
        string? suggestion = SuggestConstant(name);
        Report(KapiDiagnostics.UnknownConstant, span, name, (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)") + hint);
    }

    private string? SuggestConstant(string name)
    {
        if (_suggestionBudget-- <= 0) return null;
        WorkCounter.Tick();
        // the built-in names' closest is the same in every file: searched once per name
        return Suggestions.Closest(name, s_builtInNames, s_builtInClosest, _symbols.DefineNames.Concat(_symbols.ArrayNames));
    }

    private static readonly string[] s_builtInNames = UapiConstants.Names.Concat(KapiVocabulary.Names).ToArray();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string? Best, int Distance)> s_builtInClosest = new(StringComparer.Ordinal);

    // ------------------------------------------------------------------ strings

    /// <summary>A string field: the literal, a string macro or #define, else the identifier or expression as written.</summary>
    public string? Text(ExpressionSyntax e)
    {
        e = Unparenthesize(e);
        switch (e)
        {
            case StringLiteralSyntax str:
                return str.Value;
            case IdentifierSyntax id:
                if (id.Name == "NULL") return null;
                if (KapiVocabulary.TryGetString(id.Name, out var sv)) return sv;
                if (_symbols.TryGetDefine(id.Name, out var d) && d is StringLiteralSyntax ds) return ds.Value;
                return id.Name;
            default:
                return ExpressionPrinter.Print(e);
        }
    }

    /// <summary>True for a string literal, <c>NULL</c>, a string macro or a #define of a string.</summary>
    public bool IsString(ExpressionSyntax e)
    {
        e = Unparenthesize(e);
        return e switch
        {
            StringLiteralSyntax => true,
            IdentifierSyntax id => id.Name == "NULL" || KapiVocabulary.TryGetString(id.Name, out _) || (_symbols.TryGetDefine(id.Name, out var d) && d is StringLiteralSyntax),
            _ => false,
        };
    }

    // ------------------------------------------------------------------ arrays

    /// <summary>The elements of an array value: a compound literal, an initializer list, or the name of a file-scope array.</summary>
    public List<ExpressionSyntax>? Elements(ExpressionSyntax e, string field)
    {
        for (int guard = 0; guard < 16; guard++)
        {
            switch (e)
            {
                case ParenthesizedExpressionSyntax p:
                    e = p.Inner;
                    continue;
                case CastExpressionSyntax c:
                    e = c.Operand;
                    continue;
                case CompoundLiteralSyntax cl:
                    return cl.Initializer.Elements.ToList();
                case InitializerListSyntax list:
                    return list.Elements.ToList();
                case IdentifierSyntax id:
                    if (_symbols.TryGetArray(id.Name, out var arr)) return arr.ToList();
                    if (_symbols.TryGetDefine(id.Name, out var d))
                    {
                        e = d;
                        continue;
                    }
                    if (id.Name == "NULL") return new List<ExpressionSyntax>();
                    ReportUnknownName(id.Span, id.Name, " (an array defined in another file?)");
                    return null;
                default:
                    Report(KapiDiagnostics.WrongArgumentType, e.Span, 1, "." + field, "an array (a compound literal or the name of a static array)");
                    return null;
            }
        }
        return null;
    }

    public EquatableArray<KapiValue> Numbers(ExpressionSyntax e, string field) =>
        (Elements(e, field) ?? new List<ExpressionSyntax>()).Select(Evaluate).ToEquatableArray();

    public EquatableArray<string> Texts(ExpressionSyntax e, string field) =>
        (Elements(e, field) ?? new List<ExpressionSyntax>()).Select(x => x is StringLiteralSyntax str ? str.Value : ExpressionPrinter.Print(x)).ToEquatableArray();

    public EquatableArray<KapiNamedValue> NamedNumbers(ExpressionSyntax e, string field)
    {
        var elements = Elements(e, field);
        if (elements is null) return EquatableArray<KapiNamedValue>.Empty;
        return elements.Select(x => new KapiNamedValue(NameOf(x), Evaluate(x))).ToEquatableArray();
    }

    private static string NameOf(ExpressionSyntax e)
    {
        e = Unparenthesize(e);
        return e is IdentifierSyntax id ? id.Name : ExpressionPrinter.Print(e);
    }

    /// <summary>The named flags of a mask: the leaves of its '|' tree (through parentheses and #defines).</summary>
    public EquatableArray<KapiNamedValue> MaskFlags(ExpressionSyntax mask)
    {
        var result = new List<KapiNamedValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leaf in OrLeaves(mask))
        {
            string n = NameOf(leaf);
            if (seen.Add(n)) result.Add(new KapiNamedValue(n, Evaluate(leaf)));
        }
        return result.ToEquatableArray();
    }

    /// <summary>The operands of a '|' tree, through parentheses and object-like #defines of '|' expressions.</summary>
    private List<ExpressionSyntax> OrLeaves(ExpressionSyntax e)
    {
        var leaves = new List<ExpressionSyntax>();
        var pending = new Stack<(ExpressionSyntax Expression, int Depth)>();
        pending.Push((e, 0));
        while (pending.Count > 0)
        {
            var (x, depth) = pending.Pop();
            if (depth > 1000) continue;
            switch (x)
            {
                case ParenthesizedExpressionSyntax p:
                    pending.Push((p.Inner, depth + 1));
                    break;
                case BinaryExpressionSyntax { Operator: TokenKind.Bar } b:
                    pending.Push((b.Right, depth + 1));
                    pending.Push((b.Left, depth + 1));
                    break;
                case IdentifierSyntax id when _symbols.TryGetDefine(id.Name, out var d) && (d is BinaryExpressionSyntax { Operator: TokenKind.Bar } || d is ParenthesizedExpressionSyntax):
                    pending.Push((d, depth + 1));
                    break;
                default:
                    leaves.Add(x);
                    break;
            }
        }
        return leaves;
    }

    // ------------------------------------------------------------------ vocabulary

    /// <summary>
    /// A vocabulary value: the OR of the members its identifiers name (a name of another family is reported), or the
    /// evaluated number where the spec writes a number. Null when nothing can be made of it.
    /// </summary>
    public KapiTerm<T>? Term<T>(ExpressionSyntax e)
        where T : struct, Enum
    {
        long bits = 0;
        foreach (var leaf in OrLeaves(e))
        {
            var x = Unparenthesize(leaf);
            if (x is IdentifierSyntax id)
            {
                if (KapiVocabulary.TryGetMember<T>(id.Name, out var member))
                {
                    bits |= Convert.ToInt64(member, System.Globalization.CultureInfo.InvariantCulture);
                    continue;
                }
                if (KapiVocabulary.FamilyOf(id.Name) is { } other)
                {
                    Report(KapiDiagnostics.WrongVocabulary, id.Span, id.Name, KapiVocabulary.PrefixOf(other) + "*", KapiVocabulary.PrefixOf(typeof(T)) + "*");
                    return null;
                }
            }
            if (EvaluateX64(x) is not long number) return null;
            bits |= number;
        }
        return new KapiTerm<T>((T)Enum.ToObject(typeof(T), bits), ExpressionPrinter.Print(e));
    }

    /// <summary>The errno an error code names: <c>-EINVAL</c>, <c>EINVAL</c> or <c>(-EINVAL)</c> give <c>EINVAL</c>.</summary>
    public static string? ErrnoName(ExpressionSyntax e)
    {
        e = Unparenthesize(e);
        if (e is UnaryExpressionSyntax { Operator: TokenKind.Minus } u) e = Unparenthesize(u.Operand);
        return e is IdentifierSyntax id && id.Name.Length > 1 && id.Name[0] == 'E' && id.Name.All(static c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_') ? id.Name : null;
    }

    private static ExpressionSyntax Unparenthesize(ExpressionSyntax e)
    {
        while (e is ParenthesizedExpressionSyntax p) e = p.Inner;
        return e;
    }
}
