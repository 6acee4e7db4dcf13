using Kapi.Runtime.Metadata;

namespace Kapi.Cli.Commands;

/// <summary>
/// A bound spec (read from a file by <c>kapi conform --source</c>) as the runtime metadata the conformance planner
/// reads: the name and, per parameter, what its constraint says (kind, masks, enumerated values, range), with every
/// value per architecture.
/// </summary>
public static class ConformanceSpecs
{
    public static KernelApiSpec FromModel(ApiSpec spec) => new()
    {
        Name = spec.Name,
        Parameters = spec.Params.Select(Parameter).ToArray(),
    };

#pragma warning disable RS0030 // display: the texts are carried into the metadata's display fields, not decided on
    private static KapiParameterInfo Parameter(ParamSpec p) => new()
    {
        Index = p.Index,
        Name = p.Name,
        CTypeName = p.CTypeName,
        ConstraintType = p.ConstraintType is { } kind ? KapiConstant.Uniform(kind.Text, kind.Number) : null,
        ValidMask = Constant(p.ValidMask),
        MaskFlags = p.MaskFlags.Select(f => new KapiNamedConstant(f.Name, Constant(f.Value)!)).ToArray(),
        RequiredMask = Constant(p.RequiredMask),
        EnumMask = Constant(p.EnumMask),
        EnumValues = p.EnumValues.Select(f => new KapiNamedConstant(f.Name, Constant(f.Value)!)).ToArray(),
        MinValue = Constant(p.MinValue),
        MaxValue = Constant(p.MaxValue),
        IgnoresUnknownBits = p.IgnoresUnknownBits,
    };

    private static KapiConstant? Constant(KapiValue? v) => v is null ? null
        : new KapiConstant(v.Expression, v.X64, v.X86, v.Arm, v.Arm64, v.Ppc64le, v.S390x, v.RiscV64, v.LoongArch64);
#pragma warning restore RS0030
}
