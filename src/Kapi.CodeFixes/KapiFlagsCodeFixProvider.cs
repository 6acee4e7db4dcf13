using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Kapi.Analyzers;
using Kapi.Analyzers.Flags;
using Kapi.Analyzers.Specs;
using Kapi.Architectures;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Kapi.CodeFixes;

/// <summary>
/// Fixes for flag arguments:
/// "Remove invalid bits" (KAPI2001) drops the operands whose bits are all invalid, keeps the valid named flags and
/// rewrites mixed literals to the named flags in scope; "Use &lt;Enum&gt;" (KAPI2001) replaces a raw value passed to a
/// generated binding's integer overload by its flags enum (valid members only), which selects the enum overload.
/// Both are offered only when the result is a value the specification accepts.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KapiFlagsCodeFixProvider)), Shared]
public sealed class KapiFlagsCodeFixProvider : CodeFixProvider
{
    public const string RemoveInvalidBitsKey = "Kapi.RemoveInvalidBits";
    public const string UseGeneratedEnumKey = "Kapi.UseGeneratedEnum";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(KapiDiagnosticIds.InvalidFlagBits);

    /// <summary>
    /// Fix All that does not depend on which diagnostic comes first: every diagnostic in scope gets its own fix of the
    /// requested kind (the equivalence key), and when no kind is named — `dotnet format` asks with the key of the
    /// first diagnostic's first fix, none when that diagnostic has no fix — its first fix, "Remove invalid bits"
    /// before "Use &lt;Enum&gt;". Diagnostics without a fix stay. Roslyn's batch fixer would fix nothing with no key.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() => FixAll;

