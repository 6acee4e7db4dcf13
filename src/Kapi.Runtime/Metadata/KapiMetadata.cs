// The spec-metadata object graph: what the generated KernelApiSpecs registry returns. The classes and their
// properties are written at build time from Kapi.Model's section schemas (Kapi.Runtime.Generators,
// KapiMetadata.g.cs), so each KAPI field is declared once; this file adds what is not a field of a section.
// Each type is immutable (init-only properties, set by generated object initializers).

namespace Kapi.Runtime.Metadata;

public sealed partial class KernelApiSpec
{
    /// <summary>The spec name, for example <c>sys_mlockall</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>Function (syscall or kernel function), ioctl or sysfs attribute.</summary>
    public KernelApiKind Kind { get; init; }

    /// <summary>The file name of the <c>.kapi</c> file that defined the spec.</summary>
    public string? SourceFile { get; init; }

    /// <summary>The generated wrapper method (<c>Class.Method</c>), or null when no binding was generated (ioctl and sysfs specs, kernel functions, parameters that have no C# mapping).</summary>
    public string? BindingMethod { get; init; }
}

public sealed partial class KapiParameterInfo
{
    /// <summary>What <see cref="Type"/> means, or null when the spec gives no KAPI type.</summary>
    public KapiParamType? ParamType => Type?.PortableValue is long v ? (KapiParamType)v : null;

    /// <summary>What <see cref="Flags"/> means (<see cref="KapiParamFlags.None"/> when the spec gives none).</summary>
    public KapiParamFlags ParamFlags => Flags?.PortableValue is long v ? (KapiParamFlags)v : KapiParamFlags.None;

    /// <summary>What <see cref="ConstraintType"/> means, or null when the spec gives no constraint kind.</summary>
    public KapiConstraintKind? ConstraintKind => ConstraintType?.PortableValue is long v ? (KapiConstraintKind)v : null;
}
