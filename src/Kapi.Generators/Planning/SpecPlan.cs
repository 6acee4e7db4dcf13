namespace Kapi.Generators.Planning;

// The emit model: everything the emitter needs, decided once by SpecPlanner. SpecPlan is its root; the binding is in
// SyscallPlan.cs, EnumPlan.cs, ErrorEnumPlan.cs, ValidationPlan.cs and ArchValues.cs. Records of strings, numbers and
// EquatableArrays only (no Roslyn objects), so the step that produces it caches by value.

/// <summary>One generated file for one spec.</summary>
/// <param name="HintName">The hint name (unique: one spec name → one file, see OwnershipIndex).</param>
/// <param name="SpecName">The spec name (<c>sys_mlockall</c>).</param>
/// <param name="MetadataMember">The <c>KernelApiSpecs</c> property (<c>SysMlockall</c>).</param>
/// <param name="SourceFile">The spec file's name (no directories, so output does not depend on the checkout path).</param>
/// <param name="Options">The generator options.</param>
/// <param name="Spec">The bound spec (for metadata and documentation).</param>
/// <param name="Syscall">The binding, or null (ioctl, sysfs, kernel functions, unmappable parameters).</param>
/// <param name="NoBindingReason">Why there is no binding (written into the generated file).</param>
internal sealed record SpecPlan(
    string HintName,
    string SpecName,
    string MetadataMember,
    string? SourceFile,
    KapiGeneratorOptions Options,
    ApiSpec Spec,
    SyscallPlan? Syscall,
    string? NoBindingReason)
{
    public IndexEntry IndexEntry => new(SpecName, MetadataMember, Syscall is not null);

    /// <summary>The names of the binding that must be unique across specs (null without a binding), see <see cref="NameTable"/>.</summary>
    public SpecNames? BindingNames => Syscall is { } s
        ? new SpecNames(SpecName, s.MethodName, s.Errors.TypeName, s.Enums.Select(static e => e.TypeName).ToEquatableArray())
        : null;
}

/// <summary>What the registry file needs to know about one spec.</summary>
internal sealed record IndexEntry(string SpecName, string MetadataMember, bool HasBinding);
