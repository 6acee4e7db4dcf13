namespace Kapi.Architectures;

/// <summary>
/// Built-in values of the UAPI and kernel constants that specs use (MCL_*, O_*, errno, signals, CAP_*, limits …)
/// for every architecture in <see cref="KapiArchitecture"/>. The data (<c>UapiConstants.Data.cs</c>) is written from
/// each architecture's kernel UAPI headers and checked against them by tests (every architecture, compile-only).
/// </summary>
public static partial class UapiConstants
{
    // name -> values indexed by (int)KapiArchitecture; null = not defined on that architecture
    private static readonly Dictionary<string, long?[]> s_table = BuildTable();

    /// <summary>Every constant name in the table.</summary>
    public static IEnumerable<string> Names => s_table.Keys;

    public static bool IsKnown(string name) => s_table.ContainsKey(name);

    private static readonly HashSet<string> s_uniform = BuildUniform();

    /// <summary>True when the constant has the same value on every architecture.</summary>
    public static bool IsUniform(string name) => s_uniform.Contains(name);

    private static HashSet<string> BuildUniform()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kv in s_table)
        {
            var v = kv.Value;
            bool uniform = v[0] is not null;
            for (int i = 1; i < v.Length && uniform; i++) uniform = v[i] == v[0];
            if (uniform) set.Add(kv.Key);
        }
        return set;
    }

    /// <summary>The value of <paramref name="name"/> on <paramref name="arch"/>; false when unknown or undefined there.</summary>
    public static bool TryGetValue(string name, KapiArchitecture arch, out long value)
    {
        if (s_table.TryGetValue(name, out var values) && values[(int)arch] is long v)
        {
            value = v;
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>All per-architecture values (index = (int)KapiArchitecture), or null when the name is unknown.</summary>
    public static long?[]? GetValues(string name) => s_table.TryGetValue(name, out var values) ? (long?[])values.Clone() : null;

    private static Dictionary<string, long?[]> BuildTable()
    {
        var table = new Dictionary<string, long?[]>(StringComparer.Ordinal);
        AddAll(table);
        return table;
    }

    /// <summary>Uniform value on every architecture.</summary>
    private static void U(Dictionary<string, long?[]> t, string name, long value) =>
        t[name] = new long?[] { value, value, value, value, value, value, value, value };

    /// <summary>Values in KapiArchitecture order: x64, x86, arm, arm64, ppc64le, s390x, riscv64, loongarch64.</summary>
    private static void A(Dictionary<string, long?[]> t, string name, long? x64, long? x86, long? arm, long? arm64, long? ppc64le, long? s390x, long? riscv64, long? loongarch64) =>
        t[name] = new long?[] { x64, x86, arm, arm64, ppc64le, s390x, riscv64, loongarch64 };

    static partial void AddAll(Dictionary<string, long?[]> t);
}

/// <summary>
/// Sizes and alignments of the UAPI structs that specs name in <c>sizeof(struct …)</c>, per architecture.
/// </summary>
public static partial class UapiStructs
{
    private static readonly Dictionary<string, (long?[] Size, long?[] Align)> s_table = Build();

    public static bool IsKnown(string tag) => s_table.ContainsKey(tag);

    public static bool TryGetSize(string tag, KapiArchitecture arch, out long size)
    {
        if (s_table.TryGetValue(tag, out var e) && e.Size[(int)arch] is long v) { size = v; return true; }
        size = 0;
        return false;
    }

    public static bool TryGetAlignment(string tag, KapiArchitecture arch, out long align)
    {
        if (s_table.TryGetValue(tag, out var e) && e.Align[(int)arch] is long v) { align = v; return true; }
        align = 0;
        return false;
    }

    private static Dictionary<string, (long?[] Size, long?[] Align)> Build()
    {
        var t = new Dictionary<string, (long?[] Size, long?[] Align)>(StringComparer.Ordinal);
        AddAll(t);
        return t;
    }

    static partial void AddAll(Dictionary<string, (long?[] Size, long?[] Align)> t);
}
