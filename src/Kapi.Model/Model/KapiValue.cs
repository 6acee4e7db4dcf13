using System.Text;
using Kapi.Architectures;

namespace Kapi.Model;

/// <summary>
/// A numeric value from a spec: its value on each architecture (null where a constant it uses is unknown or undefined
/// there) and the C expression as written (<see cref="Expression"/>), which is for display only: nothing decides
/// anything from it.
/// </summary>
public sealed record KapiValue(
    string Expression,
    long? X64,
    long? X86,
    long? Arm,
    long? Arm64,
    long? Ppc64le,
    long? S390x,
    long? RiscV64,
    long? LoongArch64)
{
    public long? this[KapiArchitecture arch] => arch switch
    {
        KapiArchitecture.X64 => X64,
        KapiArchitecture.X86 => X86,
        KapiArchitecture.Arm => Arm,
        KapiArchitecture.Arm64 => Arm64,
        KapiArchitecture.Ppc64le => Ppc64le,
        KapiArchitecture.S390x => S390x,
        KapiArchitecture.RiscV64 => RiscV64,
        KapiArchitecture.LoongArch64 => LoongArch64,
        _ => null,
    };

    public long? Get(KapiArchitecture arch) => this[arch];

    /// <summary>True when the spec wrote a plain number (<c>0x7</c>, <c>-1</c>), so the text adds nothing to the value.</summary>
    public bool IsLiteral { get; init; }

    /// <summary>True when every architecture has the same known value.</summary>
    public bool IsUniform
    {
        get
        {
            var first = X64;
            if (first is null) return false;
            foreach (var a in KapiArchitectures.All)
            {
                if (this[a] != first) return false;
            }
            return true;
        }
    }

    /// <summary>True when at least one architecture has a known value.</summary>
    public bool HasAnyValue
    {
        get
        {
            foreach (var a in KapiArchitectures.All)
            {
                if (this[a] is not null) return true;
            }
            return false;
        }
    }

    public static KapiValue Uniform(string expression, long? value) =>
        new(expression, value, value, value, value, value, value, value, value);

    public static KapiValue FromArray(string expression, long?[] values, bool isLiteral = false) =>
        new(expression, values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]) { IsLiteral = isLiteral };

    public override string ToString()
    {
        if (IsUniform) return $"{Expression} = {X64}";
        var sb = new StringBuilder(Expression).Append(" = {");
        foreach (var a in KapiArchitectures.All)
        {
            sb.Append(' ').Append(a.RidName()).Append(": ").Append(this[a]?.ToString() ?? "?");
        }
        return sb.Append(" }").ToString();
    }
}

/// <summary>A named constant that is part of a mask or an enumeration (for example MCL_CURRENT), with its per-architecture value.</summary>
public sealed record KapiNamedValue(string Name, KapiValue Value);
