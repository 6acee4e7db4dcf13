using System.Collections;

namespace Kapi.Collections;

/// <summary>
/// An immutable array with value equality, so that models holding collections compare by content
/// (incremental generator caching relies on this).
/// </summary>
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    private readonly T[]? _items;

    public EquatableArray(T[] items) => _items = items;

    public EquatableArray(IEnumerable<T> items)
    {
        if (items is ICollection<T> collection)
        {
            var array = new T[collection.Count];
            collection.CopyTo(array, 0);
            _items = array;
        }
        else
        {
            _items = new List<T>(items).ToArray();
        }
    }

    public static EquatableArray<T> Empty => new(Array.Empty<T>());

    public int Count => _items?.Length ?? 0;

    public bool IsEmpty => Count == 0;

    public T this[int index] => (_items ?? Array.Empty<T>())[index];

    public bool Equals(EquatableArray<T> other)
    {
        var a = _items ?? Array.Empty<T>();
        var b = other._items ?? Array.Empty<T>();
        if (a.Length != b.Length) return false;
        var cmp = EqualityComparer<T>.Default;
        for (int i = 0; i < a.Length; i++)
        {
            if (!cmp.Equals(a[i], b[i])) return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        unchecked
        {
            int hash = 17;
            var cmp = EqualityComparer<T>.Default;
            foreach (var item in _items ?? Array.Empty<T>())
            {
                hash = hash * 31 + (item is null ? 0 : cmp.GetHashCode(item));
            }
            return hash;
        }
    }

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    public T[] ToArray() => (T[])(_items ?? Array.Empty<T>()).Clone();

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"[{string.Join(", ", _items ?? Array.Empty<T>())}]";
}

public static class EquatableArray
{
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) => new(items);

    public static EquatableArray<T> Create<T>(params T[] items) => new(items);
}
