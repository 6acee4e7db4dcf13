using System.Runtime.CompilerServices;

namespace Kapi.Analyzers.Flags;

/// <summary>
/// Compares by reference (what <c>ReferenceEqualityComparer</c> does on .NET 5+, which netstandard2.0 lacks), for
/// caches keyed by interned instances: <see cref="ParamTarget"/>'s value equality compares flag lists and name sets,
/// and two different targets of one call (a generated binding's enum and raw overloads) share a hash code.
/// </summary>
internal sealed class IdentityComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static IdentityComparer<T> Instance { get; } = new();

    private IdentityComparer()
    {
    }

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
