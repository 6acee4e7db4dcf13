using System.Collections.Generic;
using Kapi.Syntax;
using Kapi.Text;

namespace Kapi.Binding;

/// <summary>A value assigned to a field, with where it was written.</summary>
internal sealed record FieldValue(ExpressionSyntax Expression, TextSpan Span, bool ImpliedCount = false);

/// <summary>An open or finished sub-object of a spec while binding: its fields and nested items.</summary>
internal sealed class Scope
{
    public Scope(ScopeKind kind, string? arrayField, int index, TextSpan span, string openedBy, bool closedByBrace)
    {
        Kind = kind;
        ArrayField = arrayField;
        Index = index;
        Span = span;
        OpenedBy = openedBy;
        ClosedByBrace = closedByBrace;
    }

    public ScopeKind Kind { get; }

    public string? ArrayField { get; }

    public int Index { get; }

    public TextSpan Span { get; }

    /// <summary>The macro or designator that opened the scope (for messages).</summary>
    public string OpenedBy { get; }

    /// <summary>Opened by a raw <c>.field = {</c>: closed by <c>}</c>, not by a *_END macro.</summary>
    public bool ClosedByBrace { get; }

    /// <summary>True for a placeholder opened by an unknown designator, only to keep braces balanced.</summary>
    public bool IsPlaceholder { get; init; }

    public Dictionary<string, FieldValue> Fields { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, SortedDictionary<int, Scope>> Arrays { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, Scope> Singles { get; } = new(System.StringComparer.Ordinal);

    public IEnumerable<Scope> Items(string arrayField) =>
        Arrays.TryGetValue(arrayField, out var items) ? items.Values : System.Array.Empty<Scope>();

    public Scope? Single(string field) => Singles.TryGetValue(field, out var s) ? s : null;
}
