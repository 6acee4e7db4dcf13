using Kapi.Architectures;
using Kapi.Collections;
using Kapi.Model;

namespace Kapi.Generators.Planning;

/// <summary>Values per architecture, in KapiArch order; null where unknown.</summary>
internal sealed record ArchValues(EquatableArray<long?> Values)
{
    public static ArchValues From(KapiValue v)
    {
        var a = new long?[KapiArchitectures.Count];
        foreach (var arch in KapiArchitectures.All) a[(int)arch] = v[arch];
        return new ArchValues(new EquatableArray<long?>(a));
    }

    public long? this[KapiArch arch] => Values[(int)arch];

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