    private static readonly FixAllProvider FixAll = FixAllProvider.Create(FixAllInDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return;

        foreach (var diagnostic in context.Diagnostics)
        {
            foreach (var fix in ComputeFixes(root, model, diagnostic, context.CancellationToken))
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(fix.Title, ct => Replace(document, fix.Expression, fix.Replacement, ct), fix.Key),
                    diagnostic);
            }
        }
    }

    /// <summary>The fixes of one diagnostic, in the order the light bulb offers them.</summary>
    private static List<Fix> ComputeFixes(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var fixes = new List<Fix>(2);
        if (diagnostic.Id != KapiDiagnosticIds.InvalidFlagBits || diagnostic.Location.SourceTree != root.SyntaxTree) return fixes;
        var expression = FindExpression(root, diagnostic);
        if (expression is null) return fixes;

        if (RemoveInvalidBits(expression, diagnostic, model, cancellationToken) is { } cleaned)
        {
            fixes.Add(new Fix(RemoveInvalidBitsKey, "Remove invalid bits", expression, cleaned));
        }

        if (diagnostic.Properties.TryGetValue(FlagProperties.EnumOverload, out var enumName) && enumName is not null
            && UseEnum(expression, diagnostic, model, cancellationToken) is { } enumExpression)
        {
            string shortName = enumName.Substring(enumName.LastIndexOf('.') + 1);
            fixes.Add(new Fix(UseGeneratedEnumKey, $"Use {shortName}", expression, enumExpression));
        }
        return fixes;
    }

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var cancellationToken = context.CancellationToken;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return document;

        string? key = context.CodeActionEquivalenceKey;
        bool anyKind = key is not RemoveInvalidBitsKey and not UseGeneratedEnumKey;
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var fix = ComputeFixes(root, model, diagnostic, cancellationToken).FirstOrDefault(f => anyKind || f.Key == key);
            if (fix is null || replacements.ContainsKey(fix.Expression)) continue;
            // Overlapping arguments (a call nested in another's flags) would lose one rewrite: fix the outer one only.
            if (replacements.Keys.Any(n => n.Span.IntersectsWith(fix.Expression.Span))) continue;
            replacements.Add(fix.Expression, Annotate(fix.Replacement, fix.Expression));
        }
        if (replacements.Count == 0) return document;
        return document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }

    private sealed record Fix(string Key, string Title, ExpressionSyntax Expression, ExpressionSyntax Replacement);

    private static ExpressionSyntax? FindExpression(SyntaxNode root, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.SourceSpan;
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        if (node is ArgumentSyntax argument) return argument.Expression;
        while (node.Parent is ExpressionSyntax parent && parent.Span == span) node = parent;
        return node as ExpressionSyntax;
    }

    private static async Task<Document> Replace(Document document, ExpressionSyntax expression, ExpressionSyntax replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;
        return document.WithSyntaxRoot(root.ReplaceNode(expression, Annotate(replacement, expression)));
    }

    private static ExpressionSyntax Annotate(ExpressionSyntax replacement, ExpressionSyntax original) =>
        replacement.WithTriviaFrom(original).WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);

    // ---- Remove invalid bits ----

    private static ExpressionSyntax? RemoveInvalidBits(ExpressionSyntax expression, Diagnostic diagnostic, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!TryGetLong(diagnostic, FlagProperties.ValidMask, out long valid) || !TryGetLong(diagnostic, FlagProperties.Width, out long width)) return null;
        TryGetLong(diagnostic, FlagProperties.RequiredMask, out long required);
        long widthMask = IntegerTypes.WidthMask((int)width);
        valid &= widthMask;
        var flags = ParseFlags(diagnostic.Properties.TryGetValue(FlagProperties.Flags, out var f) ? f : null);
        var parameterType = GetParameterType(expression, model, cancellationToken);
        var prover = new ValueProver(model.Compilation, p => KnownConstants.GetProperty(p, BuiltInSpecLibrary.Catalog));

        var kept = new List<ExpressionSyntax>();
        long result = 0;
        foreach (var operand in FlattenOr(expression))
        {
            if (!TryProve(prover, model, operand, cancellationToken, out long value)) return null;
            long bits = value & widthMask;
            if ((bits & ~valid) == 0)
            {
                kept.Add(operand.WithoutTrivia());
                result |= bits;
            }
            else if ((bits & valid) != 0)
            {
                kept.AddRange(NamedFlags(bits & valid, flags, parameterType, expression, model, cancellationToken));
                result |= bits & valid;
            }
        }
        if (result == 0 || kept.Count == 0) return null;
        if (required != 0 && (result & required) == 0) return null;
        return JoinOr(kept);
    }

    /// <summary>Operands of a top-level | chain (through parentheses); the expression itself otherwise.</summary>
    private static IEnumerable<ExpressionSyntax> FlattenOr(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized) expression = parenthesized.Expression;
        if (expression is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.BitwiseOrExpression))
        {
            foreach (var e in FlattenOr(binary.Left)) yield return e;
            foreach (var e in FlattenOr(binary.Right)) yield return e;
        }
        else
        {
            yield return expression;
        }
    }

    private static bool TryProve(ValueProver prover, SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken, out long value)
    {
        value = 0;
        var operation = model.GetOperation(expression, cancellationToken);
        if (operation is null) return false;
        var proof = prover.Prove(operation, cancellationToken);
        if (proof.Values is not { } values) return false;
        var lane = values[KapiArchitecture.X64] ?? KapiArchitectures.All.Select(a => values[a]).FirstOrDefault(l => l is not null);
        if (lane is null || lane.Length != 1) return false;
        value = lane[0];
        return true;
    }

    /// <summary>
    /// Named flags for <paramref name="bits"/>: enum members when the parameter is an enum, else the constants of
    /// <paramref name="flags"/> that are in scope at the call (or members of the called method's type), else a literal.
    /// </summary>
    private static IEnumerable<ExpressionSyntax> NamedFlags(long bits, IReadOnlyList<(string Name, long Value)> flags, ITypeSymbol? parameterType,
        ExpressionSyntax at, SemanticModel model, CancellationToken cancellationToken)
    {
        long remaining = bits;
        var result = new List<ExpressionSyntax>();
        int position = at.SpanStart;
        if (parameterType is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            string typeName = enumType.ToMinimalDisplayString(model, position);
            foreach (var (name, value) in FlagTargets.EnumMembers(enumType).OrderBy(m => PopCount(m.Value)))
            {
                if (value == 0 || (value & ~remaining) != 0) continue;
                result.Add(SyntaxFactory.ParseExpression(typeName + "." + name));
                remaining &= ~value;
            }
            if (remaining != 0) result.Add(SyntaxFactory.CastExpression(SyntaxFactory.ParseTypeName(typeName), Literal(remaining)));
            return result;
        }

        var calledType = GetCalledMethod(at, model, cancellationToken)?.ContainingType;
        foreach (var (name, value) in flags)
        {
            if (value == 0 || (value & ~remaining) != 0) continue;
            var reference = FindConstant(name, value, calledType, position, model);
            if (reference is null) continue;
            result.Add(reference);
            remaining &= ~value;
        }
        if (remaining != 0) result.Add(Literal(remaining));
        return result;
    }

    private static ExpressionSyntax? FindConstant(string name, long value, INamedTypeSymbol? calledType, int position, SemanticModel model)
    {
        foreach (var symbol in model.LookupSymbols(position, name: name))
        {
            if (HasValue(symbol, value)) return SyntaxFactory.IdentifierName(name);
        }
        if (calledType is not null)
        {
            foreach (var member in calledType.GetMembers(name))
            {
                if (member.IsStatic && model.IsAccessible(position, member) && HasValue(member, value))
                {
                    return SyntaxFactory.ParseExpression(calledType.ToMinimalDisplayString(model, position) + "." + name);
                }
            }
        }
        return null;
    }

    private static bool HasValue(ISymbol symbol, long value)
    {
        switch (symbol)
        {
            case IFieldSymbol { HasConstantValue: true } field:
                return IntegerTypes.TryToInt64(field.ConstantValue, out long fv) && fv == value;
            case ILocalSymbol { HasConstantValue: true } local:
                return IntegerTypes.TryToInt64(local.ConstantValue, out long lv) && lv == value;
            case IPropertySymbol property:
                return KnownConstants.GetProperty(property, BuiltInSpecLibrary.Catalog) is { Values: { } values }
                    && values[KapiArchitecture.X64] is { Length: 1 } lane && lane[0] == value;
            default:
                return false;
        }
    }

    // ---- Use <Enum> ----

    private static ExpressionSyntax? UseEnum(ExpressionSyntax expression, Diagnostic diagnostic, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(FlagProperties.EnumOverload, out var enumName) || enumName is null) return null;
        var members = ParseFlags(diagnostic.Properties.TryGetValue(FlagProperties.EnumFlags, out var ef) ? ef : null);
        if (members.Count == 0) return null;
        TryGetLong(diagnostic, FlagProperties.EnumValidMask, out long valid);
        TryGetLong(diagnostic, FlagProperties.EnumRequiredMask, out long required);
        TryGetLong(diagnostic, FlagProperties.Width, out long width);

        var prover = new ValueProver(model.Compilation, p => KnownConstants.GetProperty(p, BuiltInSpecLibrary.Catalog));
        if (!TryProve(prover, model, expression, cancellationToken, out long value)) return null;
        // The integer overload takes portable bits (the wrapper casts them to the enum), which the enum's members carry.
        long bits = value & IntegerTypes.WidthMask((int)width) & (valid == 0 ? -1L : valid);
        var enumType = model.Compilation.GetTypeByMetadataName(enumName.Replace("global::", string.Empty));
        string typeName = enumType?.ToMinimalDisplayString(model, expression.SpanStart) ?? enumName;

        var parts = new List<ExpressionSyntax>();
        long covered = 0;
        foreach (var (name, memberValue) in members.OrderBy(m => PopCount(m.Value)))
        {
            if (memberValue == 0 || (memberValue & ~(bits & ~covered)) != 0) continue;
            parts.Add(SyntaxFactory.ParseExpression(typeName + "." + name));
            covered |= memberValue;
        }
        if (covered == 0 || (required != 0 && (covered & required) == 0)) return null;
        return JoinOr(parts);
    }

    // ---- helpers ----

    private static ITypeSymbol? GetParameterType(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression.Parent is ArgumentSyntax argument
            && model.GetOperation(argument, cancellationToken) is Microsoft.CodeAnalysis.Operations.IArgumentOperation { Parameter: { } parameter })
        {
            return parameter.Type;
        }
        return null;
    }

    private static IMethodSymbol? GetCalledMethod(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax invocation })
        {
            return model.GetSymbolInfo(invocation, cancellationToken).Symbol as IMethodSymbol;
        }
        return null;
    }

    private static ExpressionSyntax JoinOr(IReadOnlyList<ExpressionSyntax> parts)
    {
        ExpressionSyntax result = parts[0];
        for (int i = 1; i < parts.Count; i++)
        {
            result = SyntaxFactory.BinaryExpression(SyntaxKind.BitwiseOrExpression, result, parts[i]);
        }
        return result;
    }

    private static ExpressionSyntax Literal(long value) =>
        value is >= 0 and <= 9
            ? SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal((int)value))
            : SyntaxFactory.ParseExpression("0x" + value.ToString("X", CultureInfo.InvariantCulture));

    private static int PopCount(long value)
    {
        int count = 0;
        for (ulong v = (ulong)value; v != 0; v &= v - 1) count++;
        return count;
    }

    private static bool TryGetLong(Diagnostic diagnostic, string key, out long value)
    {
        value = 0;
        return diagnostic.Properties.TryGetValue(key, out var text) && text is not null
            && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private static IReadOnlyList<(string Name, long Value)> ParseFlags(string? text)
    {
        var list = new List<(string, long)>();
        if (string.IsNullOrEmpty(text)) return list;
        foreach (var entry in text!.Split(';'))
        {
            int eq = entry.IndexOf('=');
            if (eq <= 0) continue;
            if (long.TryParse(entry.Substring(eq + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out long v)) list.Add((entry.Substring(0, eq), v));
        }
        return list;
    }
}
