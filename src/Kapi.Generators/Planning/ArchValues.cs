namespace Kapi.Generators.Planning;

/// <summary>Values per architecture, in KapiArchitecture order; null where unknown.</summary>
internal sealed record ArchValues(EquatableArray<long?> Values)
{
    public static ArchValues From(KapiValue v)
    {
        var a = new long?[KapiArchitectures.Count];
        foreach (var arch in KapiArchitectures.All) a[(int)arch] = v[arch];
        return new ArchValues(new EquatableArray<long?>(a));
    }

    /// <summary>The same value on every architecture.</summary>
    public static ArchValues Uniform(long value)
    {
        var a = new long?[KapiArchitectures.Count];
        for (int i = 0; i < a.Length; i++) a[i] = value;
        return new ArchValues(new EquatableArray<long?>(a));
    }

    /// <summary>These values with <paramref name="missing"/> where a value is unknown.</summary>
    public ArchValues OrElse(long missing)
    {
        var a = new long?[Values.Count];
        for (int i = 0; i < a.Length; i++) a[i] = Values[i] ?? missing;
        return new ArchValues(new EquatableArray<long?>(a));
    }

    public long? this[KapiArchitecture arch] => Values[(int)arch];

    public long? Portable => Values[0];

    public bool IsUniform
    {
        get
        {
            for (int i = 1; i < Values.Count; i++)
            {
                if (Values[i] != Values[0]) return false;
            }
            return true;
        }
    }
}
