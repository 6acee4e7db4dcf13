using Microsoft.CodeAnalysis;

namespace Kapi.Analyzers.Flags;

/// <summary>
/// Full-name checks without formatting every symbol: the simple name is compared first, and the namespace chain is
/// walked only when it matches (ToDisplayString on every property or method reference was a fifth of the analyzer's time).
/// </summary>
internal static class SymbolNames
{
    /// <summary>True when <paramref name="symbol"/>'s fully qualified name (namespaces and containing types, dotted) is <paramref name="fullName"/>.</summary>
    public static bool Is(ISymbol? symbol, string fullName)
    {
        int end = fullName.Length;
        for (var s = symbol; s is not null; s = s.ContainingSymbol)
        {
            if (s is INamespaceSymbol { IsGlobalNamespace: true }) return end == 0;
            string name = s.Name;
            int start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(fullName, start, name, 0, name.Length) != 0) return false;
            if (start == 0) return s.ContainingSymbol is null or INamespaceSymbol { IsGlobalNamespace: true };
            if (fullName[start - 1] != '.') return false;
            end = start - 1;
        }
        return false;
    }
}

/// <summary>A symbol as a dictionary key, compared with <see cref="SymbolEqualityComparer.Default"/>.</summary>
internal readonly struct SymbolKey : IEquatable<SymbolKey>
{
    public SymbolKey(ISymbol symbol) => Symbol = symbol;

    public ISymbol Symbol { get; }

    public bool Equals(SymbolKey other) => SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol);

    public override bool Equals(object? obj) => obj is SymbolKey other && Equals(other);

    public override int GetHashCode() => SymbolEqualityComparer.Default.GetHashCode(Symbol);
}
