using System.Collections.Generic;
using Kapi.Syntax;
using Kapi.Text;

namespace Kapi.Binding;

/// <summary>A value assigned to a field, with where it was written.</summary>
internal sealed record FieldValue(ExpressionSyntax Expression, TextSpan Span, bool ImpliedCount = false);

/// <summary>An open or finished sub-object of a spec while binding: its fields and nested items.</summary>
/// <param name="kind">What the scope is.</param>
/// <param name="arrayField">The array it is an item of (<c>params</c>), or null for a single sub-object.</param>
/// <param name="index">Its index in that array.</param>
/// <param name="span">Where it was opened.</param>
/// <param name="openedBy">The macro or designator that opened it (for messages).</param>
/// <param name="closedByBrace">Opened by a raw <c>.field = {</c>: closed by <c>}</c>, not by a *_END macro.</param>
internal sealed class Scope(ScopeKind kind, string? arrayField, int index, TextSpan span, string openedBy, bool closedByBrace)
{
    public ScopeKind Kind => kind;

    public string? ArrayField => arrayField;

    public int Index => index;

    public TextSpan Span => span;

    /// <summary>The macro or designator that opened the scope (for messages).</summary>
    public string OpenedBy => openedBy;

    /// <summary>Opened by a raw <c>.field = {</c>: closed by <c>}</c>, not by a *_END macro.</summary>
    public bool ClosedByBrace => closedByBrace;

    /// <summary>True for a placeholder opened by an unknown designator, only to keep braces balanced.</summary>
    public bool IsPlaceholder { get; init; }

    public Dictionary<string, FieldValue> Fields { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, SortedDictionary<int, Scope>> Arrays { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, Scope> Singles { get; } = new(System.StringComparer.Ordinal);

    public IEnumerable<Scope> Items(string arrayField) =>
        Arrays.TryGetValue(arrayField, out var items) ? items.Values : System.Array.Empty<Scope>();

    public Scope? Single(string field) => Singles.TryGetValue(field, out var s) ? s : null;
}
