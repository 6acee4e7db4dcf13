using System.Collections;

namespace Kapi.Analyzers.Flags;

/// <summary>
/// The names of the constants a proven value was built from: a small immutable set kept as an ordinally sorted array.
/// A value names a handful of constants at most, so a sorted array beats a hash set for building, comparing and
/// hashing (the verdict cache keys on it). Enumerates in ordinal order.
/// </summary>
internal sealed class NameSet : IEquatable<NameSet>, IReadOnlyCollection<string>
{
    private readonly string[] _names;
    private int _hash;

    public static NameSet Empty { get; } = new(Array.Empty<string>());

    private NameSet(string[] sortedDistinct) => _names = sortedDistinct;

    public int Count => _names.Length;

    public bool IsEmpty => _names.Length == 0;

    public static NameSet Of(string name) => new(new[] { name });

    public NameSet Add(string name)
    {
        int index = Array.BinarySearch(_names, name, StringComparer.Ordinal);
        if (index >= 0) return this;
        index = ~index;
        var names = new string[_names.Length + 1];
        Array.Copy(_names, 0, names, 0, index);
        names[index] = name;
        Array.Copy(_names, index, names, index + 1, _names.Length - index);
        return new NameSet(names);
    }

    public NameSet Union(NameSet other)
    {
        if (other._names.Length == 0 || ReferenceEquals(this, other)) return this;
        if (_names.Length == 0) return other;
        // merge two sorted arrays
        var merged = new string[_names.Length + other._names.Length];
        int i = 0, j = 0, n = 0;
        while (i < _names.Length && j < other._names.Length)
        {
            int c = string.CompareOrdinal(_names[i], other._names[j]);
            if (c < 0) merged[n++] = _names[i++];
            else if (c > 0) merged[n++] = other._names[j++];
            else { merged[n++] = _names[i++]; j++; }
        }
        while (i < _names.Length) merged[n++] = _names[i++];
        while (j < other._names.Length) merged[n++] = other._names[j++];
        if (n == _names.Length) return this;
        if (n == other._names.Length) return other;
        Array.Resize(ref merged, n);
        return new NameSet(merged);
    }

    public bool Equals(NameSet? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other._names.Length != _names.Length) return false;
        for (int i = 0; i < _names.Length; i++)
        {
            if (!string.Equals(_names[i], other._names[i], StringComparison.Ordinal)) return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as NameSet);

    public override int GetHashCode()
    {
        int hash = _hash;
        if (hash != 0) return hash;
        hash = 17;
        foreach (var name in _names) hash = unchecked((hash * 31) + StringComparer.Ordinal.GetHashCode(name));
        if (hash == 0) hash = 1;
        _hash = hash;
        return hash;
    }

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_names).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _names.GetEnumerator();

    public override string ToString() => string.Join(", ", _names);
}
